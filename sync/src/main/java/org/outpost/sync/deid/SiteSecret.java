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
 * The site's pseudonym key: random bytes kept inside the encrypted database and never sent anywhere. Every
 * pseudonym and every resource id that leaves the site is an HMAC-SHA256 under this key, so they are stable per
 * site and cannot be recomputed, or reversed by guessing, without it. Never printed: {@link #toString()} hides
 * the bytes.
 */
public final class SiteSecret {
    /** The shortest key accepted: 256 bits, the HMAC-SHA256 block output size (RFC 2104 section 3). */
    public static final int MIN_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final byte[] key;

    private SiteSecret(byte[] key) {
        this.key = key;
    }

    /** The site's key; the array is copied. */
    public static SiteSecret of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("A site secret has at least " + MIN_BYTES + " bytes");
        }
        return new SiteSecret(key.clone());
    }


    /**
     * A fresh random key, e.g. for a new site or a throw-away run ({@code admin deid}): pseudonyms under it
     * match no site's.
     */
    public static SiteSecret random() {
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        return new SiteSecret(key);
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code message} under this key, as 64 lower-case hex digits. */
    String hmacHex(String message) {
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
        return o instanceof SiteSecret other && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "SiteSecret[hidden]";
    }
}
