package org.outpost.app.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import org.outpost.app.text.ClinicalText;

/**
 * A patient's demographics. Identifying data: never log an instance.
 *
 * @param consent   the consent to sharing de-identified summaries (and, separately, genotypes); null is not recorded
 * @param allergies not recorded, no known allergies (who, when), or the list; null is not recorded
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
        SharingConsent consent,
        AllergyStatus allergies) {

    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mrn, "mrn");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
        address = address == null ? "" : address;
        phone = phone == null ? "" : phone;
        consent = consent == null ? SharingConsent.notRecorded() : consent;
        allergies = allergies == null ? AllergyStatus.notRecorded() : allergies;
    }

    /** This patient with another consent to sharing (everything else unchanged). */
    public Patient withConsent(SharingConsent newConsent) {
        return new Patient(id, mrn, familyName, givenName, sex, birthDate, address, phone, newConsent, allergies);
    }

    /** Completed years on {@code day}. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** The name as English writes it for a list, "Family, Given" ({@code name.familyGiven} of the clinical bundle). */
    public String displayName() {
        return displayName(ClinicalText.english());
    }

    /** The name in the order {@code texts}' language writes it. */
    public String displayName(ClinicalText texts) {
        return texts.personName(familyName, givenName);
    }

    @Override
    public String toString() {
        return "Patient[" + id + "]"; // no identifying data in logs or exception messages
    }
}
