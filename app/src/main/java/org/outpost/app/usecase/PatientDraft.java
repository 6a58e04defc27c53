package org.outpost.app.usecase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Sex;
import org.outpost.app.validation.PersonNames;
import org.outpost.app.validation.Violation;

/**
 * Demographics as typed into the registration or edit form, before validation.
 *
 * @param mrn       blank to have one assigned
 * @param consent   at registration, the answer on sharing (null is not recorded); when editing, null or the
 *                  answer recorded (the consent is changed in the chart)
 * @param allergies not recorded, no known allergies, or a list; null is not recorded
 */
public record PatientDraft(String mrn, String familyName, String givenName, Sex sex, LocalDate birthDate,
                           String address, String phone, Consent consent, AllergyDraft allergies) {

    public PatientDraft {
        allergies = allergies == null ? AllergyDraft.notRecorded() : allergies;
    }

    /** Oldest documented human age, rounded up: a birth date before this many years is a typo. */
    static final int MAX_AGE_YEARS = 125;

    /** Checks every field, returning all problems at once. */
    public List<Violation> validate(LocalDate today) {
        List<Violation> problems = new ArrayList<>();
        if (mrn != null && !mrn.isBlank() && !Mrn.isValid(mrn)) {
            problems.add(Violation.of("mrn", "patient.mrnFormat"));
        }
        PersonNames.check("familyName", familyName, "patient.familyNameRequired").ifPresent(problems::add);
        PersonNames.check("givenName", givenName, "patient.givenNameRequired").ifPresent(problems::add);
        if (sex == null) {
            problems.add(Violation.of("sex", "patient.sexRequired"));
        }
        if (birthDate == null) {
            problems.add(Violation.of("birthDate", "patient.birthDateRequired"));
        } else if (birthDate.isAfter(today)) {
            problems.add(Violation.of("birthDate", "patient.birthDateInFuture"));
        } else if (birthDate.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            problems.add(Violation.of("birthDate", "patient.birthDateTooOld", MAX_AGE_YEARS));
        }
        if (phone != null && !phone.isBlank() && !phone.strip().matches("[+0-9 ()./-]{3,30}")) {
            problems.add(Violation.of("phone", "patient.phoneFormat"));
        }
        problems.addAll(allergies.validate());
        return problems;
    }
}
