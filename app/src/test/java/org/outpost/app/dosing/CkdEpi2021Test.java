package org.outpost.app.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;

class CkdEpi2021Test {
    private final CkdEpi2021 model = new CkdEpi2021();

    private static Map<String, Object> person(int age, String sex, double creatinine) {
        Map<String, Object> m = new HashMap<>();
        m.put("age", age);
        m.put("sex", sex);
        m.put("creatinine", creatinine);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # Inker 2021: 142 × min(Scr/κ,1)^α × max(Scr/κ,1)^-1.200 × 0.9938^age × 1.012 [female]
            # woman 50, Scr 0.7: Scr/κ = 1 → 142 × 1 × 1 × 0.9938^50 (= 0.73274) × 1.012 = 105.30 → 105, G1
            woman 50 Scr 0.7,  50, female, 0.7, 105, G1 normal or high
            # man 60, Scr 1.2: Scr/κ = 1.3333; 1.3333^-1.2 = 0.70807; 0.9938^60 = 0.68856 → 142 × 0.70807 × 0.68856 = 69.23 → 69, G2
            man 60 Scr 1.2,    60, male,   1.2, 69,  G2 mildly decreased
            # man 55, Scr 1.2: 0.9938^55 = 0.71032 → 142 × 0.70807 × 0.71032 = 71.42 → 71
            man 55 Scr 1.2,    55, male,   1.2, 71,  G2 mildly decreased
            # woman 30, Scr 0.5: (0.5/0.7)^-0.241 = 1.08447; 0.9938^30 = 0.82979 → 142 × 1.08447 × 0.82979 × 1.012 = 129.32 → 129
            woman 30 Scr 0.5,  30, female, 0.5, 129, G1 normal or high
            # man 70, Scr 2.0: (2/0.9)^-1.2 = 0.38358; 0.9938^70 = 0.64704 → 142 × 0.38358 × 0.64704 = 35.24 → 35, G3b
            man 70 Scr 2.0,    70, male,   2.0, 35,  G3b moderately to severely decreased
            """)
    void matchesTheEquationWorkedByHand(String who, int age, String sex, double creatinine, int expected,
                                        String category) {
        Evaluation e = model.evaluate(ModelInputs.of(person(age, sex, creatinine)));
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).hasValue(expected);
        assertThat(e.unit()).isEqualTo("mL/min/1.73 m\u00b2");
        assertThat(e.category()).contains(category);
        double lnSum = e.contributions().stream().mapToDouble(Contribution::amount).sum();
        assertThat(Math.exp(lnSum)).isCloseTo(expected, within(0.5));
        assertThat(e.model().id()).isEqualTo("egfr-ckd-epi-2021");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            90, G1 normal or high
            89, G2 mildly decreased
            60, G2 mildly decreased
            59, G3a mildly to moderately decreased
            45, G3a mildly to moderately decreased
            44, G3b moderately to severely decreased
            30, G3b moderately to severely decreased
            29, G4 severely decreased
            15, G4 severely decreased
            14, G5 kidney failure
            """)
    void kdigoGfrCategoryBoundaries(int egfr, String category) {
        assertThat(CkdEpi2021.category(egfr)).isEqualTo(category);
    }

    @Test
    void micromolesPerLitreGiveTheSameEgfrAsMilligramsPerDecilitre() {
        // 1.2 mg/dL × 88.42 = 106.104 µmol/L
        ModelInputs.Parsed umol = ModelInputs.parse(model.inputs(),
                Map.of("age", 60, "sex", "male", "creatinine", "106.104 \u00b5mol/L"));
        assertThat(umol.errors()).isEmpty();
        assertThat(model.evaluate(umol.inputs()).value()).hasValue(69.0);
        ModelInputs.Parsed ascii = ModelInputs.parse(model.inputs(),
                Map.of("age", 50, "sex", "female", "creatinine", "61.894 umol/L")); // 0.7 mg/dL
        assertThat(model.evaluate(ascii.inputs()).value()).hasValue(105.0);
    }

    @Test
    void listsEachMissingInputByName() {
        Map<String, Object> p = person(60, "male", 1.2);
        p.remove("creatinine");
        assertThat(model.evaluate(ModelInputs.of(p)).missing()).containsExactly("creatinine");
        assertThat(model.evaluate(ModelInputs.empty()).missing()).containsExactly("age", "sex", "creatinine");
    }

    @Test
    void notApplicableForChildrenOrImplausiblyLowCreatinine() {
        ModelInputs adult = ModelInputs.of(person(60, "male", 1.2));
        assertThat(model.evaluate(adult.with("age", 17)).applicable()).isFalse();
        assertThat(model.evaluate(adult.with("age", 17)).reasons()).hasSize(1);
        assertThat(model.evaluate(adult.with("age", 18)).applicable()).isTrue();
        assertThat(model.evaluate(adult.with("creatinine", 0.0)).applicable()).isFalse();
        assertThat(model.evaluate(adult.with("creatinine", 0.2)).applicable()).isTrue();
    }

    @Property
    void egfrFallsAsCreatinineOrAgeRises(@ForAll @IntRange(min = 18, max = 119) int age, @ForAll boolean female,
                                         @ForAll @DoubleRange(min = 0.2, max = 30) double creatinine) {
        String sex = female ? "female" : "male";
        double now = unrounded(person(age, sex, creatinine));
        assertThat(unrounded(person(age + 1, sex, creatinine))).isLessThan(now);
        assertThat(unrounded(person(age, sex, creatinine * 1.01))).isLessThan(now);
        double reported = model.evaluate(ModelInputs.of(person(age, sex, creatinine))).value().getAsDouble();
        assertThat(model.evaluate(ModelInputs.of(person(age, sex, creatinine * 1.01))).value().getAsDouble())
                .isLessThanOrEqualTo(reported);
    }

    /** eGFR before rounding, from the contributions (which add up to its logarithm). */
    private double unrounded(Map<String, Object> p) {
        return Math.exp(model.evaluate(ModelInputs.of(p)).contributions().stream()
                .mapToDouble(Contribution::amount).sum());
    }
}
