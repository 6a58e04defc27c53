package org.outpost.store.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.WrongCredentialsException;

/**
 * Makes and opens key slots with a key-encryption key derived from a user's password:
 * PBKDF2-HMAC-SHA256 (per-slot random salt, iteration count kept in the slot) → 256-bit KEK → AES-GCM
 * with a random 96-bit nonce and additional data binding the slot to its format and the user name, so a
 * slot copied to another user's name does not open.
 *
 * <p>New slots are format 2: the KEK wraps the user's X25519 private key, and the data key is sealed to
 * the public key ({@link KeySealer}). {@link #reseal} gives a slot a new data key with the public key
 * alone, which is how rotation works without passwords. Format-1 slots (the data key wrapped directly)
 * still open, and {@link #needsUpgrade} says when to replace one at sign-in.
 */
public final class KeyWrapper {
    /** Iterations for new slots in production (see {@link KdfCost#PRODUCTION}). */
    public static final int DEFAULT_ITERATIONS = KdfCost.PRODUCTION.newSlots();
    /** Newest key file format this code reads and the one it writes; bound into the GCM additional data. */
    public static final int FORMAT_VERSION = 2;

    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random;
    private final KdfCost cost;
    private final KeySealer sealer;

    /** A wrapper creating and accepting slots at {@code cost}. */
    public KeyWrapper(SecureRandom random, KdfCost cost) {
        this.random = Objects.requireNonNull(random, "random");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.sealer = new KeySealer(random);
    }

    /** A wrapper at {@link KdfCost#PRODUCTION}. */
    public KeyWrapper(SecureRandom random) {
        this(random, KdfCost.PRODUCTION);
    }

    /**
     * A new format-2 slot for {@code username}: a fresh X25519 key pair, the private key wrapped under
     * {@code password}, the data key sealed to the public key.
     */
    public KeySlot wrap(DataKey dataKey, String username, char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        int iterations = cost.newSlots();
        KeyPair pair = sealer.newUserKeyPair();
        byte[] publicKey = pair.getPublic().getEncoded();
        SealedKey sealed = sealer.seal(dataKey, username, publicKey);
        byte[] kek = deriveKek(password, salt, iterations);
        byte[] plain = pair.getPrivate().getEncoded();
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(aad(2, username, publicKey));
            return new KeySlot(username, iterations, salt, nonce, gcm.doFinal(plain), sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * {@code slot} with {@code newKey} sealed to its public key instead (no password needed). Refuses a
     * format-1 slot (it has no public key) and a slot whose public key {@code currentKey} did not bind to
     * that user (someone swapped it in to receive the new key).
     */
    public KeySlot reseal(KeySlot slot, DataKey currentKey, DataKey newKey) {
        SealedKey old = slot.sealedKey().orElseThrow(() -> new IllegalArgumentException(
                "A format-1 slot cannot be resealed without its user's password"));
        if (!KeySealer.boundBy(currentKey, slot.username(), old)) {
            throw new StoreException("The key slot of '" + slot.username() + "' in " + KeySlotFile.NAME
                    + " was altered (its public key is not the one this database issued); the key was not rotated."
                    + " Reset that user's password, then rotate again.");
        }
        return new KeySlot(slot.username(), slot.iterations(), slot.salt(), slot.nonce(), slot.wrapped(),
                sealer.seal(newKey, slot.username(), old.publicKey()));
    }

    /** True for a slot that should be replaced by a format-2 one (see {@link #wrap}) once its password is known. */
    public static boolean needsUpgrade(KeySlot slot) {
        return slot.format() < FORMAT_VERSION;
    }

    /**
     * Opens a slot. A wrong password (or a slot tampered with, or moved to another user's name) fails
     * the GCM tag check and throws {@link WrongCredentialsException}. A slot asking for a PBKDF2 cost
     * outside the accepted range is refused first ({@link org.outpost.app.port.StoreException}).
     */
    public DataKey unwrap(KeySlot slot, char[] password) throws WrongCredentialsException {
        cost.requireAccepted(slot.iterations());
        byte[] kek = deriveKek(password, slot.salt(), slot.iterations());
        byte[] plain = null;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, slot.nonce()));
            Optional<SealedKey> sealed = slot.sealedKey();
            gcm.updateAAD(sealed.isEmpty() ? aad(1, slot.username(), null)
                    : aad(2, slot.username(), sealed.get().publicKey()));
            plain = gcm.doFinal(slot.wrapped());
            if (sealed.isPresent()) {
                return sealer.open(sealed.get(), slot.username(), plain);
            }
            if (plain.length != DataKey.LENGTH) {
                throw new WrongCredentialsException();
            }
            DataKey key = DataKey.adopt(plain);
            plain = null;
            return key;
        } catch (AEADBadTagException e) {
            throw new WrongCredentialsException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
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

    /**
     * Additional data of the password-wrapped part: format 1 binds the user name; format 2 also binds the
     * public key, so a slot whose public key was swapped no longer opens.
     */
    private static byte[] aad(int format, String username, byte[] publicKey) {
        byte[] head = ("outpost-keyslot-v" + format + "\0" + username).getBytes(StandardCharsets.UTF_8);
        if (publicKey == null) {
            return head;
        }
        byte[] out = Arrays.copyOf(head, head.length + 1 + publicKey.length);
        System.arraycopy(publicKey, 0, out, head.length + 1, publicKey.length);
        return out;
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
