package org.outpost.sync.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The site's pseudonym secret ({@link org.outpost.app.sharing.SiteSecret}, kept inside the encrypted database and
 * never sent anywhere) as the key of the HMAC-SHA256 that makes every pseudonym and every resource id leaving the
 * site: stable per site, and impossible to recompute, or reverse by guessing, without it. Never printed:
 * {@link #toString()} hides the bytes.
 */
public final class PseudonymKey {
    /** The shortest key accepted: 256 bits, the HMAC-SHA256 block output size (RFC 2104 section 3). */
    public static final int MIN_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final byte[] key;

    private PseudonymKey(byte[] key) {
        this.key = key;
    }

    /** The key of the site's stored pseudonym secret. */
    public static PseudonymKey forSite(org.outpost.app.sharing.SiteSecret secret) {
        byte[] key = secret.bytes();
        try {
            return of(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** A key of these bytes (tests and throw-away runs); the array is copied. */
    public static PseudonymKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("A site secret has at least " + MIN_BYTES + " bytes");
        }
        return new PseudonymKey(key.clone());
    }


    /**
     * A fresh random key, e.g. for a new site or a throw-away run ({@code admin deid}): pseudonyms under it
     * match no site's.
     */
    public static PseudonymKey random() {
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        return new PseudonymKey(key);
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code message} under this key, as 64 lower-case hex digits. */
    public String hmacHex(String message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PseudonymKey other && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "PseudonymKey[hidden]";
    }
}
