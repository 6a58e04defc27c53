package org.outpost.app.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;

class Score2Test {
    private final Score2 model = new Score2();

    /** A person with cholesterol given in mmol/L, converted to the chart's mg/dL. */
    static Map<String, Object> person(double age, String sex, boolean smoker, double sbp, double tcMmol, double hdlMmol,
                                      String region) {
        Map<String, Object> m = new HashMap<>();
        m.put("age", age);
        m.put("sex", sex);
        m.put("smoker", smoker);
        m.put("diabetes", false);
        m.put("systolicBp", sbp);
        m.put("totalCholesterol", tcMmol * 38.67);
        m.put("hdl", hdlMmol * 38.67);
        m.put("riskRegion", region);
        return m;
    }

    private double risk(Map<String, Object> p) {
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.applicable()).as("applicable: %s", e.reasons()).isTrue();
        return e.value().getAsDouble();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # SCORE2 working group, Eur Heart J 2021;42:2439-2454, Abstract (Methods and results): a 50-year-old
            # smoker, SBP 140 mmHg, total cholesterol 5.5 mmol/L, HDL 1.3 mmol/L: 5.9 % for men in low-risk
            # countries, 14.0 % in very high-risk; 4.2 % for women in low-risk, 13.7 % in very high-risk.
            man low-risk region,         male,   low,       5.9
            man very-high-risk region,   male,   very_high, 14.0
            woman low-risk region,       female, low,       4.2
            woman very-high-risk region, female, very_high, 13.7
            """)
    void reproducesThePublishedExampleToOneDecimal(String who, String sex, String region, double expected) {
        assertThat(risk(person(50, sex, true, 140, 5.5, 1.3, region))).isCloseTo(expected, within(0.05));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # Independent open implementation, not a printed example: R package estimateCVRisk (DGruen89),
            # tests/testthat/test_ESC_Score2.R, ESC_Score2_formula: 50-year-old smokers, SBP 140, TC 6.3,
            # HDL 1.4 mmol/L, no diabetes, low-risk region -> 6.31 % (male), 4.33 % (female), two decimals.
            man,   male,   6.31
            woman, female, 4.33
            """)
    void agreesWithAnIndependentImplementation(String who, String sex, double expected) {
        assertThat(risk(person(50, sex, true, 140, 6.3, 1.4, "low"))).isCloseTo(expected, within(0.005));
    }

    @Test
    void regionsOrderTheRiskFromLowToVeryHigh() {
        double previous = 0;
        for (String region : List.of("low", "moderate", "high", "very_high")) {
            double r = risk(person(55, "male", true, 150, 6, 1.1, region));
            assertThat(r).isGreaterThan(previous);
            previous = r;
        }
    }

    @Test
    void contributionsAreTheLinearPredictorsTermsAndGiveTheRisk() {
        Map<String, Object> p = person(50, "male", true, 140, 5.5, 1.3, "low");
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.unit()).isEqualTo("%");
        assertThat(e.contributions()).extracting(Contribution::input)
                .containsExactly("age", "smoker", "diabetes", "systolicBp", "totalCholesterol", "hdl");
        assertThat(e.contributions()).allSatisfy(c -> assertThat(c.unit()).isEqualTo("ln(hazard)"));
        // age: 0.3742 * (50-60)/5; smoking: 0.6012 + (-0.0755) * (-2)
        assertThat(e.contributions().get(0).amount()).isCloseTo(-0.7484, within(1e-9));
        assertThat(e.contributions().get(1).amount()).isCloseTo(0.7522, within(1e-9));
        double lp = e.contributions().stream().mapToDouble(Contribution::amount).sum();
        double expected = Score2Equation.riskPercent(Score2.MEN, lp, Score2.MEN_SCALES.get(0));
        assertThat(e.value().getAsDouble()).isEqualTo(expected);
        assertThat(e.model().id()).isEqualTo("score2-2021");
        assertThat(e.model().version()).isEqualTo("1.0.0");
    }

    @ParameterizedTest(name = "age {0}, risk {1} % -> {2}")
    @CsvSource(textBlock = """
            # ESC 2021 prevention guideline: <50 years 2.5 / 7.5 %; 50-69 years 5 / 10 %
            45, 2.49, low-to-moderate
            45, 2.5,  high
            45, 7.49, high
            45, 7.5,  very high
            49.9, 7.5, very high
            50, 4.99, low-to-moderate
            50, 5.0,  high
            69, 9.99, high
            69, 10.0, very high
            """)
    void categoriesFollowTheEsc2021AgeSpecificThresholds(double age, double risk, String category) {
        assertThat(Score2.category(age, risk)).isEqualTo(category);
    }

    @Test
    void categoryIsReportedWithTheValue() {
        Evaluation e = model.evaluate(ModelInputs.of(person(50, "male", true, 140, 5.5, 1.3, "very_high")));
        assertThat(e.category()).contains("very high");
    }

    @ParameterizedTest
    @ValueSource(doubles = {40, 40.5, 55, 69, 69.99})
    void applicableWithinAges40To69(double age) {
        assertThat(model.evaluate(ModelInputs.of(person(age, "female", false, 130, 5, 1.5, "moderate"))).applicable())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {39.99, 39, 70, 75, 25})
    void notApplicableOutsideAges40To69(double age) {
        Evaluation e = model.evaluate(ModelInputs.of(person(age, "female", false, 130, 5, 1.5, "moderate")));
        assertThat(e.applicable()).isFalse();
        assertThat(e.value()).isEmpty();
        assertThat(e.reasons()).singleElement().asString().contains("40 to 69");
    }

    @Test
    void notApplicableWithDiabetes() {
        Map<String, Object> p = person(55, "male", false, 130, 5, 1.5, "low");
        p.put("diabetes", true);
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.applicable()).isFalse();
        assertThat(e.reasons()).singleElement().asString().contains("SCORE2-Diabetes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"age", "sex", "smoker", "diabetes", "systolicBp", "totalCholesterol", "hdl", "riskRegion"})
    void listsEachMissingInputByName(String name) {
        Map<String, Object> p = person(55, "male", false, 130, 5, 1.5, "low");
        p.remove(name);
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.applicable()).isFalse();
        assertThat(e.missing()).containsExactly(name);
    }

    @Test
    void parsesCholesterolInMmolPerLitre() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("age", "50");
        raw.put("sex", "Male");
        raw.put("smoker", "yes");
        raw.put("diabetes", "no");
        raw.put("systolicBp", "140 mmHg");
        raw.put("totalCholesterol", "5.5 mmol/L");
        raw.put("hdl", "1,3 mmol/L");
        raw.put("riskRegion", "low");
        ModelInputs.Parsed parsed = ModelInputs.parse(model.inputs(), raw);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.inputs().number("totalCholesterol")).hasValueCloseTo(5.5 * 38.67, within(1e-9));
        assertThat(model.evaluate(parsed.inputs()).value().getAsDouble()).isCloseTo(5.9, within(0.05));
        Map<String, Object> mgdl = new HashMap<>(raw);
        mgdl.put("totalCholesterol", "212.685 mg/dL");
        mgdl.put("hdl", "50.271");
        assertThat(model.evaluate(ModelInputs.parse(model.inputs(), mgdl).inputs()).value().getAsDouble())
                .isCloseTo(5.9, within(0.05));
    }

    // The properties below hold for the validated population (no diabetes) over physiological ranges:
    // d(lp)/d(cage) = β_age + Σ interaction × factor stays positive there, and the SBP and smoking
    // coefficients including their age interactions are positive for every age 40-69.

    @Property
    void riskRisesWithAge(@ForAll @IntRange(min = 40, max = 68) int age, @ForAll boolean male, @ForAll boolean smoker,
                          @ForAll @DoubleRange(min = 100, max = 180) double sbp,
                          @ForAll @DoubleRange(min = 3, max = 8) double tc,
                          @ForAll @DoubleRange(min = 0.8, max = 2.5) double hdl, @ForAll @IntRange(max = 3) int region) {
        String sex = male ? "male" : "female";
        String r = Score2Equation.REGIONS.get(region);
        assertThat(risk(person(age + 1, sex, smoker, sbp, tc, hdl, r)))
                .isGreaterThan(risk(person(age, sex, smoker, sbp, tc, hdl, r)));
    }

    @Property
    void riskRisesWithSystolicPressureAndSmoking(@ForAll @DoubleRange(min = 40, max = 69.9) double age, @ForAll boolean male,
                                                 @ForAll @DoubleRange(min = 90, max = 199) double sbp,
                                                 @ForAll @DoubleRange(min = 3, max = 10) double tc,
                                                 @ForAll @DoubleRange(min = 0.5, max = 3) double hdl,
                                                 @ForAll @IntRange(max = 3) int region) {
        String sex = male ? "male" : "female";
        String r = Score2Equation.REGIONS.get(region);
        double base = risk(person(age, sex, false, sbp, tc, hdl, r));
        assertThat(risk(person(age, sex, false, sbp + 1, tc, hdl, r))).isGreaterThan(base);
        assertThat(risk(person(age, sex, true, sbp, tc, hdl, r))).isGreaterThan(base);
    }

    @Property
    void riskIsAlwaysAPercentage(@ForAll @DoubleRange(min = 40, max = 69.99) double age, @ForAll boolean male,
                                 @ForAll boolean smoker, @ForAll @DoubleRange(min = 50, max = 300) double sbp,
                                 @ForAll @DoubleRange(min = 1.1, max = 25) double tc,
                                 @ForAll @DoubleRange(min = 0.2, max = 6) double hdl, @ForAll @IntRange(max = 3) int region) {
        double r = risk(person(age, male ? "male" : "female", smoker, sbp, tc, hdl, Score2Equation.REGIONS.get(region)));
        assertThat(r).isBetween(0.0, 100.0);
    }
}
