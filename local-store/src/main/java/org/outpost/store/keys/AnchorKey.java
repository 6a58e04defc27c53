package org.outpost.store.keys;

/**
 * The key that authenticates the audit anchor file: HMAC-SHA256(data key, "outpost audit anchor v1").
 * Derived, not stored, so the anchor is exactly as hard to forge as the database is to open: whoever can
 * forge it could also have opened the database. A separate label keeps it apart from H2's passwords.
 */
public final class AnchorKey {
    /** The derivation label; a new label means a new anchor format. */
    public static final String LABEL = "outpost audit anchor v1";

    private AnchorKey() {
    }

    /** The anchor MAC key for {@code key}; the caller wipes it. */
    public static byte[] derive(DataKey key) {
        return key.hmac(LABEL);
    }
}
