package org.outpost.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;

class HasBledTest {
    private static final List<String> FLAGS = List.of("uncontrolledHypertension", "abnormalRenalFunction",
            "abnormalLiverFunction", "stroke", "bleedingHistory", "labileInr", "antiplateletOrNsaid", "alcoholExcess");

    private final HasBled model = new HasBled();

    private static Map<String, Object> person(int age, boolean htn, boolean renal, boolean liver, boolean stroke,
                                              boolean bleeding, boolean labileInr, boolean drugs, boolean alcohol) {
        Map<String, Object> m = new HashMap<>();
        m.put("age", age);
        m.put("uncontrolledHypertension", htn);
        m.put("abnormalRenalFunction", renal);
        m.put("abnormalLiverFunction", liver);
        m.put("stroke", stroke);
        m.put("bleedingHistory", bleeding);
        m.put("labileInr", labileInr);
        m.put("antiplateletOrNsaid", drugs);
        m.put("alcoholExcess", alcohol);
        return m;
    }

    private static Map<String, Object> nobody(int age) {
        return person(age, false, false, false, false, false, false, false, false);
    }

    private double score(Map<String, Object> p) {
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.applicable()).as("applicable for %s", p).isTrue();
        return e.value().getAsDouble();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # Pisters et al., Chest 2010;138:1093: one point per letter, A and D 1 or 2 (renal + liver, drugs + alcohol)
            no risk factors,                 60, false, false, false, false, false, false, false, false, 0
            H uncontrolled hypertension,     60, true,  false, false, false, false, false, false, false, 1
            A abnormal renal function,       60, false, true,  false, false, false, false, false, false, 1
            A abnormal liver function,       60, false, false, true,  false, false, false, false, false, 1
            A renal and liver (2),           60, false, true,  true,  false, false, false, false, false, 2
            S stroke,                        60, false, false, false, true,  false, false, false, false, 1
            B bleeding history,              60, false, false, false, false, true,  false, false, false, 1
            L labile INR,                    60, false, false, false, false, false, true,  false, false, 1
            # E elderly is age > 65: 65 scores 0, 66 scores 1
            E age 65 (not elderly),          65, false, false, false, false, false, false, false, false, 0
            E age 66 (elderly),              66, false, false, false, false, false, false, false, false, 1
            D antiplatelet or NSAID,         60, false, false, false, false, false, false, true,  false, 1
            D alcohol >= 8 drinks a week,    60, false, false, false, false, false, false, false, true,  1
            D drugs and alcohol (2),         60, false, false, false, false, false, false, true,  true,  2
            # high-risk threshold 3 (just below and at)
            2 = elderly + aspirin,           70, false, false, false, false, false, false, true,  false, 2
            3 = elderly + aspirin + stroke,  70, false, false, false, true,  false, false, true,  false, 3
            all nine (maximum 9),            80, true,  true,  true,  true,  true,  true,  true,  true,  9
            """)
    void scoresThePublishedPointTable(String who, int age, boolean htn, boolean renal, boolean liver, boolean stroke,
                                      boolean bleeding, boolean labileInr, boolean drugs, boolean alcohol,
                                      int expected) {
        Evaluation e = model.evaluate(ModelInputs.of(
                person(age, htn, renal, liver, stroke, bleeding, labileInr, drugs, alcohol)));
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).hasValue(expected);
        assertThat(e.unit()).isEqualTo("points");
        assertThat(e.category()).contains(HasBled.category(expected));
        assertThat(e.contributions().stream().mapToDouble(Contribution::amount).sum()).isEqualTo(expected);
        assertThat(e.model().id()).isEqualTo("has-bled");
    }

    @ParameterizedTest(name = "score {0}")
    @CsvSource(textBlock = """
            # Pisters 2010: >= 3 high risk; major bleeds per 100 patient-years by score 0-5, too few patients above 5
            0, not high risk (below 3), 1.13
            1, not high risk (below 3), 1.02
            2, not high risk (below 3), 1.88
            3, high risk (3 or more): caution and regular review, 3.74
            4, high risk (3 or more): caution and regular review, 8.70
            5, high risk (3 or more): caution and regular review, 12.50
            """)
    void categoryGivesThePapersBleedingRate(int score, String risk, String bleedsPer100PatientYears) {
        assertThat(HasBled.category(score)).isEqualTo(risk + "; " + bleedsPer100PatientYears
                + " major bleeds per 100 patient-years at this score (Euro Heart Survey)");
    }

    @Test
    void aboveFiveThePaperHadTooFewPatientsForARate() {
        for (int score = 6; score <= 9; score++) {
            assertThat(HasBled.category(score)).startsWith("high risk").contains("too few patients");
        }
    }

    @Test
    void elderlyCountsCompletedYears() {
        assertThat(model.evaluate(ModelInputs.of(nobody(65)).with("age", 65.9)).value()).hasValue(0);
        assertThat(model.evaluate(ModelInputs.of(nobody(65)).with("age", 66.0)).value()).hasValue(1);
    }

    @Test
    void systolicAbove160CountsAsUncontrolledHypertension() {
        Map<String, Object> p = nobody(60);
        p.remove("uncontrolledHypertension");
        Evaluation at160 = model.evaluate(ModelInputs.of(p).with("systolicBp", 160));
        assertThat(at160.value()).hasValue(0);
        Evaluation at161 = model.evaluate(ModelInputs.of(p).with("systolicBp", 161));
        assertThat(at161.value()).hasValue(1);
        assertThat(at161.contributions()).contains(new Contribution("systolicBp", 1, "points"));
    }

    @Test
    void eitherTheFlagOrAReadingAbove160GivesThePoint() {
        ModelInputs controlled = ModelInputs.of(nobody(60));
        assertThat(model.evaluate(controlled.with("systolicBp", 175)).value()).hasValue(1);
        assertThat(model.evaluate(controlled.with("systolicBp", 120)).value()).hasValue(0);
        ModelInputs flagged = controlled.with("uncontrolledHypertension", true);
        assertThat(model.evaluate(flagged.with("systolicBp", 120)).contributions())
                .contains(new Contribution("uncontrolledHypertension", 1, "points"));
    }

    @Test
    void listsEachMissingInputByName() {
        Map<String, Object> p = nobody(70);
        p.remove("stroke");
        p.remove("labileInr");
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.applicable()).isFalse();
        assertThat(e.value()).isEmpty();
        assertThat(e.missing()).containsExactly("stroke", "labileInr");
    }

    @Test
    void eachItemIsMissingOnItsOwnAndHypertensionOnlyWithoutAReading() {
        Map<String, Object> full = nobody(70);
        for (String item : List.copyOf(full.keySet())) {
            Evaluation e = model.evaluate(ModelInputs.of(full).without(item));
            assertThat(e.missing()).as(item).containsExactly(item);
        }
        ModelInputs noFlag = ModelInputs.of(full).without("uncontrolledHypertension");
        assertThat(model.evaluate(noFlag.with("systolicBp", 130)).applicable()).isTrue();
    }

    @Test
    void emptyInputsListEveryItem() {
        assertThat(model.evaluate(ModelInputs.empty()).missing()).containsExactly("age", "uncontrolledHypertension",
                "abnormalRenalFunction", "abnormalLiverFunction", "stroke", "bleedingHistory", "labileInr",
                "antiplateletOrNsaid", "alcoholExcess");
    }

    @Test
    void notApplicableOutsideItsPopulation() {
        ModelInputs p = ModelInputs.of(nobody(70));
        Evaluation noAf = model.evaluate(p.with("atrialFibrillation", false));
        assertThat(noAf.applicable()).isFalse();
        assertThat(noAf.reasons()).singleElement().asString().contains("atrial fibrillation");
        assertThat(model.evaluate(p.with("atrialFibrillation", true)).applicable()).isTrue();
        assertThat(model.evaluate(p.with("age", 17)).applicable()).isFalse();
        assertThat(model.evaluate(p.with("age", 18)).applicable()).isTrue();
    }

    @Property
    void scoreNeverFallsAsARiskFactorIsAddedAndStaysWithinZeroToNine(
            @ForAll @IntRange(min = 18, max = 119) int age, @ForAll boolean htn, @ForAll boolean renal,
            @ForAll boolean liver, @ForAll boolean stroke, @ForAll boolean bleeding, @ForAll boolean labileInr,
            @ForAll boolean drugs, @ForAll boolean alcohol, @ForAll @IntRange(min = 50, max = 299) int sbp,
            @ForAll @IntRange(min = 0, max = 40) int sbpRise) {
        Map<String, Object> p = person(age, htn, renal, liver, stroke, bleeding, labileInr, drugs, alcohol);
        p.put("systolicBp", sbp);
        double now = score(p);
        assertThat(now).isBetween(0.0, 9.0);

        Map<String, Object> older = new HashMap<>(p);
        older.put("age", age + 1);
        assertThat(score(older)).isGreaterThanOrEqualTo(now);
        Map<String, Object> higherBp = new HashMap<>(p);
        higherBp.put("systolicBp", sbp + sbpRise);
        assertThat(score(higherBp)).isGreaterThanOrEqualTo(now);
        for (String flag : FLAGS) {
            Map<String, Object> on = new HashMap<>(p);
            on.put(flag, true);
            assertThat(score(on)).as(flag).isGreaterThanOrEqualTo(now);
        }
    }
}
