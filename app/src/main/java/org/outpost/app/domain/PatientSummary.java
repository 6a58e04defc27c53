package org.outpost.app.domain;

import java.time.LocalDate;

/** One line of a patient list: enough to pick the right person, nothing more. */
public record PatientSummary(PatientId id, Mrn mrn, String familyName, String givenName, Sex sex, LocalDate birthDate) {
    public static PatientSummary of(Patient p) {
        return new PatientSummary(p.id(), p.mrn(), p.familyName(), p.givenName(), p.sex(), p.birthDate());
    }

    @Override
    public String toString() {
        return "PatientSummary[" + id + "]";
    }
}
