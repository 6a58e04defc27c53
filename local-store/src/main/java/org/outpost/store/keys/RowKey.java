package org.outpost.store.keys;

import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/**
 * The key that seals rows: HMAC-SHA256(the database's random site secret, {@value #LABEL}). The secret lives
 * inside the encrypted database (table {@code site_secret}, made by migration V1), so only someone who can
 * open the database can check and write rows, and nobody else can forge a row's MAC — the same reach as a key
 * derived from the data key, but it travels with the data: a data-key rotation or a restore re-encrypts the
 * file without touching a row, and every MAC stays valid. (A damaged secret makes every row fail: loud.)
 */
public final class RowKey implements AutoCloseable {
    /** The derivation label; a new label (v2) would mean a new encoding. */
    public static final String LABEL = "outpost row integrity v1";

    private final byte[] raw;
    private volatile boolean closed;

    private RowKey(byte[] raw) {
        this.raw = raw.clone();
    }

    /** Derives the row key from the open database's site secret. */
    public static RowKey of(java.sql.Connection c) throws java.sql.SQLException {
        Objects.requireNonNull(c, "c");
        byte[] secret;
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT secret FROM site_secret WHERE id = 1");
             java.sql.ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new java.sql.SQLException("the database has no site secret", "02000", 2000);
            }
            secret = rs.getBytes(1);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] raw = mac.doFinal(LABEL.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try {
                return new RowKey(raw);
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** A fresh HMAC-SHA256 under this key; one per thread (a {@link Mac} is not thread-safe). */
    public Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            if (closed) {
                throw new IllegalStateException("The row key was closed with the store");
            }
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Wipes this copy of the key (the store closes it with the data key). */
    @Override
    public void close() {
        closed = true;
        Arrays.fill(raw, (byte) 0);
    }

    @Override
    public String toString() {
        return "RowKey[hidden]";
    }
}
