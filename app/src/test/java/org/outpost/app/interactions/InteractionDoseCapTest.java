package org.outpost.app.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;

/**
 * Whether an ordered dose of the capped drug is above an interaction's dose cap: units converted to mg, and the
 * frequency turned into the most doses in a day (or week). A dose that cannot be compared is not passed as safe.
 */
class InteractionDoseCapTest {
    private static InteractionFinding withCap(double amount, String unit, String period) {
        InteractionRule rule = new InteractionRule("simvastatin", List.of("amiodarone"), "test", Severity.MODERATE,
                false, "How.", "What.", "Do.", Optional.of(new SuggestedDose(amount, unit, period)), "Test label", 6);
        return new InteractionFinding("simvastatin", "amiodarone", true, rule, "t");
    }

    private final InteractionFinding twentyMgDaily = withCap(20, "mg", "daily");

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            20    | mg        | once daily          | WITHIN
            40    | mg        | once daily          | EXCEEDS
            20.5  | mg        | daily               | EXCEEDS
            10    | mg        | twice daily         | WITHIN
            10    | mg        | every 12 hours      | WITHIN
            10    | mg        | bid                 | WITHIN
            10    | mg        | three times daily   | EXCEEDS
            5     | mg        | every 8 hours       | WITHIN
            5     | mg        | four times daily    | WITHIN
            6     | mg        | QID                 | EXCEEDS
            5     | mg        | every 6 hours       | WITHIN
            20    | mg        | at night            | WITHIN
            20    | mg        | once nightly        | WITHIN
            20    | mg        | nocte               | WITHIN
            20    | mg        | q.h.s.              | WITHIN
            20    | mg        | twice daily as needed | EXCEEDS
            20    | mg        | once weekly         | WITHIN
            30    | mg        | once weekly         | EXCEEDS
            20    | mg        | every other day     | WITHIN
            0.02  | g         | once daily          | WITHIN
            0.04  | g         | once daily          | EXCEEDS
            20000 | mcg       | once daily          | WITHIN
            20001 | micrograms| once daily          | EXCEEDS
            20000 | \u00b5g   | once daily          | WITHIN
            20    | milligrams| 1 times daily       | WITHIN
            20    | mg        | 2 times a day       | EXCEEDS
            """)
    void dailyCap(double amount, String unit, String frequency, CapCheck expected) {
        String u = unit.replace("\\u00b5", "\u00b5");
        assertThat(twentyMgDaily.capCheck(amount, u, frequency)).isEqualTo(expected);
        assertThat(twentyMgDaily.exceedsCap(amount, u, frequency)).isEqualTo(expected == CapCheck.EXCEEDS);
    }

    @Test
    void aDoseThatCannotBeComparedIsFlagged() {
        assertThat(twentyMgDaily.capCheck(20, "mg", "with meals")).isEqualTo(CapCheck.UNKNOWN);
        assertThat(twentyMgDaily.exceedsCap(20, "mg", "with meals")).isTrue();
        assertThat(twentyMgDaily.capCheck(20, "mg", "")).isEqualTo(CapCheck.UNKNOWN);
        assertThat(twentyMgDaily.capCheck(1, "tablet", "once daily")).isEqualTo(CapCheck.UNKNOWN);
        assertThat(twentyMgDaily.exceedsCap(1, "tablet", "once daily")).isTrue();
        assertThat(twentyMgDaily.capCheck(5, "mL", "once daily")).isEqualTo(CapCheck.UNKNOWN);
        assertThat(twentyMgDaily.capCheck(0, "mg", "once daily")).isEqualTo(CapCheck.UNKNOWN);
        assertThat(twentyMgDaily.capCheck(Double.NaN, "mg", "once daily")).isEqualTo(CapCheck.UNKNOWN);
    }

    @Test
    void oneDoseAboveTheCapExceedsItAtAnyFrequency() {
        assertThat(twentyMgDaily.capCheck(40, "mg", "with meals")).isEqualTo(CapCheck.EXCEEDS);
        assertThat(twentyMgDaily.capCheck(40, "mg", null)).isEqualTo(CapCheck.EXCEEDS);
    }

    @Test
    void aWeeklyCapIsComparedWithTheWeeklyTotal() {
        InteractionFinding weekly = withCap(25, "mg", "weekly");
        assertThat(weekly.capCheck(25, "mg", "once weekly")).isEqualTo(CapCheck.WITHIN);
        assertThat(weekly.capCheck(5, "mg", "once daily")).isEqualTo(CapCheck.EXCEEDS);
        assertThat(weekly.capCheck(12.5, "mg", "every other day")).isEqualTo(CapCheck.EXCEEDS);
        assertThat(weekly.capCheck(3.5, "mg", "daily")).isEqualTo(CapCheck.WITHIN);
    }

    @Test
    void aMicrogramCapIsConverted() {
        InteractionFinding mcg = withCap(500, "mcg", "daily");
        assertThat(mcg.capCheck(0.25, "mg", "twice daily")).isEqualTo(CapCheck.WITHIN);
        assertThat(mcg.capCheck(0.25, "mg", "three times daily")).isEqualTo(CapCheck.EXCEEDS);
    }

    @Test
    void withoutACapNothingExceedsIt() {
        InteractionRule rule = new InteractionRule("warfarin", List.of("amiodarone"), "test", Severity.MODERATE,
                false, "How.", "What.", "Do.", Optional.empty(), "Test label", 6);
        InteractionFinding f = new InteractionFinding("warfarin", "amiodarone", true, rule, "t");
        assertThat(f.capCheck(100, "mg", "once daily")).isEqualTo(CapCheck.NO_CAP);
        assertThat(f.exceedsCap(100, "mg", "once daily")).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1} a day, {2} a week")
    @CsvSource(delimiter = '|', textBlock = """
            once daily        | 1 | 7
            Once Daily        | 1 | 7
            od                | 1 | 7
            every morning     | 1 | 7
            every 24 hours    | 1 | 7
            twice a day       | 2 | 14
            b.d.              | 2 | 14
            q12h              | 2 | 14
            12-hourly         | 2 | 14
            tds               | 3 | 21
            every 8 hours     | 3 | 21
            qds               | 4 | 28
            every 6 hours     | 4 | 28
            every 5 hours     | 5 | 34
            every 48 hours    | 1 | 4
            every 3 days      | 1 | 3
            once weekly       | 1 | 1
            weekly            | 1 | 1
            stat              | 1 | 1
            four times daily prn | 4 | 28
            """)
    void frequenciesAreRead(String text, int perDay, int perWeek) {
        assertThat(DoseFrequency.parse(text)).contains(new DoseFrequency(perDay, perWeek));
    }

    @Test
    void unreadableFrequenciesAreEmpty() {
        for (String text : List.of("", "as needed", "with meals", "every 0 hours", "30 times daily", "monthly",
                "twice")) {
            assertThat(DoseFrequency.parse(text)).as(text).isEmpty();
        }
        assertThat(DoseFrequency.parse(null)).isEmpty();
        assertThatThrownBy(() -> new DoseFrequency(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
