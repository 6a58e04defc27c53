package org.outpost.store.keys;

import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/**
 * The key that seals rows: HMAC-SHA256(data key, {@value #LABEL}). Derived, not stored, so anyone who can
 * open the database can check and write rows, and nobody else can forge a row's MAC. Separate from the
 * H2 file key (a different label), so the MAC does not reuse the cipher's key.
 *
 * <p>A change of the data key (rotation) changes this key: the rotation must reseal every row
 * ({@code RowSeals.resealAll}) in the same step.
 */
public final class RowKey implements AutoCloseable {
    /** The derivation label; a new label (v2) would mean a new encoding. */
    public static final String LABEL = "outpost row integrity v1";

    private final byte[] raw;
    private volatile boolean closed;

    private RowKey(byte[] raw) {
        this.raw = raw.clone();
    }

    /** Derives the row key from an open data key. */
    public static RowKey derive(DataKey key) {
        Objects.requireNonNull(key, "key");
        byte[] raw = key.hmac(LABEL);
        try {
            return new RowKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
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
