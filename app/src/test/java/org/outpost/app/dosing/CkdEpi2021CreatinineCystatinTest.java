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

/**
 * The 2021 CKD-EPI creatinine–cystatin C equation (Inker LA et al., N Engl J Med 2021;385:1737-1749). No worked
 * example with a published result was found (the paper, NIDDK and NKF pages give the equation, not examples),
 * so each row is the equation worked by hand, every factor written out to 5 places.
 */
class CkdEpi2021CreatinineCystatinTest {
    private final CkdEpi2021CreatinineCystatin model = new CkdEpi2021CreatinineCystatin();

    private static Map<String, Object> person(int age, String sex, double creatinine, double cystatin) {
        Map<String, Object> m = new HashMap<>();
        m.put("age", age);
        m.put("sex", sex);
        m.put("creatinine", creatinine);
        m.put("cystatinC", cystatin);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # 135 × min(Scr/κ,1)^α × max(Scr/κ,1)^-0.544 × min(Scys/0.8,1)^-0.323 × max(Scys/0.8,1)^-0.778
            #     × 0.9961^age × 0.963 [female]; κ 0.7 F / 0.9 M, α -0.219 F / -0.144 M
            # woman 50, Scr 0.7, Scys 0.8: both ratios 1 → 135 × 0.9961^50 (0.82252) × 0.963 = 106.93 → 107, G1
            woman 50 at both knots,     50, female, 0.7, 0.8, 107, G1 normal or high
            # man 60, Scr 1.2, Scys 1.1: (1.3333)^-0.544 = 0.85513; (1.375)^-0.778 = 0.78055; 0.9961^60 = 0.79100
            #   → 135 × 0.85513 × 0.78055 × 0.79100 = 71.28 → 71, G2 (creatinine alone: 69)
            man 60 Scr 1.2 Scys 1.1,    60, male,   1.2, 1.1, 71,  G2 mildly decreased
            # woman 76, Scr 1.0, Scys 1.6: (1.42857)^-0.544 = 0.82363; (2.0)^-0.778 = 0.58317; 0.9961^76 = 0.74306
            #   → 135 × 0.82363 × 0.58317 × 0.74306 × 0.963 = 46.40 → 46, G3a (creatinine alone: 58)
            woman 76 Scr 1.0 Scys 1.6,  76, female, 1.0, 1.6, 46,  G3a mildly to moderately decreased
            # woman 30, Scr 0.5, Scys 0.6: (0.71429)^-0.219 = 1.07647; (0.75)^-0.323 = 1.09738; 0.9961^30 = 0.88938
            #   → 135 × 1.07647 × 1.09738 × 0.88938 × 0.963 = 136.59 → 137, G1
            woman 30 Scr 0.5 Scys 0.6,  30, female, 0.5, 0.6, 137, G1 normal or high
            # man 70, Scr 2.0, Scys 2.4: (2.22222)^-0.544 = 0.64766; (3.0)^-0.778 = 0.42540; 0.9961^70 = 0.76069
            #   → 135 × 0.64766 × 0.42540 × 0.76069 = 28.29 → 28, G4 (creatinine alone: 35)
            man 70 Scr 2.0 Scys 2.4,    70, male,   2.0, 2.4, 28,  G4 severely decreased
            # kidney.epi R package's example inputs (man 60, Scr 1.4 mg/dL, Scys 0.8 mg/L; no result printed there):
            #   (1.55556)^-0.544 = 0.78635; cystatin ratio 1; 0.9961^60 = 0.79100 → 135 × 0.78635 × 0.79100 = 83.97 → 84
            man 60 Scr 1.4 Scys 0.8,    60, male,   1.4, 0.8, 84,  G2 mildly decreased
            """)
    void matchesTheEquationWorkedByHand(String who, int age, String sex, double creatinine, double cystatin,
                                        int expected, String category) {
        Evaluation e = model.evaluate(ModelInputs.of(person(age, sex, creatinine, cystatin)));
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).hasValue(expected);
        assertThat(e.unit()).isEqualTo("mL/min/1.73 m\u00b2");
        assertThat(e.category()).contains(category);
        double lnSum = e.contributions().stream().mapToDouble(Contribution::amount).sum();
        assertThat(Math.exp(lnSum)).isCloseTo(expected, within(0.5));
        assertThat(e.contributions()).extracting(Contribution::input)
                .containsExactlyInAnyOrder("age", "sex", "creatinine", "cystatinC", Contribution.BASELINE);
        assertThat(e.model().id()).isEqualTo("egfr-ckd-epi-2021-cr-cys");
    }

    @Test
    void micromolesPerLitreOfCreatinineGiveTheSameEgfr() {
        // 1.2 mg/dL × 88.42 = 106.104 µmol/L; cystatin C is in mg/L only
        ModelInputs.Parsed umol = ModelInputs.parse(model.inputs(),
                Map.of("age", 60, "sex", "male", "creatinine", "106.104 \u00b5mol/L", "cystatinC", "1.1 mg/L"));
        assertThat(umol.errors()).isEmpty();
        assertThat(model.evaluate(umol.inputs()).value()).hasValue(71.0);
    }

    @Test
    void listsEachMissingInputByName() {
        Map<String, Object> p = person(60, "male", 1.2, 1.1);
        p.remove("cystatinC");
        assertThat(model.evaluate(ModelInputs.of(p)).missing()).containsExactly("cystatinC");
        assertThat(model.evaluate(ModelInputs.empty()).missing())
                .containsExactly("age", "sex", "creatinine", "cystatinC");
    }

    @Test
    void notApplicableForChildrenOrImplausiblyLowMarkers() {
        ModelInputs adult = ModelInputs.of(person(60, "male", 1.2, 1.1));
        Evaluation child = model.evaluate(adult.with("age", 17));
        assertThat(child.applicable()).isFalse();
        assertThat(child.reasons()).containsExactly("Validated in adults (18 years and older)");
        assertThat(model.evaluate(adult.with("age", 18)).applicable()).isTrue();
        assertThat(model.evaluate(adult.with("creatinine", 0.1)).reasons())
                .containsExactly("Serum creatinine below 0.2 mg/dL: the estimate is not reliable");
        assertThat(model.evaluate(adult.with("cystatinC", 0.1)).reasons())
                .containsExactly("Cystatin C below 0.2 mg/L: the estimate is not reliable");
        assertThat(model.evaluate(adult.with("cystatinC", 0.2)).applicable()).isTrue();
    }

    @Property
    void egfrFallsAsEitherMarkerOrAgeRises(@ForAll @IntRange(min = 18, max = 119) int age, @ForAll boolean female,
                                          @ForAll @DoubleRange(min = 0.2, max = 30) double creatinine,
                                          @ForAll @DoubleRange(min = 0.2, max = 10) double cystatin) {
        String sex = female ? "female" : "male";
        double now = unrounded(person(age, sex, creatinine, cystatin));
        assertThat(unrounded(person(age + 1, sex, creatinine, cystatin))).isLessThan(now);
        assertThat(unrounded(person(age, sex, creatinine * 1.01, cystatin))).isLessThan(now);
        assertThat(unrounded(person(age, sex, creatinine, cystatin * 1.01))).isLessThan(now);
    }

    private double unrounded(Map<String, Object> p) {
        return Math.exp(model.evaluate(ModelInputs.of(p)).contributions().stream()
                .mapToDouble(Contribution::amount).sum());
    }
}
