package org.outpost.app.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientQueryTest {
    @Test
    void splitsNamesIntoFoldedPrefixes() {
        PatientQuery q = PatientQuery.parse("  José  SMI ");
        assertThat(q.nameTokens()).containsExactly("jose", "smi");
        assertThat(q.mrnPrefix()).isEmpty();
        assertThat(q.birthDate()).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(textBlock = """
            Łukasz,          lukasz
            Søren,           soren
            Straße,          strasse
            STRAẞE,          strasse
            Æsa,             aesa
            Œdipe,           oedipe
            Đorđe,      dorde
            Þorsteinn,       thorsteinn
            Guðrún,     gudrun
            Yıldız,     yildiz
            İstanbul,        istanbul
            Bożena Włoś, bozena wlos
            José,            jose
            """)
    void foldsLettersUnicodeDoesNotDecomposeAsTheyAreTypedOnAnEnglishKeyboard(String name, String folded) {
        assertThat(PatientQuery.fold(name)).isEqualTo(folded);
        assertThat(PatientQuery.parse(folded.split(" ")[0]).nameTokens()).containsExactly(folded.split(" ")[0]);
    }

    @Test
    void recognisesIsoAndDayFirstDates() {
        assertThat(PatientQuery.parse("1984-03-07").birthDate()).contains(LocalDate.of(1984, 3, 7));
        assertThat(PatientQuery.parse("07/03/1984").birthDate()).contains(LocalDate.of(1984, 3, 7));
        assertThat(PatientQuery.parse("7.3.1984 smith").nameTokens()).containsExactly("smith");
    }

    @Test
    void impossibleDateIsNotADate() {
        PatientQuery q = PatientQuery.parse("31/02/1984");
        assertThat(q.birthDate()).isEmpty();
        assertThat(q.mrnPrefix()).contains("31/02/1984");
    }

    @Test
    void tokensWithDigitsAreMrnPrefixes() {
        assertThat(PatientQuery.parse("op-0004").mrnPrefix()).contains("OP-0004");
    }

    @Test
    void blankIsEmpty() {
        assertThat(PatientQuery.parse("   ").isEmpty()).isTrue();
        assertThat(PatientQuery.parse(null)).isEqualTo(new PatientQuery(List.of(), java.util.Optional.empty(),
                java.util.Optional.empty()));
    }
}
