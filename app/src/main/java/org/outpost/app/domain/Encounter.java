package org.outpost.app.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A visit or contact.
 *
 * @param type      e.g. "outpatient", "home visit", "telephone"
 * @param clinician the user name of the clinician who saw the patient
 */
public record Encounter(UUID id, PatientId patient, Instant start, String type, String reason, String clinician) {
    public Encounter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(start, "start");
        type = type == null ? "" : type;
        reason = reason == null ? "" : reason;
        clinician = clinician == null ? "" : clinician;
    }
}
