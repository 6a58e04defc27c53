package org.outpost.app.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * A patient's demographics. Identifying data: never log an instance.
 *
 * @param allergies free-text substances as the clinic records them ("penicillin", "latex")
 */
public record Patient(
        PatientId id,
        Mrn mrn,
        String familyName,
        String givenName,
        Sex sex,
        LocalDate birthDate,
        String address,
        String phone,
        Consent consent,
        List<String> allergies) {

    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mrn, "mrn");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
        address = address == null ? "" : address;
        phone = phone == null ? "" : phone;
        consent = consent == null ? Consent.UNKNOWN : consent;
        allergies = allergies == null ? List.of() : List.copyOf(allergies);
    }

    /** Completed years on {@code day}. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public String displayName() {
        return familyName + ", " + givenName;
    }

    @Override
    public String toString() {
        return "Patient[" + id + "]"; // no identifying data in logs or exception messages
    }
}
