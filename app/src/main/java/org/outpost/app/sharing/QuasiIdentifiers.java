package org.outpost.app.sharing;

import java.time.LocalDate;
import java.util.Objects;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Sex;

/**
 * The identifying fields the k-anonymity gate generalises and groups by (birth year band, gender, ZIP3 taken from
 * the end of the address), for one patient whose consent to share is given. Identifying data: never log an instance.
 *
 * @param patient   the internal id
 * @param birthDate as recorded
 * @param sex       as recorded
 * @param address   the free-text address as recorded (may be empty)
 */
public record QuasiIdentifiers(PatientId patient, LocalDate birthDate, Sex sex, String address) {
    public QuasiIdentifiers {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        address = address == null ? "" : address;
    }

    @Override
    public String toString() {
        return "QuasiIdentifiers[" + patient + "]"; // no identifying data in logs
    }
}
