package org.outpost.app.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One vital sign or lab result, kept in the unit it was entered in (so the record shows what was
 * actually written down) and convertible to the measure's canonical unit.
 */
public record Observation(UUID id, PatientId patient, Measure measure, Quantity value, Instant effective,
                          String recordedBy) {
    public Observation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(recordedBy, "recordedBy");
        if (!measure.accepts(value.unit())) {
            throw new IllegalArgumentException(value.unit().display() + " is not a unit for " + measure);
        }
    }

    public Quantity canonical() {
        return measure.toCanonical(value);
    }
}
