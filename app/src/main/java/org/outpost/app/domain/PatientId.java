package org.outpost.app.domain;

import java.util.Objects;
import java.util.UUID;

/** Internal, non-identifying key of a patient record. Safe to write to the audit log. */
public record PatientId(UUID value) {
    public PatientId {
        Objects.requireNonNull(value, "value");
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID());
    }

    public static PatientId parse(String text) {
        return new PatientId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
