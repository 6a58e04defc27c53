package org.outpost.store.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.WrongCredentialsException;

/**
 * Seals a data key to a user's X25519 public key and opens it with the private key, JDK crypto only:
 * a fresh ephemeral X25519 key pair per seal, {@code XDH} key agreement, HKDF-SHA256 (salt = ephemeral
 * public key ‖ recipient public key, info = the additional data) to a 256-bit AES key, then AES-GCM with
 * additional data binding format, user name and key generation. This is what lets key rotation give every
 * active user the new data key without their passwords.
 */
public final class KeySealer {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random;

    /** A sealer drawing ephemeral keys and nonces from {@code random}. */
    public KeySealer(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new X25519 key pair for a user's slot. */
    KeyPair newUserKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
            g.initialize(255, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is not available", e);
        }
    }

    /** Seals {@code key} to {@code username}'s public key (X.509 encoding). */
    public SealedKey seal(DataKey key, String username, byte[] publicKey) {
        PublicKey recipient = publicKey(publicKey);
        KeyPair ephemeral = newUserKeyPair();
        byte[] ephemeralPublic = ephemeral.getPublic().getEncoded();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] aad = aad(username, key.generation());
        byte[] plain = key.copyBytes();
        byte[] shared = agree(ephemeral.getPrivate(), recipient);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, aesKey(shared, ephemeralPublic, publicKey, aad),
                    new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(aad);
            return new SealedKey(publicKey, key.generation(), ephemeralPublic, nonce, gcm.doFinal(plain),
                    binding(key, username, publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
            Arrays.fill(shared, (byte) 0);
        }
    }

    /**
     * Opens a sealed key with the user's private key (PKCS#8 encoding). A sealed key altered, moved to
     * another user or relabelled with another generation fails the GCM tag: {@link WrongCredentialsException}.
     */
    DataKey open(SealedKey sealed, String username, byte[] privateKey) throws WrongCredentialsException {
        PrivateKey mine;
        try {
            mine = KeyFactory.getInstance("X25519").generatePrivate(new PKCS8EncodedKeySpec(privateKey));
        } catch (InvalidKeySpecException e) {
            throw new StoreException(KeySlotFile.DAMAGED);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is not available", e);
        }
        byte[] ephemeral = sealed.ephemeral();
        byte[] aad = aad(username, sealed.generation());
        byte[] shared = agree(mine, publicKey(ephemeral));
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, aesKey(shared, ephemeral, sealed.publicKey(), aad),
                    new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            gcm.updateAAD(aad);
            byte[] plain = gcm.doFinal(sealed.sealed());
            if (plain.length != DataKey.LENGTH) {
                Arrays.fill(plain, (byte) 0);
                throw new WrongCredentialsException();
            }
            return DataKey.adopt(plain, sealed.generation());
        } catch (AEADBadTagException e) {
            throw new WrongCredentialsException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    /** True when {@code sealed}'s public key is the one {@code key} (its generation's data key) bound to {@code username}. */
    public static boolean boundBy(DataKey key, String username, SealedKey sealed) {
        byte[] expected = binding(key, username, sealed.publicKey());
        try {
            return key.generation() == sealed.generation() && MessageDigest.isEqual(expected, sealed.binding());
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
    }

    private static byte[] binding(DataKey key, String username, byte[] publicKey) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(("outpost-slot-binding-v2\0" + username + "\0" + key.generation() + "\0")
                .getBytes(StandardCharsets.UTF_8));
        m.writeBytes(publicKey);
        return key.hmac(m.toByteArray());
    }

    static byte[] aad(String username, int generation) {
        return ("outpost-sealed-key-v2\0" + username + "\0" + generation).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey aesKey(byte[] shared, byte[] ephemeralPublic, byte[] recipientPublic, byte[] info)
            throws GeneralSecurityException {
        byte[] salt = new byte[ephemeralPublic.length + recipientPublic.length];
        System.arraycopy(ephemeralPublic, 0, salt, 0, ephemeralPublic.length);
        System.arraycopy(recipientPublic, 0, salt, ephemeralPublic.length, recipientPublic.length);
        return KDF.getInstance("HKDF-SHA256").deriveKey("AES",
                HKDFParameterSpec.ofExtract().addIKM(shared).addSalt(salt).thenExpand(info, 32));
    }

    private static byte[] agree(PrivateKey mine, PublicKey theirs) {
        try {
            KeyAgreement ka = KeyAgreement.getInstance("XDH");
            ka.init(mine);
            ka.doPhase(theirs, true);
            return ka.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new StoreException(KeySlotFile.DAMAGED);
        }
    }

    private static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (InvalidKeySpecException e) {
            throw new StoreException(KeySlotFile.DAMAGED);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is not available", e);
        }
    }
}
