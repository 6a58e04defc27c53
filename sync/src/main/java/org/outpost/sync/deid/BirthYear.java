package org.outpost.sync.deid;

import java.time.LocalDate;
import java.time.Period;
import java.time.Year;
import java.util.Objects;

/**
 * What of a birth date may leave under Safe Harbor (45 CFR 164.514(b)(2)(i)(C)): the year, except that ages over 89
 * and every date element indicative of them, the birth year included, are aggregated into one category,
 * "90 or older".
 */
public sealed interface BirthYear permits BirthYear.Known, BirthYear.NinetyOrOlder {

    /** The oldest age, in completed years, whose birth year may still be released. */
    int OLDEST_RELEASED_AGE = 89;

    /** The birth year of someone 89 or younger. */
    record Known(Year year) implements BirthYear {
        public Known {
            Objects.requireNonNull(year, "year");
        }

        @Override
        public BirthYearBand band() {
            return BirthYearBand.of(year);
        }

        @Override
        public String toString() {
            return year.toString();
        }
    }

    /** Aged 90 or older: no year at all. */
    record NinetyOrOlder() implements BirthYear {
        @Override
        public BirthYearBand band() {
            return BirthYearBand.NINETY_OR_OLDER;
        }

        @Override
        public String toString() {
            return "90 or older";
        }
    }

    /** The band the k-anonymity check groups this by. */
    BirthYearBand band();

    /**
     * The releasable form of {@code birthDate} on {@code asOf}: the year while the person is 89 or younger in
     * completed years on that day, "90 or older" from the 90th birthday.
     */
    static BirthYear of(LocalDate birthDate, LocalDate asOf) {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(asOf, "asOf");
        int age = Period.between(birthDate, asOf).getYears();
        return age > OLDEST_RELEASED_AGE ? new NinetyOrOlder() : new Known(Year.of(birthDate.getYear()));
    }
}
