package org.outpost.app.content;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The content team's Ed25519 private key with its public key and key id. It lives outside the repository and
 * outside any installer: in a PEM file ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8) only its owner can read, or in
 * an environment variable of the release build. Tests make throw-away ones with {@link #generate()}.
 */
public final class SigningKey {
    private static final String PRIVATE_PEM = "PRIVATE KEY";
    private static final String PUBLIC_PEM = "PUBLIC KEY";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey);
        this.publicKey = Objects.requireNonNull(publicKey);
    }

    /** A new random key pair. */
    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java", e);
        }
    }

    /**
     * The key in a PKCS#8 PEM text. The public key is derived from the private one (the JDK generates the pair
     * again from the private key's seed) and checked by signing and verifying a test message.
     *
     * @throws IllegalArgumentException when the text is not an Ed25519 private key in PEM
     */
    public static SigningKey fromPem(String pem) {
        byte[] der = pemBody(pem, PRIVATE_PEM);
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key (PKCS#8)");
        }
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the private key's bytes cannot be read"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            PublicKey derived = generator.generateKeyPair().getPublic();
            SigningKey signing = new SigningKey(key, derived);
            byte[] probe = "outpost signing key check".getBytes(StandardCharsets.US_ASCII);
            if (!verifies(derived, probe, signing.sign(probe))) {
                throw new IllegalStateException("the public key derived from the private key does not verify its "
                        + "signature: this Java derives Ed25519 keys differently");
            }
            return signing;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java", e);
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    /** Hands the private key's seed to the key pair generator, once. */
    private static final class FixedSeed extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a request for " + seed.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    static byte[] pemBody(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        String text = pem.strip();
        if (!text.startsWith(begin) || !text.endsWith(end)) {
            throw new IllegalArgumentException("not a PEM '" + label + "' (expected " + begin + " … " + end + ")");
        }
        String body = text.substring(begin.length(), text.length() - end.length()).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not base64");
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** The public key of a PEM {@code PUBLIC KEY} (X.509) text. */
    public static PublicKey publicKeyFromPem(String pem) {
        try {
            return TrustedKeys.publicKey(pemBody(pem, PUBLIC_PEM));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509)");
        }
    }

    static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java", e);
        }
    }

    /** The Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return TrustedKeys.keyId(publicKey);
    }

    /** The private key as PKCS#8 PEM: write it only to an owner-only file. */
    public String privateKeyPem() {
        return pem(PRIVATE_PEM, privateKey.getEncoded());
    }

    public String publicKeyPem() {
        return pem(PUBLIC_PEM, publicKey.getEncoded());
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId() + "]";
    }
}
