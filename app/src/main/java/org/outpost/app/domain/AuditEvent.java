package org.outpost.app.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something to append to the audit log.
 *
 * @param username who did it (a user name, never a patient's name)
 * @param patient  the internal patient id involved, if any (never a name or MRN)
 * @param detail   non-identifying detail, e.g. a LOINC code or a count
 */
public record AuditEvent(Instant at, String username, AuditAction action, Optional<PatientId> patient, String detail) {
    /** The audit log's {@code username} column width (V1): longer names are cut, never refused. */
    public static final int MAX_USERNAME = 64;
    /** The audit log's {@code detail} column width (V1). */
    public static final int MAX_DETAIL = 2000;

    /**
     * Over-long values are cut to the columns with a final "…" rather than refused: an audit insert that
     * failed on length once blocked every later sign-in, and the row matters more than its tail.
     */
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(action, "action");
        patient = patient == null ? Optional.empty() : patient;
        detail = detail == null ? "" : detail;
        username = cut(username, MAX_USERNAME);
        detail = cut(detail, MAX_DETAIL);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    public static AuditEvent of(Instant at, String username, AuditAction action) {
        return new AuditEvent(at, username, action, Optional.empty(), "");
    }

    public static AuditEvent about(Instant at, String username, AuditAction action, PatientId patient, String detail) {
        return new AuditEvent(at, username, action, Optional.of(patient), detail);
    }
}
