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
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(action, "action");
        patient = patient == null ? Optional.empty() : patient;
        detail = detail == null ? "" : detail;
    }

    public static AuditEvent of(Instant at, String username, AuditAction action) {
        return new AuditEvent(at, username, action, Optional.empty(), "");
    }

    public static AuditEvent about(Instant at, String username, AuditAction action, PatientId patient, String detail) {
        return new AuditEvent(at, username, action, Optional.of(patient), detail);
    }
}
