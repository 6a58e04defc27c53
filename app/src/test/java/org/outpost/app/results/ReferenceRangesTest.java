package org.outpost.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;

/** The reference range table: the bundled file, its flags at the limits, sex-specific rows and malformed files. */
class ReferenceRangesTest {
    private static final String HEAD = "# version: 1\n# date: 2026-12-07\n"
            + "measure\tloinc\tsex\tunit\tlow\thigh\tcritical_low\tcritical_high\tsource\n";

    private static ReferenceRanges parse(String rows) throws IOException {
        return ReferenceRanges.parse("test.tsv", new StringReader(HEAD + rows));
    }

    private static ResultFlag flag(Measure m, Sex sex, double value) {
        return ReferenceRanges.bundled().range(m, sex).orElseThrow().flag(value);
    }

    @Test
    void theBundledTableReadsAndCoversTheLabsAndVitalsWithARange() {
        ReferenceRanges table = ReferenceRanges.bundled();
        assertThat(table.version()).isEqualTo("1.0.0");
        assertThat(table.measures()).contains(Measure.GLUCOSE, Measure.CREATININE, Measure.HBA1C,
                Measure.SYSTOLIC_BP, Measure.HDL_CHOLESTEROL).doesNotContain(Measure.BODY_WEIGHT);
        assertThat(table.range(Measure.BODY_WEIGHT, Sex.FEMALE)).isEmpty();
    }

    /**
     * Fasting glucose, ADA Standards of Care 2024: normal below 100 mg/dL, level 1 hypoglycaemia below 70, level 2
     * below 54. The table writes 70-99 inclusive and a critical low of 54 (strictly below).
     */
    @Test
    void glucoseFlagsAtEachLimit() {
        assertThat(flag(Measure.GLUCOSE, Sex.MALE, 70)).isEqualTo(ResultFlag.NORMAL);
        assertThat(flag(Measure.GLUCOSE, Sex.MALE, 99)).isEqualTo(ResultFlag.NORMAL);
        assertThat(flag(Measure.GLUCOSE, Sex.MALE, 100)).isEqualTo(ResultFlag.HIGH);
        assertThat(flag(Measure.GLUCOSE, Sex.MALE, 69.9)).isEqualTo(ResultFlag.LOW);
        assertThat(flag(Measure.GLUCOSE, Sex.MALE, 54)).isEqualTo(ResultFlag.LOW);
        assertThat(flag(Measure.GLUCOSE, Sex.MALE, 53.9)).isEqualTo(ResultFlag.CRITICAL_LOW);
    }

    /** 2017 ACC/AHA: normal below 120 mmHg, hypertensive crisis above 180; NEWS2: 90 mmHg or less scores 3. */
    @Test
    void systolicPressureFollowsAccAhaAndNews2() {
        assertThat(flag(Measure.SYSTOLIC_BP, Sex.FEMALE, 119)).isEqualTo(ResultFlag.NORMAL);
        assertThat(flag(Measure.SYSTOLIC_BP, Sex.FEMALE, 120)).isEqualTo(ResultFlag.HIGH);
        assertThat(flag(Measure.SYSTOLIC_BP, Sex.FEMALE, 180)).isEqualTo(ResultFlag.HIGH);
        assertThat(flag(Measure.SYSTOLIC_BP, Sex.FEMALE, 181)).isEqualTo(ResultFlag.CRITICAL_HIGH);
        assertThat(flag(Measure.SYSTOLIC_BP, Sex.FEMALE, 91)).isEqualTo(ResultFlag.LOW);
        assertThat(flag(Measure.SYSTOLIC_BP, Sex.FEMALE, 90)).isEqualTo(ResultFlag.CRITICAL_LOW);
    }

    /** Mayo Clinic Laboratories CRTS1: females 0.59-1.04 mg/dL, males 0.74-1.35 mg/dL. */
    @Test
    void creatinineIsSexSpecific() {
        assertThat(flag(Measure.CREATININE, Sex.FEMALE, 1.04)).isEqualTo(ResultFlag.NORMAL);
        assertThat(flag(Measure.CREATININE, Sex.FEMALE, 1.2)).isEqualTo(ResultFlag.HIGH);
        assertThat(flag(Measure.CREATININE, Sex.MALE, 1.2)).isEqualTo(ResultFlag.NORMAL);
        assertThat(flag(Measure.CREATININE, Sex.MALE, 1.36)).isEqualTo(ResultFlag.HIGH);
        assertThat(flag(Measure.CREATININE, Sex.MALE, 0.6)).isEqualTo(ResultFlag.LOW);
        assertThat(flag(Measure.CREATININE, Sex.FEMALE, 0.6)).isEqualTo(ResultFlag.NORMAL);
    }

    /** Other or unknown sex: the range spanning both (0.59-1.35 mg/dL), flagged only outside both sexes'. */
    @Test
    void otherAndUnknownSexGetTheRangeSpanningBoth() {
        ReferenceRange other = ReferenceRanges.bundled().range(Measure.CREATININE, Sex.OTHER).orElseThrow();
        assertThat(other.low()).isEqualTo(OptionalDouble.of(0.59));
        assertThat(other.high()).isEqualTo(OptionalDouble.of(1.35));
        assertThat(ReferenceRanges.bundled().range(Measure.CREATININE, Sex.UNKNOWN)).contains(other);
        assertThat(other.flag(1.2)).isEqualTo(ResultFlag.NORMAL);
        assertThat(other.flag(1.4)).isEqualTo(ResultFlag.HIGH);
        // HDL: ATP III low below 50 mg/dL (women), below 40 (men); no upper limit
        assertThat(flag(Measure.HDL_CHOLESTEROL, Sex.FEMALE, 45)).isEqualTo(ResultFlag.LOW);
        assertThat(flag(Measure.HDL_CHOLESTEROL, Sex.MALE, 45)).isEqualTo(ResultFlag.NORMAL);
        assertThat(flag(Measure.HDL_CHOLESTEROL, Sex.UNKNOWN, 45)).isEqualTo(ResultFlag.NORMAL);
        assertThat(flag(Measure.HDL_CHOLESTEROL, Sex.UNKNOWN, 39)).isEqualTo(ResultFlag.LOW);
        assertThat(flag(Measure.HDL_CHOLESTEROL, Sex.MALE, 120)).isEqualTo(ResultFlag.NORMAL);
    }

