package org.outpost.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.Measure;

class ModelInputsTest {
    private final List<InputSpec> specs = List.of(
            InputSpec.number("age", "years", 18, 110, "Age"),
            InputSpec.choice("sex", List.of("female", "male"), "Sex"),
            InputSpec.measured("totalCholesterol", Measure.TOTAL_CHOLESTEROL, "Total cholesterol"),
            InputSpec.flag("smoker", "Current smoker"));

    @Test
    void parsesNumbersWithUnitsIntoTheInputsUnit() {
        var parsed = ModelInputs.parse(specs, Map.of("age", 55, "sex", "Male", "totalCholesterol", "5.5 mmol/L",
                "smoker", "yes"));
        assertThat(parsed.errors()).isEmpty();
        // 5.5 mmol/L x 38.67 = 212.685 mg/dL
        assertThat(parsed.inputs().number("totalCholesterol").getAsDouble()).isCloseTo(212.685, within(1e-9));
        assertThat(parsed.inputs().number("age")).hasValue(55.0);
        assertThat(parsed.inputs().choice("sex")).contains("male");
        assertThat(parsed.inputs().flag("smoker")).contains(true);
    }

    @Test
    void explainsEveryBadValueAndKeepsTheGoodOnes() {
        var parsed = ModelInputs.parse(specs, Map.of("age", "300", "sex", "x", "totalCholesterol", "5.5 mmHg",
                "smoker", "maybe"));
        assertThat(parsed.errors()).containsExactlyInAnyOrder(
                "age: 300 years is outside the accepted range 18–110 years",
                "sex: 'x' is not one of female, male",
                "totalCholesterol: 'mmHg' is not a unit for this input (use mg/dL, mmol/L)",
                "smoker: 'maybe' is not true or false");
        assertThat(parsed.inputs().asMap()).isEmpty();
    }

    @Test
    void blanksAreMissingAndAbsentListsThem() {
        var parsed = ModelInputs.parse(specs, Map.of("age", " ", "sex", "female"));
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.inputs().absent("age", "sex", "smoker")).containsExactly("age", "smoker");
    }

    @Test
    void whatIfCopiesLeaveTheOriginalAlone() {
        ModelInputs base = ModelInputs.of(Map.of("smoker", true, "age", 60));
        ModelInputs quit = base.with("smoker", false);
        assertThat(base.flag("smoker")).contains(true);
        assertThat(quit.flag("smoker")).contains(false);
        assertThat(quit.without("age").has("age")).isFalse();
        assertThat(base.toString()).doesNotContain("60");
    }

    @Test
    void textInputsKeepWhatTheLabWroteInLowerCaseAndRefuseNovels() {
        List<InputSpec> pgx = List.of(InputSpec.text("cyp2c19", "CYP2C19 diplotype"));
        assertThat(ModelInputs.parse(pgx, Map.of("cyp2c19", " *2/*17 ")).inputs().text("cyp2c19")).contains("*2/*17");
        assertThat(ModelInputs.parse(pgx, Map.of("cyp2c19", "x".repeat(201))).errors())
                .containsExactly("cyp2c19: is longer than 200 characters");
    }

    @Test
    void anEvaluationCarriesAdviceWithoutANumberButNotWhenNotApplicable() {
        ModelRef ref = new ModelRef("t", "1", "t", "t");
        Recommendation avoid = Recommendation.of(Severity.HIGH, "Avoid", "strong");
        Evaluation e = Evaluation.advice(ref, Double.NaN, "", "poor metabolizer", List.of(), avoid);
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).isEmpty();
        assertThat(e.recommendation()).contains(avoid);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Evaluation(ref, false,
                java.util.OptionalDouble.empty(), "", java.util.Optional.empty(), List.of(), List.of(), List.of(org.outpost.app.text.Text.verbatim("x")),
                java.util.Optional.of(avoid), java.util.Optional.empty(), java.util.Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SuggestedDose(2.5, "mg", "twice daily")).hasToString("2.5 mg twice daily");
        assertThat(new SuggestedDose(75, "mg", "once daily").amountText()).isEqualTo("75");
    }
}
