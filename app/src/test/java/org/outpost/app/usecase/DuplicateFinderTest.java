package org.outpost.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Sex;

class DuplicateFinderTest {
    private static final LocalDate DOB = LocalDate.of(1961, 4, 9);
    private final Patient existing = new Patient(PatientId.random(), new Mrn("OP-000001"), "Okonkwo", "Chidinma",
            Sex.FEMALE, DOB, "", "", null, null);

    @Test
    void jaroWinklerMatchesPublishedExamples() {
        // Winkler (1990) / Cohen et al. (2003) textbook pairs: MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.84, DIXON/DICKSONX 0.813
        assertThat(NameSimilarity.of("MARTHA", "MARHTA")).isCloseTo(0.961, within(0.001));
        assertThat(NameSimilarity.of("DWAYNE", "DUANE")).isCloseTo(0.840, within(0.001));
        assertThat(NameSimilarity.of("DIXON", "DICKSONX")).isCloseTo(0.813, within(0.001));
    }

    @ParameterizedTest(name = "{0} {1} born {2}: {3}")
    @CsvSource(textBlock = """
            Okonkwo,  Chidinma, 1961-04-09, duplicate.sameNameAndBirthDate
            okonkwo,  chidínma, 1961-04-09, duplicate.sameNameAndBirthDate
            Okonkow,  Chidinma, 1961-04-09, duplicate.similarName
            Chidinma, Okonkwo,  1961-04-09, duplicate.namesSwapped
            Okonkwo,  Chidinma, 1961-09-04, duplicate.birthDateTypo
            Okonkwo,  Chidinma, 1962-04-09, duplicate.birthDateTypo
            Okonkwo,  Chidinma, 1961-04-10, duplicate.birthDateTypo
            """)
    void recognisesCommonKeyingErrors(String family, String given, LocalDate dob, String reason) {
        assertThat(DuplicateFinder.birthDateVariants(dob)).contains(DOB);
        assertThat(DuplicateFinder.score(existing, family, given, dob)).get()
                .extracting(DuplicateCandidate::reason).isEqualTo(reason);
    }

    @Test
    void differentPeopleAreNotDuplicates() {
        assertThat(DuplicateFinder.score(existing, "Mensah", "Kwame", DOB)).isEmpty();
        assertThat(DuplicateFinder.birthDateVariants(LocalDate.of(1961, 4, 9))).doesNotContain(LocalDate.of(1975, 1, 1));
    }
}
