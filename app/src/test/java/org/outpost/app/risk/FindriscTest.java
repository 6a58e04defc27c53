package org.outpost.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;

class FindriscTest {
    private final Findrisc model = new Findrisc();

    private static Map<String, Object> person(double age, String sex, double bmi, double waistCm, boolean active,
                                              boolean vegetables, boolean bpMedication, boolean highGlucose,
                                              String familyHistory) {
        Map<String, Object> m = new HashMap<>();
        m.put("age", age);
        m.put("sex", sex);
        m.put("bmi", bmi);
        m.put("waistCm", waistCm);
        m.put("physicallyActive", active);
        m.put("dailyVegetables", vegetables);
        m.put("bpMedication", bpMedication);
        m.put("highGlucoseHistory", highGlucose);
        m.put("familyHistory", familyHistory);
        return m;
    }

    private double score(Map<String, Object> p) {
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.applicable()).as("applicable for %s", p).isTrue();
        return e.value().getAsDouble();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # Type 2 Diabetes Risk Assessment Form (FINDRISC, Lindstrom & Tuomilehto): points per item, one at a time
            # from a 0-point man (40 y, BMI 22, waist 85 cm, active, daily vegetables, no BP drugs, no high glucose, no family)
            no risk factors,                        40, male,   22,   85,    true,  true,  false, false, none,          0, low
            # item 1 age: under 45 0, 45-54 2, 55-64 3, over 64 4 (completed years)
            age 44,                                 44, male,   22,   85,    true,  true,  false, false, none,          0, low
            age 45,                                 45, male,   22,   85,    true,  true,  false, false, none,          2, low
            age 54,                                 54, male,   22,   85,    true,  true,  false, false, none,          2, low
            age 55,                                 55, male,   22,   85,    true,  true,  false, false, none,          3, low
            age 64 and a half,                      64.5, male, 22,   85,    true,  true,  false, false, none,          3, low
            age 65 (over 64),                       65, male,   22,   85,    true,  true,  false, false, none,          4, low
            # item 2 BMI: under 25 0, 25-30 1, over 30 3 (kg/m2)
            BMI 24.9,                               40, male,   24.9, 85,    true,  true,  false, false, none,          0, low
            BMI 25,                                 40, male,   25,   85,    true,  true,  false, false, none,          1, low
            BMI 30,                                 40, male,   30,   85,    true,  true,  false, false, none,          1, low
            BMI 30.1 (over 30),                     40, male,   30.1, 85,    true,  true,  false, false, none,          3, low
            # item 3 waist, men: under 94 0, 94-102 3, over 102 4 (cm)
            man waist 93.9,                         40, male,   22,   93.9,  true,  true,  false, false, none,          0, low
            man waist 94,                           40, male,   22,   94,    true,  true,  false, false, none,          3, low
            man waist 102,                          40, male,   22,   102,   true,  true,  false, false, none,          3, low
            man waist 102.1,                        40, male,   22,   102.1, true,  true,  false, false, none,          4, low
            # item 3 waist, women: under 80 0, 80-88 3, over 88 4 (cm)
            woman waist 79.9,                       40, female, 22,   79.9,  true,  true,  false, false, none,          0, low
            woman waist 80,                         40, female, 22,   80,    true,  true,  false, false, none,          3, low
            woman waist 88,                         40, female, 22,   88,    true,  true,  false, false, none,          3, low
            woman waist 88.1,                       40, female, 22,   88.1,  true,  true,  false, false, none,          4, low
            woman waist 93 (a man's 0 band),        40, female, 22,   93,    true,  true,  false, false, none,          4, low
            # items 4-8: inactive 2, vegetables not daily 1, BP drugs 2, high glucose 5, 2nd-degree relative 3, 1st-degree 5
            not active 30 min daily,                40, male,   22,   85,    false, true,  false, false, none,          2, low
            vegetables not every day,               40, male,   22,   85,    true,  false, false, false, none,          1, low
            antihypertensive drugs,                 40, male,   22,   85,    true,  true,  true,  false, none,          2, low
            high blood glucose ever,                40, male,   22,   85,    true,  true,  false, true,  none,          5, low
            grandparent aunt uncle or cousin,       40, male,   22,   85,    true,  true,  false, false, second_degree, 3, low
            parent sibling or child,                40, male,   22,   85,    true,  true,  false, false, first_degree,  5, low
            # bands: under 7 low, 7-11 slightly elevated, 12-14 moderate, 15-20 high, over 20 very high (just inside/outside)
            6 = glucose + vegetables,               40, male,   22,   85,    true,  false, false, true,  none,          6, low
            7 = glucose + BP drugs,                 40, male,   22,   85,    true,  true,  true,  true,  none,          7, slightly elevated
            11 = glucose + parent + vegetables,     40, male,   22,   85,    true,  false, false, true,  first_degree, 11, slightly elevated
            12 = glucose + parent + BP drugs,       40, male,   22,   85,    true,  true,  true,  true,  first_degree, 12, moderate
            14 = 12 + inactive,                     40, male,   22,   85,    false, true,  true,  true,  first_degree, 14, moderate
            15 = 14 + vegetables,                   40, male,   22,   85,    false, false, true,  true,  first_degree, 15, high
            20 = age 55 + BMI 31 + 14,              55, male,   31,   85,    false, true,  true,  true,  first_degree, 20, high
            21 = 20 + vegetables,                   55, male,   31,   85,    false, false, true,  true,  first_degree, 21, very high
            # maximum 26: 4 + 3 + 4 + 2 + 1 + 2 + 5 + 5
            everything (maximum 26),                70, female, 35,   110,   false, false, true,  true,  first_degree, 26, very high
            """)
    void scoresThePublishedForm(String who, double age, String sex, double bmi, double waist, boolean active,
                                boolean vegetables, boolean bpMedication, boolean glucose, String family,
                                int expected, String band) {
        Evaluation e = model.evaluate(ModelInputs.of(
                person(age, sex, bmi, waist, active, vegetables, bpMedication, glucose, family)));
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).hasValue(expected);
        assertThat(e.unit()).isEqualTo("points");
        assertThat(e.category()).hasValueSatisfying(c -> assertThat(c).startsWith(band + ":"));
        assertThat(e.contributions().stream().mapToDouble(Contribution::amount).sum()).isEqualTo(expected);
        assertThat(e.model().id()).isEqualTo("findrisc");
    }

    @ParameterizedTest(name = "score {0}: {1}")
    @CsvSource(textBlock = """
            # The form's Total Risk Score table: band and estimated 10-year risk of type 2 diabetes
            0,  'low: an estimated 1 in 100 will develop type 2 diabetes within 10 years'
            6,  'low: an estimated 1 in 100 will develop type 2 diabetes within 10 years'
            7,  'slightly elevated: an estimated 1 in 25 will develop type 2 diabetes within 10 years'
            11, 'slightly elevated: an estimated 1 in 25 will develop type 2 diabetes within 10 years'
            12, 'moderate: an estimated 1 in 6 will develop type 2 diabetes within 10 years'
            14, 'moderate: an estimated 1 in 6 will develop type 2 diabetes within 10 years'
            15, 'high: an estimated 1 in 3 will develop type 2 diabetes within 10 years'
            20, 'high: an estimated 1 in 3 will develop type 2 diabetes within 10 years'
            21, 'very high: an estimated 1 in 2 will develop type 2 diabetes within 10 years'
            26, 'very high: an estimated 1 in 2 will develop type 2 diabetes within 10 years'
            """)
    void bandsCarryTheFormsTenYearEstimate(int score, String category) {
        assertThat(Findrisc.category(score)).isEqualTo(category);
    }

    @Test
    void contributionsNameEachOfTheEightItems() {
        Evaluation e = model.evaluate(ModelInputs.of(
                person(70, "female", 35, 110, false, false, true, true, "first_degree")));
        assertThat(e.contributions()).extracting(Contribution::input).containsExactly("age", "bmi", "waistCm",
                "physicallyActive", "dailyVegetables", "bpMedication", "highGlucoseHistory", "familyHistory");
        assertThat(e.contributions()).extracting(Contribution::amount)
                .containsExactly(4.0, 3.0, 4.0, 2.0, 1.0, 2.0, 5.0, 5.0);
    }

    @Test
    void listsEachMissingInputByName() {
        Map<String, Object> p = person(50, "male", 27, 95, true, true, false, false, "none");
        p.remove("familyHistory");
        p.remove("bmi");
        Evaluation e = model.evaluate(ModelInputs.of(p));
        assertThat(e.applicable()).isFalse();
        assertThat(e.value()).isEmpty();
        assertThat(e.missing()).containsExactly("bmi", "familyHistory");
    }

    @Test
    void emptyInputsListEveryItem() {
        assertThat(model.evaluate(ModelInputs.empty()).missing()).containsExactly("age", "sex", "bmi", "waistCm",
                "physicallyActive", "dailyVegetables", "bpMedication", "highGlucoseHistory", "familyHistory");
    }

    @Test
    void eachItemIsMissingOnItsOwn() {
        Map<String, Object> full = person(50, "male", 27, 95, true, true, false, false, "none");
        for (String item : List.copyOf(full.keySet())) {
            Evaluation e = model.evaluate(ModelInputs.of(full).without(item));
            assertThat(e.applicable()).as(item).isFalse();
            assertThat(e.missing()).as(item).containsExactly(item);
        }
    }

    @Test
    void notApplicableOutsideItsPopulation() {
        Map<String, Object> p = person(50, "male", 27, 95, true, true, false, false, "none");
        Evaluation diabetic = model.evaluate(ModelInputs.of(p).with("diabetes", true));
        assertThat(diabetic.applicable()).isFalse();
        assertThat(diabetic.reasons()).singleElement().asString().contains("already diagnosed");
        assertThat(model.evaluate(ModelInputs.of(p).with("diabetes", false)).applicable()).isTrue();
        assertThat(model.evaluate(ModelInputs.of(p).with("age", 17)).applicable()).isFalse();
        assertThat(model.evaluate(ModelInputs.of(p).with("age", 17.9)).applicable()).isFalse();
        assertThat(model.evaluate(ModelInputs.of(p).with("age", 18)).applicable()).isTrue();
    }

    @Property
    void scoreNeverFallsAsARiskFactorIsAddedAndStaysWithinZeroToTwentySix(
            @ForAll @IntRange(min = 18, max = 119) int age, @ForAll boolean female,
            @ForAll @DoubleRange(min = 10, max = 99) double bmi, @ForAll @DoubleRange(min = 30, max = 249) double waist,
            @ForAll boolean active, @ForAll boolean vegetables, @ForAll boolean bpMedication,
            @ForAll boolean glucose, @ForAll @IntRange(min = 0, max = 2) int family,
            @ForAll @DoubleRange(min = 0, max = 1) double more) {
        List<String> families = List.of("none", "second_degree", "first_degree");
        String sex = female ? "female" : "male";
        Map<String, Object> p = person(age, sex, bmi, waist, active, vegetables, bpMedication, glucose,
                families.get(family));
        double now = score(p);
        assertThat(now).isBetween(0.0, 26.0);

        List<Map<String, Object>> worse = List.of(
                person(age + 1, sex, bmi, waist, active, vegetables, bpMedication, glucose, families.get(family)),
                person(age, sex, bmi + more, waist, active, vegetables, bpMedication, glucose, families.get(family)),
                person(age, sex, bmi, waist + more, active, vegetables, bpMedication, glucose, families.get(family)),
                person(age, sex, bmi, waist, false, vegetables, bpMedication, glucose, families.get(family)),
                person(age, sex, bmi, waist, active, false, bpMedication, glucose, families.get(family)),
                person(age, sex, bmi, waist, active, vegetables, true, glucose, families.get(family)),
                person(age, sex, bmi, waist, active, vegetables, bpMedication, true, families.get(family)),
                person(age, sex, bmi, waist, active, vegetables, bpMedication, glucose,
                        families.get(Math.min(2, family + 1))));
        for (Map<String, Object> w : worse) {
            assertThat(score(w)).as("%s from %s", w, p).isGreaterThanOrEqualTo(now);
        }
    }
}
