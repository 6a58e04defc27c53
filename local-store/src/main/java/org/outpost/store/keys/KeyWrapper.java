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
    /** Iterations for new slots in production (see {@link KdfCost#PRODUCTION}). */
    public static final int DEFAULT_ITERATIONS = KdfCost.PRODUCTION.newSlots();
    /** Version of the slot format, bound into the GCM additional data. */
    public static final int FORMAT_VERSION = 1;

    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random;
    private final KdfCost cost;

    /** A wrapper creating and accepting slots at {@code cost}. */
    public KeyWrapper(SecureRandom random, KdfCost cost) {
        this.random = Objects.requireNonNull(random, "random");
        this.cost = Objects.requireNonNull(cost, "cost");
    }

    /** A wrapper at {@link KdfCost#PRODUCTION}. */
    public KeyWrapper(SecureRandom random) {
        this(random, KdfCost.PRODUCTION);
    }

    /** Wraps the data key for {@code username} under {@code password}. */
    public KeySlot wrap(DataKey dataKey, String username, char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        int iterations = cost.newSlots();
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
     * the GCM tag check and throws {@link WrongCredentialsException}. A slot asking for a PBKDF2 cost
     * outside the accepted range is refused first ({@link org.outpost.app.port.StoreException}).
     */
    public DataKey unwrap(KeySlot slot, char[] password) throws WrongCredentialsException {
        cost.requireAccepted(slot.iterations());
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
        Arrays.fill(deriveKek(password, salt, cost.newSlots()), (byte) 0);
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
