package org.outpost.app.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.Severity;

class WarfarinLabelDoseTest {
    private final WarfarinLabelDose model = new WarfarinLabelDose();

    private static ModelInputs genotypes(String vkorc1, String cyp2c9) {
        Map<String, Object> m = new HashMap<>();
        if (vkorc1 != null) {
            m.put("vkorc1", vkorc1);
        }
        if (cyp2c9 != null) {
            m.put("cyp2c9", cyp2c9);
        }
        return ModelInputs.of(m);
    }

    /**
     * Every cell of the label table. Source: COUMADIN US prescribing information, Table 1, as reproduced "directly
     * from the warfarin prescribing information" in Cleve Clin J Med 2011;78:243-257, Table 2 (mg/day):
     * <pre>
     *        *1/*1  *1/*2  *1/*3  *2/*2  *2/*3  *3/*3
     *   GG   5-7    5-7    3-4    3-4    3-4    0.5-2
     *   AG   5-7    3-4    3-4    3-4    0.5-2  0.5-2
     *   AA   3-4    3-4    0.5-2  0.5-2  0.5-2  0.5-2
     * </pre>
     * The same in Sci Rep 2019 (doi:10.1038/s41598-019-49329-0), Table 2, in mg/week (35-49, 21-28, 3.5-14).
     */
    @ParameterizedTest(name = "VKORC1 {0}, CYP2C9 {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            G/G | *1/*1 | 5–7 mg/day
            G/G | *1/*2 | 5–7 mg/day
            G/G | *1/*3 | 3–4 mg/day
            G/G | *2/*2 | 3–4 mg/day
            G/G | *2/*3 | 3–4 mg/day
            G/G | *3/*3 | 0.5–2 mg/day
            A/G | *1/*1 | 5–7 mg/day
            A/G | *1/*2 | 3–4 mg/day
            A/G | *1/*3 | 3–4 mg/day
            A/G | *2/*2 | 3–4 mg/day
            A/G | *2/*3 | 0.5–2 mg/day
            A/G | *3/*3 | 0.5–2 mg/day
            A/A | *1/*1 | 3–4 mg/day
            A/A | *1/*2 | 3–4 mg/day
            A/A | *1/*3 | 0.5–2 mg/day
            A/A | *2/*2 | 0.5–2 mg/day
            A/A | *2/*3 | 0.5–2 mg/day
            A/A | *3/*3 | 0.5–2 mg/day
            """)
    void givesTheLabelRangeForEveryGenotypePair(String vkorc1, String cyp2c9, String range) {
        Evaluation e = model.evaluate(genotypes(vkorc1, cyp2c9));
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).isEmpty();
        assertThat(e.category()).contains("VKORC1 " + vkorc1 + ", CYP2C9 " + cyp2c9 + ": " + range);
        assertThat(e.recommendation()).hasValueSatisfying(r -> {
            assertThat(r.text()).startsWith("COUMADIN label Table 1: expected maintenance dose " + range);
            assertThat(r.severity()).isEqualTo(range.startsWith("0.5") ? Severity.MODERATE : Severity.LOW);
            assertThat(r.strength()).isEmpty();
            assertThat(r.suggestedDose()).isEmpty();
            assertThat(r.source()).contains("COUMADIN").contains("Table 1");
        });
    }

    @Test
    void readsGenotypesAsLabsWriteThem() {
        // "-1639G>A het" is A/G; "CYP2C9 *3/*1" is *1/*3
        assertThat(model.evaluate(genotypes("-1639G>A het", "CYP2C9 *3/*1")).category())
                .contains("VKORC1 A/G, CYP2C9 *1/*3: 3–4 mg/day");
    }

    @Test
    void addsTheLabelsNoteOnSlowResponseForReducedFunctionCyp2c9() {
        // label: *1/*3, *2/*2, *2/*3 and *3/*3 may need a prolonged time (2 to 4 weeks) to reach the maximum INR effect
        assertThat(model.evaluate(genotypes("G/G", "*1/*3")).recommendation().orElseThrow().text())
                .contains("prolonged time (2 to 4 weeks)");
        assertThat(model.evaluate(genotypes("G/G", "*1/*2")).recommendation().orElseThrow().text())
                .doesNotContain("prolonged");
    }

    @Test
    void missingGenotypesAreNamed() {
        assertThat(model.evaluate(ModelInputs.empty()).missing()).containsExactly("vkorc1", "cyp2c9");
        Evaluation onlyVkorc1 = model.evaluate(genotypes("A/A", null));
        assertThat(onlyVkorc1.applicable()).isFalse();
        assertThat(onlyVkorc1.missing()).containsExactly("cyp2c9");
        assertThat(onlyVkorc1.reasons()).isEmpty();
    }

    @ParameterizedTest(name = "CYP2C9 {0}")
    @CsvSource(textBlock = """
            *1/*5,  *1/*5
            *8/*1,  *1/*8
            *6/*11, *6/*11
            """)
    void cyp2c9AllelesTheLabelTableDoesNotCoverGiveNoRangeAndSaySo(String diplotype, String shown) {
        Evaluation e = model.evaluate(genotypes("G/G", diplotype));
        assertThat(e.applicable()).isFalse();
        assertThat(e.reasons()).singleElement().asString()
                .startsWith("CYP2C9 " + shown + ": the label table covers only CYP2C9 *1, *2 and *3");
    }

    @Test
    void unrecognisedResultsAreNotGuessedAt() {
        Evaluation e = model.evaluate(genotypes("positive", "normal"));
        assertThat(e.applicable()).isFalse();
        assertThat(e.reasons()).containsExactly(
                "VKORC1 result not recognised (expected the -1639G>A genotype, e.g. G/A)",
                "CYP2C9 result not recognised (expected a diplotype, e.g. *1/*3)");
    }

    @Test
    void theModelCarriesTheTablesVersionAndLabelRevision() {
        assertThat(model.ref().id()).isEqualTo("warfarin-label-genotype");
        assertThat(model.ref().version()).isEqualTo("1.0.0");
        assertThat(model.ref().source()).contains("COUMADIN").contains("Table 1").contains("3022954");
    }

    // ---- the table file

    private static String bundledText() throws IOException {
        try (InputStream in = WarfarinLabelTable.class.getResourceAsStream(WarfarinLabelTable.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static WarfarinLabelTable parse(String text) throws IOException {
        return WarfarinLabelTable.parse("test.tsv", new BufferedReader(new StringReader(text)));
    }

    @Test
    void theBundledFileStatesItsSourceAndLabelRevision() throws IOException {
        WarfarinLabelTable t = parse(bundledText());
        assertThat(t.header()).containsKeys("table", "source", "label-revision", "version", "date", "reviewed-by");
        assertThat(t.source()).contains("COUMADIN").contains("Table 1");
    }

    @Test
    void aMissingCombinationIsRefusedNamingIt() throws IOException {
        String text = bundledText().replaceFirst("(?m)^AA\t\\*3/\\*3\t.*\n?", "");
        assertThatThrownBy(() -> parse(text)).isInstanceOf(WarfarinLabelTableException.class)
                .hasMessageContaining("no row for VKORC1 AA with CYP2C9 *3/*3");
    }

    @Test
    void aRepeatedOrMalformedRowIsRefusedWithItsLine() throws IOException {
        String twice = bundledText() + "GG\t*1/*1\t5\t7\tno\n";
        assertThatThrownBy(() -> parse(twice)).isInstanceOf(WarfarinLabelTableException.class)
                .hasMessageContaining("VKORC1 GG with CYP2C9 *1/*1 is given twice");
        String backwards = bundledText().replace("GG\t*1/*1\t5\t7\tno", "GG\t*1/*1\t7\t5\tno");
        assertThatThrownBy(() -> parse(backwards)).isInstanceOf(WarfarinLabelTableException.class)
                .hasMessageContaining("line 13").hasMessageContaining("min no higher than max");
        String star5 = bundledText().replace("GG\t*1/*2\t5\t7\tno", "GG\t*1/*5\t5\t7\tno");
        assertThatThrownBy(() -> parse(star5)).isInstanceOf(WarfarinLabelTableException.class)
                .hasMessageContaining("cyp2c9 '*1/*5' is not a diplotype of *1, *2 and *3");
    }

    @Test
    void aFileWithoutItsSourceIsRefused() throws IOException {
        String text = bundledText().replaceFirst("(?m)^# source:.*\n", "");
        assertThatThrownBy(() -> parse(text)).isInstanceOf(WarfarinLabelTableException.class)
                .hasMessageContaining("missing '# source: ...'");
    }

    /**
     * Before the shared table reader the warfarin table let a later header line silently replace an earlier one
     * (two versions or sources, the last winning); every other table refused it, and now this one does too.
     */
    @Test
    void aHeaderKeyGivenTwiceIsRefused() throws IOException {
        String text = bundledText().replaceFirst("(?m)^(# version:.*\n)", "$1# version: 9.9.9\n");
        assertThatThrownBy(() -> parse(text)).isInstanceOf(WarfarinLabelTableException.class)
                .hasMessageContaining("header key 'version' is given twice");
    }
}
