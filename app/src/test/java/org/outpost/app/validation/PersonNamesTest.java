package org.outpost.app.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Sex;
import org.outpost.app.usecase.PatientDraft;

class PersonNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"Łukasz", "O'Brien", "Nguyễn", "Nguye\u0302\u0303n", "José María", "Santos-Silva", "李",
            "Ngozi", "da Silva", "Smith 3rd", "Ó"})
    void namesWithALetterInAnyScriptAreAccepted(String name) {
        assertThat(PersonNames.check("givenName", name, "patient.givenNameRequired")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345, !!", "12345", "!!", "---", "''", "3.", "٣٤٥"})
    void namesWithoutALetterAreRefusedWithTheirOwnMessage(String name) {
        assertThat(PersonNames.check("familyName", name, "patient.familyNameRequired"))
                .contains(Violation.of("familyName", "patient.nameNeedsLetter"));
    }

    @Test
    void blankIsRequiredAndTooLongIsRefused() {
        assertThat(PersonNames.check("familyName", "  ", "patient.familyNameRequired"))
                .contains(Violation.of("familyName", "patient.familyNameRequired"));
        assertThat(PersonNames.check("familyName", null, "patient.familyNameRequired"))
                .contains(Violation.of("familyName", "patient.familyNameRequired"));
        assertThat(PersonNames.check("givenName", "a".repeat(101), "patient.givenNameRequired"))
                .contains(Violation.of("givenName", "patient.nameTooLong", 100));
        assertThat(PersonNames.check("givenName", " " + "a".repeat(100) + " ", "patient.givenNameRequired"))
                .isEmpty();
    }

    @Test
    void theDraftRefusesANameWithoutALetterOnThatField() {
        PatientDraft draft = new PatientDraft("", "12345, !!", "Ngozi", Sex.FEMALE, LocalDate.of(1971, 9, 14), "", "",
                Consent.UNKNOWN, null);
        assertThat(draft.validate(LocalDate.of(2026, 12, 7)))
                .containsExactly(Violation.of("familyName", "patient.nameNeedsLetter"));
    }

    @Test
    void theMessageSaysWhatIsWrong() {
        assertThat(new Messages(java.util.Locale.ENGLISH).text(Violation.of("familyName", "patient.nameNeedsLetter")))
                .isEqualTo("A name needs at least one letter");
    }
}
