package org.outpost.sync.deid;

import java.util.Objects;
import org.outpost.app.domain.Sex;

/**
 * The released values a record could be linked on — birth-year band, gender, three-digit ZIP — which the
 * k-anonymity check groups by.
 */
public record QuasiIdentifiers(BirthYearBand band, Sex gender, Zip3 zip3) {
    public QuasiIdentifiers {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(zip3, "zip3");
    }

    /** {@code (1950-1954, female, 021)}. */
    @Override
    public String toString() {
        return "(" + band + ", " + gender.code() + ", " + zip3 + ")";
    }
}
