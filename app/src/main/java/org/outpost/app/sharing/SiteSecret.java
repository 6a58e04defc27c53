package org.outpost.app.sharing;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The site's random 32-byte key for pseudonyms: pseudonym = HMAC-SHA256(site secret, internal patient id), the
 * same for a patient every time this site sends, and useless to anyone without the secret. It lives only inside
 * the encrypted database (created at the first unlock that needs it) and is replaced only on purpose (an
 * administrator's rotation, audited), since every patient's pseudonym changes with it. It is a secret of its own,
 * not the database's older {@code site_secret} that row MACs are derived from: rotating pseudonyms must not touch
 * row integrity, and code holding this key must not be able to forge a row.
 */
public final class SiteSecret {
    /** The secret's length in bytes (an HMAC-SHA256 key as long as its output). */
    public static final int BYTES = 32;

    private final byte[] bytes;
    private final Instant createdAt;

    /**
     * @param bytes     the key ({@value #BYTES} bytes; copied)
     * @param createdAt when it was made (created, or last rotated)
     */
    public SiteSecret(byte[] bytes, Instant createdAt) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("A site secret has " + BYTES + " bytes");
        }
        this.bytes = bytes.clone();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A copy of the key; the caller should wipe it when done. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** When this secret was made (created, or last rotated). */
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SiteSecret other && java.security.MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SiteSecret[hidden, created " + createdAt + "]";
    }
}
