package org.outpost.sync.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 45 CFR 164.514(b)(2)(i)(C): the year of birth may leave, except that ages over 89 and their birth years are
 * aggregated into a single category of 90 or older.
 */
class BirthYearTest {
    @ParameterizedTest
    @CsvSource(textBlock = """
            1935-06-16, 2025-06-15, 1935
            1935-06-16, 2025-06-16, 90 or older
            1935-06-16, 2025-12-31, 90 or older
            1936-02-29, 2026-02-28, 1936
            1936-02-29, 2026-03-01, 90 or older
            2024-01-01, 2025-06-16, 2024
            1910-09-19, 2025-06-16, 90 or older
            """)
    void theYearIsReleasedUpToAge89AndAggregatedFromThe90thBirthday(LocalDate born, LocalDate asOf, String released) {
        assertThat(BirthYear.of(born, asOf)).hasToString(released);
    }

    @Test
    void eightyNineOnTheDayKeepsTheYearNinetyDoesNot() {
        LocalDate born = LocalDate.of(1935, 6, 16);
        assertThat(BirthYear.of(born, LocalDate.of(2025, 6, 15))).isEqualTo(new BirthYear.Known(Year.of(1935)));
        assertThat(BirthYear.of(born, LocalDate.of(2025, 6, 16))).isInstanceOf(BirthYear.NinetyOrOlder.class);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1950, 1950-1954
            1954, 1950-1954
            1955, 1955-1959
            2000, 2000-2004
            """)
    void bandsAreFiveCalendarYearsStartingAtAMultipleOfFive(int year, String band) {
        assertThat(new BirthYear.Known(Year.of(year)).band()).hasToString(band);
    }

    @Test
    void everyoneNinetyOrOlderIsOneBand() {
        assertThat(new BirthYear.NinetyOrOlder().band()).isEqualTo(BirthYearBand.NINETY_OR_OLDER);
    }
}