    /** A value in another unit is flagged as its canonical equivalent: 5.4 mmol/L glucose = 97.3 mg/dL. */
    @Test
    void aValueInAnotherUnitIsFlaggedByItsMeasuresConversion() {
        ReferenceRange glucose = ReferenceRanges.bundled().range(Measure.GLUCOSE, Sex.MALE).orElseThrow();
        assertThat(glucose.flag(Quantity.of(5.4, Unit.MMOL_PER_L))).isEqualTo(ResultFlag.NORMAL);
        assertThat(glucose.flag(Quantity.of(5.6, Unit.MMOL_PER_L))).isEqualTo(ResultFlag.HIGH); // 100.9 mg/dL
        ReferenceRange mmol = glucose.in(Unit.MMOL_PER_L);
        assertThat(mmol.low().getAsDouble()).isCloseTo(70 / 18.016, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(mmol.high().getAsDouble()).isCloseTo(99 / 18.016, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aMalformedRowIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> parse("GLUCOSE\t2345-7\tany\tmg/dL\t70\tninety\t\t\tADA\n"))
                .isInstanceOf(ReferenceRangeFileException.class)
                .hasMessage("test.tsv line 4: high 'ninety' is not a number (digits with an optional decimal point, "
                        + "or blank for no limit)");
        assertThatThrownBy(() -> parse("GLUCOSE\t2345-7\tany\tmmol/L\t3.9\t5.5\t\t\tADA\n"))
                .isInstanceOf(ReferenceRangeFileException.class)
                .hasMessageContaining("line 4: unit 'mmol/L' must be GLUCOSE's canonical unit mg/dL");
        assertThatThrownBy(() -> parse("GLUCOSE\t2345-7\tany\tmg/dL\t99\t70\t\t\tADA\n"))
                .hasMessageContaining("line 4: The limits must be ordered");
        assertThatThrownBy(() -> parse("GLUCOSE\t2345-7\tany\tmg/dL\t70\t99\t\t\t\n"))
                .hasMessageContaining("line 4: source is empty");
        assertThatThrownBy(() -> parse("GLUCOSE\t2160-0\tany\tmg/dL\t70\t99\t\t\tADA\n"))
                .hasMessageContaining("line 4: loinc '2160-0' is not GLUCOSE's code 2345-7");
        assertThatThrownBy(() -> parse("SUGAR\t2345-7\tany\tmg/dL\t70\t99\t\t\tADA\n"))
                .hasMessageContaining("line 4: unknown measure 'SUGAR'");
        assertThatThrownBy(() -> parse("GLUCOSE\t2345-7\tboth\tmg/dL\t70\t99\t\t\tADA\n"))
                .hasMessageContaining("line 4: sex 'both' must be any, female or male");
        assertThatThrownBy(() -> parse("GLUCOSE\t2345-7\tany\tmg/dL\t70\t99\t\t\tADA\textra\n"))
                .hasMessageContaining("line 4: expected 9 tab-separated columns");
    }

    @Test
    void aMeasureGivenTwiceOrForOneSexOnlyIsRefused() {
        assertThatThrownBy(() -> parse("GLUCOSE\t2345-7\tany\tmg/dL\t70\t99\t\t\tADA\n\n"
                + "GLUCOSE\t2345-7\tany\tmg/dL\t70\t100\t\t\tADA\n"))
                .hasMessage("test.tsv line 6: GLUCOSE already has a range on line 4: a measure has one 'any' row "
                        + "or one female and one male row");
        assertThatThrownBy(() -> parse("CREATININE\t2160-0\tmale\tmg/dL\t0.74\t1.35\t\t\tMayo\n"))
                .hasMessageContaining("line 4: CREATININE has a range for one sex only");
        assertThatThrownBy(() -> parse("CREATININE\t2160-0\tmale\tmg/dL\t0.74\t1.35\t\t\tMayo\n"
                + "CREATININE\t2160-0\tany\tmg/dL\t0.6\t1.35\t\t\tMayo\n"))
                .hasMessageContaining("line 5: CREATININE already has a range on line 4");
    }

    @Test
    void aFileWithoutVersionOrColumnsIsRefused() {
        assertThatThrownBy(() -> ReferenceRanges.parse("t.tsv", new StringReader("# date: 2026-12-07\n"
                + "measure\tloinc\tsex\tunit\tlow\thigh\tcritical_low\tcritical_high\tsource\n")))
                .isInstanceOf(ReferenceRangeFileException.class)
                .hasMessage("t.tsv line 2: missing '# version: ...' line in the header block before the header row");
        assertThatThrownBy(() -> ReferenceRanges.parse("t.tsv", new StringReader("# version: 1\n# date: 2026-12-07\n"
                + "measure\tloinc\tsex\tunit\tlow\thigh\tsource\n")))
                .hasMessageStartingWith("t.tsv line 3: header row must be the tab-separated columns");
    }
}
