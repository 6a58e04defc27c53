package org.outpost.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The audit chain's hash: {@code SHA-256(prev_hash || canonical(row))} in lower-case hex, where the
 * canonical form is the format tag and each of seq, at (ISO-8601 instant), username, action name,
 * patient id (or "-") and detail written as {@code <length>:<value>;} so no two different rows
 * serialise alike.
 */
public final class AuditHash {
    /** The previous hash of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    /** The hash of one row given the hash of the row before it. */
    public static String of(String previousHash, long seq, Instant at, String username, String action,
                            String patientId, String detail) {
        StringBuilder c = new StringBuilder(128);
        field(c, "outpost-audit-v1");
        field(c, Long.toString(seq));
        field(c, at.toString());
        field(c, username);
        field(c, action);
        field(c, patientId == null ? "-" : patientId);
        field(c, detail);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(c.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void field(StringBuilder c, String value) {
        c.append(value.length()).append(':').append(value).append(';');
    }
}
