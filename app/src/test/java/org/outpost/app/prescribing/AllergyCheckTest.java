package org.outpost.app.prescribing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outpost.app.prescribing.PrescribingCheckTest.CHECK;
import static org.outpost.app.prescribing.PrescribingCheckTest.TODAY;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.domain.AllergyEntry;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Recorded;
import org.outpost.app.medicines.DrugClasses;
import org.outpost.app.model.Severity;
import org.outpost.app.prescribing.PrescribingCheckTest.ChartBuilder;

/** Issue 11, item 6: orders checked against the recorded allergies. */
class AllergyCheckTest {
    private static final AllergyCheck ALLERGIES = AllergyCheck.bundled(DrugClasses.bundled());
    private static final Recorded BY = new Recorded("dr.a", Instant.parse("2024-03-01T09:00:00Z"));

    private static AllergyStatus allergicTo(String substance, String reaction, AllergySeverity severity) {
        return new AllergyStatus.Listed(List.of(new AllergyEntry(substance, reaction, severity, Optional.of(BY))));
    }

    @ParameterizedTest(name = "allergy to {0}, ordering {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # the same medicine, by generic name or brand
            amoxicillin      | amoxicillin      | HIGH
            Amoxil           | amoxicillin      | HIGH
            ibuprofen        | ibuprofen        | HIGH
            # a medicine of the class the allergy names
            penicillin       | flucloxacillin   | HIGH
            Penicillins      | amoxicillin      | HIGH
            sulfa drugs      | sulfamethoxazole | HIGH
            NSAIDs           | naproxen         | HIGH
            # BNF penicillins: allergic to one penicillin, allergic to all
            amoxicillin      | flucloxacillin   | HIGH
            # Khan DA et al., J Allergy Clin Immunol 2022;150:1333-1393: penicillin-cephalosporin cross-reactivity low
            penicillin       | cefalexin        | MODERATE
            amoxicillin      | ceftriaxone      | MODERATE
            ceftriaxone      | amoxicillin      | MODERATE
            cefalexin        | cefuroxime       | MODERATE
            # Kowalski ML et al., Allergy 2013;68:1219-1232: cross-reactive NSAID hypersensitivity, aspirin included
            ibuprofen        | naproxen         | MODERATE
            aspirin          | diclofenac       | MODERATE
            naproxen         | aspirin          | MODERATE
            """)
    void anOrderMatchingAnAllergyNeedsAReason(String substance, String drug, Severity expected) {
        List<OrderAlert> alerts = ALLERGIES.check(allergicTo(substance, "hives", AllergySeverity.MODERATE), drug, true);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.modelId()).isEqualTo("allergies");
            assertThat(a.severity()).isEqualTo(expected);
            assertThat(a.needsAnswer()).isTrue();
            assertThat(a.text()).contains(substance).contains("hives, moderate");
        });
    }

    @ParameterizedTest(name = "allergy to {0}, ordering {1}: no alert")
    @CsvSource(delimiter = '|', textBlock = """
            penicillin       | metformin
            latex            | amoxicillin
            codeine          | morphine
            iodinated contrast | ceftriaxone
            # a penicillin allergy says nothing of sulfonamides, nor a sulfa allergy of penicillins
            sulfonamides     | amoxicillin
            """)
    void unrelatedMedicinesRaiseNothing(String substance, String drug) {
        assertThat(ALLERGIES.check(allergicTo(substance, "", AllergySeverity.UNKNOWN), drug, true)).isEmpty();
    }

    @Test
    void aCrossReactiveClassCitesItsSource() {
        OrderAlert a = ALLERGIES.check(allergicTo("penicillin", "anaphylaxis", AllergySeverity.LIFE_THREATENING),
                "cefalexin", true).getFirst();
        assertThat(a.modelTitle()).contains("Khan DA").contains("2022");
        assertThat(a.text()).contains("anaphylaxis, life-threatening").contains("side chain");
        assertThat(a.headline()).isEqualTo("Possible cross-reactivity: penicillin allergy");
    }

    @Test
    void anUnknownReactionIsSaidToBeUnknown() {
        OrderAlert a = ALLERGIES.check(AllergyStatus.fromLegacy(List.of("penicillin")), "amoxicillin", true).getFirst();
        assertThat(a.text()).contains("reaction and severity not recorded");
    }

    @Test
    void notRecordedIsALowPromptToRecordThemAndNoKnownAllergiesIsSilent() {
        assertThat(ALLERGIES.check(AllergyStatus.notRecorded(), "amoxicillin", true)).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.headline()).isEqualTo("Allergies not recorded");
            assertThat(a.needsAnswer()).isFalse();
            assertThat(a.differs()).isFalse();
        });
        assertThat(ALLERGIES.check(AllergyStatus.notRecorded(), "amoxicillin", false)).isEmpty();
        assertThat(ALLERGIES.check(new AllergyStatus.NoKnownAllergies(BY), "amoxicillin", true)).isEmpty();
    }

    @Test
    void anAnswerForAMildReactionDoesNotAnswerAnaphylaxis() {
        String mild = ALLERGIES.check(allergicTo("penicillin", "rash", AllergySeverity.MILD), "cefalexin", true)
                .getFirst().fingerprint();
        String severe = ALLERGIES.check(allergicTo("penicillin", "anaphylaxis", AllergySeverity.LIFE_THREATENING),
                "cefalexin", true).getFirst().fingerprint();
        assertThat(mild).isNotEqualTo(severe);
    }

    @Test
    void theOrderCheckRunsItAndTheReviewFlagsAMedicineAlreadyTaken() {
        Chart chart = new ChartBuilder().taking("Amoxil 500 mg", "500 mg", "three times daily")
                .allergies(allergicTo("penicillin", "hives", AllergySeverity.MODERATE)).build();
        assertThat(CHECK.check(chart, new OrderDraft("cefalexin", 500, "mg", "four times daily", "oral"), TODAY,
                Map.of())).filteredOn(a -> a.modelId().equals("allergies")).singleElement()
                .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.MODERATE));
        assertThat(CHECK.review(chart, TODAY, Map.of())).singleElement().satisfies(r -> {
            assertThat(r.drug()).isEqualTo("amoxicillin");
            assertThat(r.alerts()).anySatisfy(a -> {
                assertThat(a.modelId()).isEqualTo("allergies");
                assertThat(a.severity()).isEqualTo(Severity.HIGH);
            });
        });
        assertThat(CHECK.versions()).anyMatch(v -> v.startsWith("allergies "));
    }

    @Test
    void theReviewDoesNotRepeatTheNotRecordedPromptOnEveryMedicine() {
        Chart chart = new ChartBuilder().taking("amoxicillin", "500 mg", "three times daily")
                .allergies(AllergyStatus.notRecorded()).build();
        assertThat(CHECK.review(chart, TODAY, Map.of()).getFirst().alerts())
                .noneMatch(a -> a.modelId().equals("allergies"));
        assertThat(CHECK.check(chart, new OrderDraft("metformin", 500, "mg", "twice daily", "oral"), TODAY, Map.of()))
                .anyMatch(a -> a.headline().equals("Allergies not recorded"));
    }

    @Test
    void aTableNamingAClassNobodyKnowsIsRefusedWithItsLine() {
        String table = """
                # version: 9
                kind\tallergy\tordered\tseverity\tadvice\tsource
                names\tpenicillin\tpenicillin
                cross\tpenicillin\tcarbapenem\tMODERATE\tadvice\tsource
                """;
        assertThatThrownBy(() -> AllergyCheck.parse("x.tsv", new BufferedReader(new StringReader(table)),
                DrugClasses.bundled())).isInstanceOf(AllergyTableException.class)
                .hasMessage("x.tsv line 4: 'carbapenem' is neither a class nor a medicine of drug-classes.tsv (bundled)");
    }

    // ---- the table file: differences from the other tables, found when they came to share one reader

    private static final String HEADER_ROW = "kind\tallergy\tordered\tseverity\tadvice\tsource\n";
    private static final String NAMES_ROW = "names\tpenicillin\tpenicillin\n";

    private static AllergyCheck parse(String table) throws IOException {
        return AllergyCheck.parse("x.tsv", new BufferedReader(new StringReader(table)), DrugClasses.bundled());
    }

    /** Before, a byte-order mark (as Windows editors save) made line 1 a bad header row. */
    @Test
    void aByteOrderMarkIsIgnoredAsInEveryOtherTable() throws IOException {
        assertThat(parse("\uFEFF# version: 9\r\n" + HEADER_ROW + NAMES_ROW).ref().version()).isEqualTo("9");
    }

    /** Before, the first of two version lines silently won. */
    @Test
    void aHeaderKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> parse("# version: 9\n# version: 10\n" + HEADER_ROW + NAMES_ROW))
                .isInstanceOf(AllergyTableException.class).hasMessage("x.tsv line 2: header key 'version' is given twice");
    }

    /** Before, a file of comments, or a header row alone, loaded as a table that flags no cross-reactivity. */
    @Test
    void aTableWithoutAHeaderRowOrRowsIsRefused() {
        assertThatThrownBy(() -> parse("# version: 9\n# nothing else\n")).isInstanceOf(AllergyTableException.class)
                .hasMessage("x.tsv line 2: expected the header row 'kind allergy ordered severity advice source'");
        assertThatThrownBy(() -> parse("# version: 9\n" + HEADER_ROW)).isInstanceOf(AllergyTableException.class)
                .hasMessage("x.tsv line 2: the table has no rows");
    }

    /** Before, only the first cell kept its white space ("names " was not a kind of row); now no cell does. */
    @Test
    void whiteSpaceAroundTheKindOfRowIsIgnoredLikeAroundEveryOtherCell() throws IOException {
        AllergyCheck check = parse("# version: 9\n kind \tallergy\n names \tpenicillin\t penicillin \n");
        assertThat(check.check(allergicTo("penicillin", "hives", AllergySeverity.MODERATE), "amoxicillin", true))
                .singleElement().satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.HIGH));
    }
}
