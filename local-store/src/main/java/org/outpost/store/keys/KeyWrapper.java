package org.outpost.store.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;
import org.outpost.app.port.WrongCredentialsException;

/**
 * Wraps and unwraps the data key with a key-encryption key derived from a user's password:
 * PBKDF2-HMAC-SHA256 (per-slot random salt, iteration count kept in the slot) → 256-bit KEK → AES-GCM
 * with a random 96-bit nonce and additional data binding the slot to the file format version and the
 * user name, so a slot copied to another user's name does not open.
 */
public final class KeyWrapper {
    /** Iterations for new slots (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Version of the slot format, bound into the GCM additional data. */
    public static final int FORMAT_VERSION = 1;

    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random;
    private final int iterations;

    /** A wrapper creating slots with {@code iterations} PBKDF2 rounds. */
    public KeyWrapper(SecureRandom random, int iterations) {
        this.random = Objects.requireNonNull(random, "random");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    /** A wrapper with {@link #DEFAULT_ITERATIONS}. */
    public KeyWrapper(SecureRandom random) {
        this(random, DEFAULT_ITERATIONS);
    }

    /** Wraps the data key for {@code username} under {@code password}. */
    public KeySlot wrap(DataKey dataKey, String username, char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] kek = deriveKek(password, salt, iterations);
        byte[] plain = dataKey.copyBytes();
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(aad(username));
            return new KeySlot(username, iterations, salt, nonce, gcm.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens a slot. A wrong password (or a slot tampered with, or moved to another user's name) fails
     * the GCM tag check and throws {@link WrongCredentialsException}.
     */
    public DataKey unwrap(KeySlot slot, char[] password) throws WrongCredentialsException {
        byte[] kek = deriveKek(password, slot.salt(), slot.iterations());
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, slot.nonce()));
            gcm.updateAAD(aad(slot.username()));
            byte[] plain = gcm.doFinal(slot.wrapped());
            if (plain.length != DataKey.LENGTH) {
                Arrays.fill(plain, (byte) 0);
                throw new WrongCredentialsException();
            }
            return DataKey.adopt(plain);
        } catch (AEADBadTagException e) {
            throw new WrongCredentialsException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /**
     * Spends the same PBKDF2 time as opening a slot, against a random salt, so an unknown user name
     * cannot be told from a wrong password by timing.
     */
    public void spendEqualTime(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Arrays.fill(deriveKek(password, salt, iterations), (byte) 0);
    }

    private static byte[] aad(String username) {
        return ("outpost-keyslot-v" + FORMAT_VERSION + "\0" + username).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deriveKek(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            SecretKey key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec);
            byte[] encoded = key.getEncoded();
            try {
                key.destroy();
            } catch (DestroyFailedException e) {
                // not every provider supports destroy; the encoded copy is still wiped by the caller
            }
            return encoded;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
