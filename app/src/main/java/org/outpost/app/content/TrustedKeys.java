package org.outpost.app.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Ed25519 public keys whose signatures Outpost accepts on content updates. The shipped ones are in the
 * resource {@value #RESOURCE} beside this class — one line per key: key id, owner, and the public key as base64 of
 * its X.509 SubjectPublicKeyInfo; {@code #} lines are comments. Only a release changes that list: a key placed in
 * the data directory is never trusted, so whoever can write that folder still cannot sign content.
 *
 * <p><b>Rotating a key:</b> the content team makes a new pair ({@code outpost admin content keygen}), a release
 * adds the new public key's line (both keys are trusted during the change-over), the team signs from then on with
 * the new key, and a later release removes the old line — bundles signed only with the old key are then refused.
 */
public final class TrustedKeys {
    public static final String RESOURCE = "trusted-keys.tsv";

    /**
     * One trusted key.
     *
     * @param keyId the first 8 bytes of SHA-256 over the key's X.509 encoding, in hex ({@link #keyId(PublicKey)})
     * @param owner who holds the private key, for messages ("Outpost content team 2026")
     */
    public record TrustedKey(String keyId, String owner, PublicKey publicKey) {
        public TrustedKey {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(publicKey, "publicKey");
            if (!TrustedKeys.keyId(publicKey).equals(keyId)) {
                throw new IllegalArgumentException("key id " + keyId + " is not the id of its key, "
                        + TrustedKeys.keyId(publicKey));
            }
        }

        /** The key as a trusted-keys line. */
        public String line() {
            return keyId + "\t" + owner + "\t" + Base64.getEncoder().encodeToString(publicKey.getEncoded());
        }
    }

    private final Map<String, TrustedKey> byId;

    private TrustedKeys(List<TrustedKey> keys) {
        Map<String, TrustedKey> map = new LinkedHashMap<>();
        for (TrustedKey k : keys) {
            if (map.putIfAbsent(k.keyId(), k) != null) {
                throw new IllegalArgumentException("key " + k.keyId() + " is listed twice");
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    /** The keys this build of Outpost ships. */
    public static TrustedKeys shipped() {
        try (InputStream in = TrustedKeys.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the trusted keys resource " + RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Exactly these keys (tests, or a tool that checks against a given list). */
    public static TrustedKeys of(List<TrustedKey> keys) {
        return new TrustedKeys(List.copyOf(keys));
    }

    /** These public keys, each trusted under {@code owner}. */
    public static TrustedKeys of(String owner, PublicKey... keys) {
        return of(Arrays.stream(keys).map(k -> new TrustedKey(keyId(k), owner, k)).toList());
    }

    /** Reads a trusted-keys list; a line whose id is not its key's id is refused (a copying slip). */
    public static TrustedKeys parse(String text) {
        List<TrustedKey> keys = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\t");
            if (f.length != 3) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": expected key id, owner, "
                        + "public key (tab-separated)");
            }
            try {
                keys.add(new TrustedKey(f[0], f[1], publicKey(Base64.getDecoder().decode(f[2]))));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
            }
        }
        return new TrustedKeys(keys);
    }

    /** The Ed25519 public key of an X.509 SubjectPublicKeyInfo encoding. */
    static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }

    /** A key's id: the first 8 bytes of SHA-256 over its X.509 encoding, as 16 lower-case hex digits. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return ContentManifest.hex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    public Optional<TrustedKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public List<TrustedKey> keys() {
        return List.copyOf(byId.values());
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    @Override
    public String toString() {
        return "TrustedKeys" + byId.keySet();
    }
}
