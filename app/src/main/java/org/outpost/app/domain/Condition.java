package org.outpost.app.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of the problem list: a coded diagnosis, when it began, whether it is active, and who recorded it.
 *
 * @param onset    when it began, when known
 * @param resolved when it ended; only for a {@link ConditionStatus#RESOLVED resolved} problem, and not before onset
 */
public record Condition(UUID id, PatientId patient, ConditionCode code, Optional<LocalDate> onset,
                        ConditionStatus status, Optional<LocalDate> resolved, Recorded recorded) {
    public Condition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recorded, "recorded");
        onset = onset == null ? Optional.empty() : onset;
        resolved = resolved == null ? Optional.empty() : resolved;
        if (resolved.isPresent() && status != ConditionStatus.RESOLVED) {
            throw new IllegalArgumentException("Only a resolved problem has an end date");
        }
        if (resolved.isPresent() && onset.isPresent() && resolved.get().isBefore(onset.get())) {
            throw new IllegalArgumentException("A problem cannot end before it began");
        }
    }

    /** Whether the patient has it now. */
    public boolean isActive() {
        return status == ConditionStatus.ACTIVE;
    }

    /** The same problem with a new status (and end date, for a resolved one). */
    public Condition withStatus(ConditionStatus newStatus, Optional<LocalDate> end, Recorded by) {
        return new Condition(id, patient, code, onset, newStatus,
                newStatus == ConditionStatus.RESOLVED ? end : Optional.empty(), by);
    }
}
