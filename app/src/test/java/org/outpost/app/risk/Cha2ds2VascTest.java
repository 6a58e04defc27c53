package org.outpost.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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

class Cha2ds2VascTest {
    private final Cha2ds2Vasc model = new Cha2ds2Vasc();

    private static Map<String, Object> person(int age, String sex, boolean chf, boolean htn, boolean dm, boolean stroke,
                                              boolean vasc) {
        Map<String, Object> m = new HashMap<>();
        m.put("age", age);
        m.put("sex", sex);
        m.put("heartFailure", chf);
        m.put("hypertension", htn);
        m.put("diabetes", dm);
        m.put("strokeTiaThromboembolism", stroke);
        m.put("vascularDisease", vasc);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # Lip et al., Chest 2010, Table 2: points per risk factor; categories 0 low, 1 intermediate, >=2 high
            man 60 no factors,                60, male,   false, false, false, false, false, 0, low
            woman 60 no factors (sex only),   60, female, false, false, false, false, false, 1, intermediate
            man 65 (age 65-74 = 1),           65, male,   false, false, false, false, false, 1, intermediate
            man 74,                           74, male,   false, false, false, false, false, 1, intermediate
            man 75 (age >=75 = 2),            75, male,   false, false, false, false, false, 2, high
            man 50 hypertension,              50, male,   false, true,  false, false, false, 1, intermediate
            man 50 prior stroke (2),          50, male,   false, false, false, true,  false, 2, high
            woman 80 all factors (maximum 9), 80, female, true,  true,  true,  true,  true,  9, high
            man 70 CHF diabetes vascular,     70, male,   true,  false, true,  false, true,  4, high
            """)
    void scoresThePublishedPointTable(String who, int age, String sex, boolean chf, boolean htn, boolean dm,
                                      boolean stroke, boolean vasc, int expected, String category) {
        Evaluation e = model.evaluate(ModelInputs.of(person(age, sex, chf, htn, dm, stroke, vasc)));
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).hasValue(expected);
        assertThat(e.category()).contains(category);
        assertThat(e.contributions().stream().mapToDouble(Contribution::amount).sum()).isEqualTo(expected);
        assertThat(e.model().id()).isEqualTo("cha2ds2-vasc");
    }

    @Test
    void listsEachMissingInputByName() {
        Map<String, Object> p = person(70, "male", false, false, false, false, false);
        p.remove("hypertension");
        p.remove("sex");
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.applicable()).isFalse();
        assertThat(e.value()).isEmpty();
        assertThat(e.missing()).containsExactly("sex", "hypertension");
    }

    @Test
    void notApplicableOutsideItsPopulation() {
        Map<String, Object> p = person(70, "male", false, false, false, false, false);
        assertThat(model.evaluate(ModelInputs.of(p).with("atrialFibrillation", false)).reasons()).hasSize(1);
        assertThat(model.evaluate(ModelInputs.of(p).with("valvularAf", true)).applicable()).isFalse();
        assertThat(model.evaluate(ModelInputs.of(p).with("age", 17)).applicable()).isFalse();
        assertThat(model.evaluate(ModelInputs.of(p).with("age", 18)).applicable()).isTrue();
    }

    @Property
    void scoreNeverFallsWithAgeAndStaysWithinZeroToNine(@ForAll @IntRange(min = 18, max = 109) int age,
                                                        @ForAll boolean female, @ForAll boolean chf,
                                                        @ForAll boolean htn, @ForAll boolean dm,
                                                        @ForAll boolean stroke, @ForAll boolean vasc) {
        String sex = female ? "female" : "male";
        double now = model.evaluate(ModelInputs.of(person(age, sex, chf, htn, dm, stroke, vasc))).value().getAsDouble();
        double older = model.evaluate(ModelInputs.of(person(age + 1, sex, chf, htn, dm, stroke, vasc))).value().getAsDouble();
        assertThat(older).isGreaterThanOrEqualTo(now);
        assertThat(now).isBetween(0.0, 9.0);
    }
}
