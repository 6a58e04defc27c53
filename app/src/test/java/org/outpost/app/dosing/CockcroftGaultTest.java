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

class CockcroftGaultTest {
    private final CockcroftGault model = new CockcroftGault();

    private static Map<String, Object> person(int age, String sex, double weightKg, double creatinine) {
        Map<String, Object> m = new HashMap<>();
        m.put("age", age);
        m.put("sex", sex);
        m.put("weight", weightKg);
        m.put("creatinine", creatinine);
        return m;
    }

    private Evaluation parsed(Map<String, ?> raw) {
        ModelInputs.Parsed p = ModelInputs.parse(model.inputs(), raw);
        assertThat(p.errors()).isEmpty();
        return model.evaluate(p.inputs());
    }

    @Test
    void textbookExampleMan60Weighing72KgWithCreatinine1() {
        // (140 - 60) × 72 / (72 × 1.0) = 80 mL/min; no height, so actual weight
        Evaluation e = model.evaluate(ModelInputs.of(person(60, "male", 72, 1.0)));
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).hasValue(80.0);
        assertThat(e.unit()).isEqualTo("mL/min");
        assertThat(e.category()).contains("actual body weight 72.0 kg (actual body weight used: no height)");
        assertThat(e.model().id()).isEqualTo("crcl-cockcroft-gault");
    }

    /** Issue 11, item 8: 700 kg (a slip for 70) gave CrCl 875 mL/min as applicable. */
    @Test
    void aWeightOutsideTwentyTo350KgIsNotApplicableInsteadOfTenTimesTheClearance() {
        Evaluation e = model.evaluate(ModelInputs.of(person(60, "male", 700, 1.0)));
        assertThat(e.applicable()).isFalse();
        assertThat(e.value()).isEmpty();
        assertThat(e.reasons()).containsExactly("Weight 700 kg is outside the validated range 20\u2013350 kg");
        assertThat(model.evaluate(ModelInputs.of(person(60, "male", 350, 1.0))).applicable()).isTrue();
        assertThat(model.evaluate(ModelInputs.of(person(60, "male", 19.9, 1.0))).applicable()).isFalse();
    }

    @Test
    void womanIs85PercentOfTheMan() {
        // 80 × 0.85 = 68 mL/min
        assertThat(model.evaluate(ModelInputs.of(person(60, "female", 72, 1.0))).value()).hasValue(68.0);
    }

    @Test
    void micromolesPerLitreGiveTheSameClearanceAsMilligramsPerDecilitre() {
        // 88.42 µmol/L = 1.0 mg/dL (creatinine 113.12 g/mol)
        Evaluation mg = parsed(Map.of("age", 60, "sex", "male", "weight", "72 kg", "creatinine", "1.0 mg/dL"));
        Evaluation umol = parsed(Map.of("age", 60, "sex", "male", "weight", "72 kg", "creatinine", "88.42 \u00b5mol/L"));
        Evaluation umolAscii = parsed(Map.of("age", 60, "sex", "male", "weight", "72 kg", "creatinine", "88.42 umol/L"));
        assertThat(umol.value()).hasValue(80.0);
        assertThat(umolAscii.value()).hasValue(80.0);
        assertThat(umol.value()).isEqualTo(mg.value());
    }

    @Test
    void poundsGiveTheSameClearanceAsKilograms() {
        // 158.73 lb × 0.45359237 = 71.999 kg → 80.0 mL/min after rounding to 1 decimal
        Evaluation lb = parsed(Map.of("age", 60, "sex", "male", "weight", "158.73 lb", "creatinine", 1.0));
        assertThat(lb.value()).hasValue(80.0);
        assertThat(lb.category()).contains("actual body weight 72.0 kg (actual body weight used: no height)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # Devine 1974: IBW = 50 kg (men) / 45.5 kg (women) + 2.3 kg per inch over 60 in; adjusted = IBW + 0.4 × (actual − IBW)
            # man 70 in (177.8 cm): IBW = 50 + 2.3 × 10 = 73.0 kg; 120 % = 87.6 kg
            # 90 kg > 87.6 → adjusted = 73 + 0.4 × 17 = 79.8 kg; CrCl = 80 × 79.8 / 72 = 88.67
            man 70 in 90 kg adjusted,     male,   177.8,  90, 88.7, adjusted body weight 79.8 kg
            # 80 kg within 73–87.6 → IBW 73.0 kg; CrCl = 80 × 73 / 72 = 81.11
            man 70 in 80 kg ideal,        male,   177.8,  80, 81.1, ideal body weight 73.0 kg
            # 60 kg < 73 → actual 60 kg; CrCl = 80 × 60 / 72 = 66.67
            man 70 in 60 kg actual,       male,   177.8,  60, 66.7, actual body weight 60.0 kg
            # woman 64 in (162.56 cm): IBW = 45.5 + 2.3 × 4 = 54.7 kg; 120 % = 65.64 kg
            # 70 kg → adjusted = 54.7 + 0.4 × 15.3 = 60.82 kg; CrCl = 80 × 60.82 / 72 × 0.85 = 57.44
            woman 64 in 70 kg adjusted,   female, 162.56, 70, 57.4, adjusted body weight 60.8 kg
            # 60 kg within 54.7–65.64 → IBW 54.7 kg; CrCl = 80 × 54.7 / 72 × 0.85 = 51.66
            woman 64 in 60 kg ideal,      female, 162.56, 60, 51.7, ideal body weight 54.7 kg
            """)
    void choosesTheWeightByDevineIdealBodyWeight(String who, String sex, double heightCm, double weightKg,
                                                  double expected, String category) {
        // all: age 60, creatinine 1.0 mg/dL
        Map<String, Object> p = person(60, sex, weightKg, 1.0);
        p.put("height", heightCm);
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.value()).hasValue(expected);
        assertThat(e.category()).contains(category);
        double lnSum = e.contributions().stream().mapToDouble(Contribution::amount).sum();
        assertThat(Math.exp(lnSum)).isCloseTo(expected, within(0.05));
    }

    @Test
    void heightInInchesIsTheSameAsInCentimetres() {
        Evaluation e = parsed(Map.of("age", 60, "sex", "male", "weight", 90, "creatinine", 1.0, "height", "70 in"));
        assertThat(e.value()).hasValue(88.7);
        assertThat(e.category()).contains("adjusted body weight 79.8 kg");
    }

    @Test
    void heightUnder60InchesFallsBackToActualWeightAndSaysSo() {
        Map<String, Object> p = person(60, "female", 70, 1.0);
        p.put("height", 150);
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.value()).hasValue(66.1); // 80 × 70 / 72 × 0.85 = 66.11
        assertThat(e.category().orElseThrow()).startsWith("actual body weight 70.0 kg").contains("under 60 in");
    }

    @Test
    void listsEachMissingInputByNameButNotTheOptionalHeight() {
        Map<String, Object> p = person(60, "male", 72, 1.0);
        p.remove("weight");
        p.remove("sex");
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.applicable()).isFalse();
        assertThat(e.missing()).containsExactly("sex", "weight");
        assertThat(model.evaluate(ModelInputs.empty()).missing()).containsExactly("age", "sex", "weight", "creatinine");
    }

    @Test
    void notApplicableForChildrenOrImplausiblyLowCreatinine() {
        ModelInputs adult = ModelInputs.of(person(60, "male", 72, 1.0));
        assertThat(model.evaluate(adult.with("age", 17)).applicable()).isFalse();
        assertThat(model.evaluate(adult.with("age", 17)).reasons()).hasSize(1);
        assertThat(model.evaluate(adult.with("age", 18)).applicable()).isTrue();
        assertThat(model.evaluate(adult.with("creatinine", 0.19)).applicable()).isFalse();
        assertThat(model.evaluate(adult.with("creatinine", 0.0)).applicable()).isFalse();
        assertThat(model.evaluate(adult.with("creatinine", 0.2)).applicable()).isTrue();
    }

    @Property
    void clearanceFallsAsCreatinineOrAgeRises(@ForAll @IntRange(min = 18, max = 119) int age,
                                              @ForAll boolean female,
                                              @ForAll @DoubleRange(min = 30, max = 250) double weight,
                                              @ForAll @DoubleRange(min = 0.2, max = 20) double creatinine) {
        String sex = female ? "female" : "male";
        double now = value(person(age, sex, weight, creatinine));
        assertThat(value(person(age + 1, sex, weight, creatinine))).isLessThanOrEqualTo(now);
        assertThat(value(person(age, sex, weight, creatinine * 1.1))).isLessThanOrEqualTo(now);
        assertThat(now).isPositive().isFinite();
    }

    @Property
    void clearanceNeverFallsAsActualWeightRises(@ForAll @DoubleRange(min = 152.4, max = 220) double height,
                                               @ForAll @DoubleRange(min = 30, max = 250) double weight,
                                               @ForAll boolean female) {
        Map<String, Object> p = person(60, female ? "female" : "male", weight, 1.0);
        p.put("height", height);
        Map<String, Object> heavier = new HashMap<>(p);
        heavier.put("weight", weight + 1);
        // weight used: actual up to IBW, then flat at IBW up to 120 % of IBW, then a step up to 1.08 × IBW
        // (= IBW + 0.4 × 0.2 × IBW) and rising: never down
        assertThat(value(heavier)).isGreaterThanOrEqualTo(value(p));
    }

    private double value(Map<String, Object> p) {
        return model.evaluate(ModelInputs.of(p)).value().getAsDouble();
    }
}
