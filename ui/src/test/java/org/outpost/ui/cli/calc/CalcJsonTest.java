package org.outpost.ui.cli.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.outpost.ui.cli.calc.Calc.calc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.InputSpec;
import org.outpost.app.catalog.BundledModels;

/** {@code admin calc MODEL_ID}: one JSON object of inputs in, one JSON result out, with real models. */
class CalcJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 78-year-old woman with AF and hypertension: age 2 + hypertension 1 + female 1 = 4 points, high. */
    private static final String AF_WOMAN = """
            {"age": 78, "sex": "female", "atrialFibrillation": true, "valvularAf": false, "heartFailure": false,
             "hypertension": true, "diabetes": false, "strokeTiaThromboembolism": false, "vascularDisease": false}
            """;

    static Stream<ClinicalModel> models() {
        return BundledModels.all().stream();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void applicableResultIsOneJsonObjectWithEveryField() {
        var r = calc(AF_WOMAN, "cha2ds2-vasc");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("{\"applicable\":true,\"value\":4,\"unit\":\"points\",\"category\":\"high\","
                + "\"contributions\":[{\"input\":\"heartFailure\",\"amount\":0,\"unit\":\"points\"},"
                + "{\"input\":\"hypertension\",\"amount\":1,\"unit\":\"points\"},"
                + "{\"input\":\"age\",\"amount\":2,\"unit\":\"points\"},"
                + "{\"input\":\"diabetes\",\"amount\":0,\"unit\":\"points\"},"
                + "{\"input\":\"strokeTiaThromboembolism\",\"amount\":0,\"unit\":\"points\"},"
                + "{\"input\":\"vascularDisease\",\"amount\":0,\"unit\":\"points\"},"
                + "{\"input\":\"sex\",\"amount\":1,\"unit\":\"points\"}],"
                + "\"missing\":[],\"reasons\":[],\"model\":\"cha2ds2-vasc\",\"version\":\"1.0.0\","
                + "\"source\":\"Lip GYH et al. Chest 2010;137(2):263-272, Table 2\"}\n");
    }

    @Test
    void advisingModelsGiveTheirRecommendationWithSeverityStrengthAndDose() throws Exception {
        // CPIC clopidogrel 2022 (Lee et al.), ACS/PCI: CYP2C19 poor metabolizer -> prasugrel or ticagrelor
        JsonNode pgx = json(calc("{\"drug\": \"clopidogrel\", \"cyp2c19\": \"*2/*2\"}", "pgx-cpic").out());
        assertThat(pgx.get("applicable").booleanValue()).isTrue();
        assertThat(pgx.get("value").isNull()).isTrue();
        assertThat(pgx.get("recommendation").get("severity").textValue()).isEqualTo("high");
        assertThat(pgx.get("recommendation").get("text").textValue()).contains("prasugrel or ticagrelor");
        assertThat(pgx.get("recommendation").get("suggestedDose").isNull()).isTrue();

        // ELIQUIS PI: 2.5 mg twice daily with two of age >= 80, weight <= 60 kg, creatinine >= 1.5 mg/dL
        JsonNode doac = json(calc("{\"drug\": \"apixaban\", \"age\": 82, \"sex\": \"female\", "
                + "\"weight\": \"130 lb\", \"creatinine\": \"80 umol/L\"}", "doac-dose").out());
        assertThat(doac.get("value").doubleValue()).isEqualTo(2.5);
        assertThat(doac.get("recommendation").get("suggestedDose").toString())
                .isEqualTo("{\"amount\":2.5,\"unit\":\"mg\",\"frequency\":\"twice daily\"}");
        assertThat(json(calc(AF_WOMAN, "cha2ds2-vasc").out()).has("recommendation")).isFalse();
    }

    @Test
    void missingInputsMakeItNotApplicableWithNullValue() throws Exception {
        var r = calc("{\"age\": 70, \"sex\": \"male\", \"hypertension\": null}", "cha2ds2-vasc");
        assertThat(r.exitCode()).isZero();
        JsonNode n = json(r.out());
        assertThat(n.get("applicable").booleanValue()).isFalse();
        assertThat(n.get("value").isNull()).isTrue();
        assertThat(n.get("category").isNull()).isTrue();
        assertThat(n.get("missing")).extracting(JsonNode::textValue).containsExactly("heartFailure", "hypertension",
                "diabetes", "strokeTiaThromboembolism", "vascularDisease");
        assertThat(n.get("reasons")).isEmpty();
        assertThat(n.get("contributions")).isEmpty();
        assertThat(n.get("model").textValue()).isEqualTo("cha2ds2-vasc");
    }

    @Test
    void outsideTheValidatedPopulationGivesReasons() throws Exception {
        var r = calc(AF_WOMAN.replace("\"atrialFibrillation\": true", "\"atrialFibrillation\": false"), "cha2ds2-vasc");
        assertThat(r.exitCode()).isZero();
        JsonNode n = json(r.out());
        assertThat(n.get("applicable").booleanValue()).isFalse();
        assertThat(n.get("value").isNull()).isTrue();
        assertThat(n.get("missing")).isEmpty();
        assertThat(n.get("reasons").get(0).textValue()).contains("atrial fibrillation");
    }

    @Test
    void valuesMayBeTextWithUnitsAndYesNo() throws Exception {
        String text = AF_WOMAN.replace("\"age\": 78", "\"age\": \"78 years\"")
                .replace("\"hypertension\": true", "\"hypertension\": \"yes\"")
                .replace("\"sex\": \"female\"", "\"sex\": \"Female\"")
                .replace("\"diabetes\": false", "\"diabetes\": 0");
        var r = calc(text, "cha2ds2-vasc");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(json(r.out()).get("value").intValue()).isEqualTo(4);
    }

    @Test
    void aUnitThatIsNotTheInputsIsRefused() {
        var r = calc(AF_WOMAN.replace("\"age\": 78", "\"age\": \"78 kg\""), "cha2ds2-vasc");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLine()).isEqualTo("age: 'kg' is not the unit of this input (years)");
    }

    /** A measured input (cholesterol, blood pressure…) accepts its measure's other units, converted. */
    @Test
    void measuredInputsConvertUnitsAndRefuseWrongOnes() throws Exception {
        Optional<ClinicalModel> withMeasure = BundledModels.all().stream()
                .filter(m -> m.inputs().stream().anyMatch(s -> s.measure().isPresent())).findFirst();
        assumeTrue(withMeasure.isPresent(), "no bundled model has a measured input yet");
        ClinicalModel model = withMeasure.get();
        InputSpec spec = model.inputs().stream().filter(s -> s.measure().isPresent()).findFirst().orElseThrow();

        var wrong = calc("{\"" + spec.name() + "\": \"5 furlongs\"}", model.ref().id());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.errLine()).startsWith(spec.name() + ": 'furlongs' is not a unit for this input (use ")
                .contains(spec.unit());

        double canonical = (spec.min() + spec.max()) / 2;
        var inItsUnit = calc("{\"" + spec.name() + "\": \"" + canonical + " " + spec.unit() + "\"}", model.ref().id());
        var same = calc("{\"" + spec.name() + "\": " + canonical + "}", model.ref().id());
        assertThat(inItsUnit.exitCode()).as(inItsUnit.err()).isZero();
        assertThat(inItsUnit.out()).isEqualTo(same.out());

        var other = spec.measure().get().units().stream().filter(u -> !u.display().equals(spec.unit())).findFirst();
        assumeTrue(other.isPresent(), spec.name() + " has one unit only");
        double inOther = spec.measure().get().convert(
                org.outpost.app.domain.Quantity.of(canonical, spec.measure().get().canonicalUnit()), other.get()).value();
        var given = calc("{\"" + spec.name() + "\": \"" + inOther + " " + other.get().display() + "\"}", model.ref().id());
        assertThat(given.exitCode()).as(given.err()).isZero();
        assertThat(given.out()).isEqualTo(same.out());
    }

    @Test
    void malformedJsonSaysWhere() {
        var r = calc("{\"age\": 70,\n \"sex\": }", "cha2ds2-vasc");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).hasLineCount(1);
        assertThat(r.errLine()).startsWith("malformed JSON in standard input at line 2, column 9: Unexpected character");
    }

    @Test
    void truncatedEmptyOrNonObjectJsonIsRefused() {
        assertThat(calc("{\"age\": 70", "cha2ds2-vasc").errLine()).startsWith("malformed JSON in standard input at line 1")
                .doesNotContain("Source");
        assertThat(calc("", "cha2ds2-vasc").errLine()).startsWith("no JSON in standard input");
        assertThat(calc("[1, 2]", "cha2ds2-vasc").errLine()).isEqualTo(
                "expected one JSON object of inputs in standard input, not an array");
        assertThat(calc("{} {}", "cha2ds2-vasc").errLine()).startsWith("malformed JSON in standard input at line 1");
        var dup = calc("{\"age\": 70, \"age\": 71}", "cha2ds2-vasc");
        assertThat(dup.exitCode()).isEqualTo(1);
        assertThat(dup.errLine()).contains("Duplicate field 'age'");
    }

    @Test
    void unknownInputNamesAreRefusedNotTreatedAsMissing() {
        var r = calc(AF_WOMAN.replace("\"hypertension\"", "\"hypertention\"").replace("\"age\"", "\"Age\""),
                "cha2ds2-vasc");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLine()).startsWith("unknown inputs 'Age' (did you mean 'age'?), 'hypertention' (did you mean "
                + "'hypertension'?) (cha2ds2-vasc takes: age, sex, atrialFibrillation");
    }

    @Test
    void outOfRangeAndIllTypedValuesAreRefusedWithEveryProblem() {
        var r = calc(AF_WOMAN.replace("\"age\": 78", "\"age\": 300").replace("\"sex\": \"female\"", "\"sex\": 5"),
                "cha2ds2-vasc");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("age: 300 years is outside the accepted range 0\u2013120 years; "
                + "sex: '5' is not one of female, male");

        var array = calc(AF_WOMAN.replace("\"diabetes\": false", "\"diabetes\": [true]"), "cha2ds2-vasc");
        assertThat(array.exitCode()).isEqualTo(1);
        assertThat(array.errLine()).isEqualTo("diabetes: expected a number, true/false or a string, not an array");

        var flag = calc(AF_WOMAN.replace("\"diabetes\": false", "\"diabetes\": \"maybe\""), "cha2ds2-vasc");
        assertThat(flag.errLine()).isEqualTo("diabetes: 'maybe' is not true or false");
    }

    @Test
    void unknownModelIsAUsageErrorListingTheModels() {
        var r = calc("{}", "chads-vasc");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1);
        assertThat(r.errLine()).startsWith("unknown model 'chads-vasc': use one of ")
                .contains(BundledModels.registry().ids());
    }

    @Test
    void inputMayComeFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.json");
        Files.writeString(file, AF_WOMAN);
        var r = calc("", "cha2ds2-vasc", "--input", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(json(r.out()).get("value").intValue()).isEqualTo(4);

        var missing = calc("", "cha2ds2-vasc", "--input", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errLine()).endsWith("nope.json: no such file or folder");
    }

    @Test
    void prettyOutputIsTheSameJson() throws Exception {
        var compact = calc(AF_WOMAN, "cha2ds2-vasc");
        var pretty = calc(AF_WOMAN, "cha2ds2-vasc", "--pretty");
        assertThat(pretty.out().lines().count()).isGreaterThan(10);
        assertThat(json(pretty.out())).isEqualTo(json(compact.out()));
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyModelAnswersAnEmptyObjectWithWhatIsMissing(ClinicalModel model) throws Exception {
        var r = calc("{}", model.ref().id());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode n = json(r.out());
        assertThat(n.get("applicable").booleanValue()).isFalse();
        assertThat(n.get("missing")).isNotEmpty();
        assertThat(n.get("version").textValue()).isEqualTo(model.ref().version());
        List<String> names = model.inputs().stream().map(InputSpec::name).toList();
        n.get("missing").forEach(m -> assertThat(names).contains(m.textValue()));
    }

    /** Row 1 of the UCI Cleveland file (63-year-old man, typical angina; no disease), units as on a chart. */
    private static final String CLEVELAND_ROW_1 = """
            {"age": 63, "sex": "male", "chestPain": "typical_angina", "systolicBp": "145 mmHg",
             "totalCholesterol": "233 mg/dL", "fastingGlucoseOver120": true, "restingEcg": "lv_hypertrophy",
             "maxHeartRate": 150, "exerciseAngina": false, "stDepression": 2.3, "stSlope": "downsloping",
             "vesselsColoured": 0, "thallium": "fixed_defect"}
            """;

    @Test
    void theLearnedModelGivesItsRangeVerdictAndTermsAsJsonFields() throws Exception {
        var r = calc(CLEVELAND_ROW_1, "cad-cleveland-learned");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode n = json(r.out());
        assertThat(n.get("applicable").booleanValue()).isTrue();
        assertThat(n.get("value").doubleValue()).isEqualTo(28.65); // the shipped model's 28.6477 %
        assertThat(n.get("unit").textValue()).isEqualTo("%");
        assertThat(n.get("spread").get("low").doubleValue()).isEqualTo(9.98);
        assertThat(n.get("spread").get("high").doubleValue()).isEqualTo(83.04);
        assertThat(n.get("spread").get("description").textValue()).contains("50 models");
        JsonNode ood = n.get("outOfDistribution");
        assertThat(ood.get("inDistribution").booleanValue()).isTrue();
        assertThat(ood.get("outOfRangeInputs")).isEmpty();
        assertThat(ood.get("unusualCombination").booleanValue()).isFalse();
        assertThat(ood.get("distance").doubleValue()).isLessThan(ood.get("threshold").doubleValue());
        assertThat(n.get("contributions")).hasSize(14);
        assertThat(n.get("contributions").get(13).get("input").textValue()).isEqualTo("baseline");
        assertThat(n.get("contributions").get(0).get("unit").textValue()).isEqualTo("log-odds");
        // models without a spread or verdict keep their output as it was
        assertThat(json(calc(AF_WOMAN, "cha2ds2-vasc").out()).has("spread")).isFalse();
        assertThat(json(calc(AF_WOMAN, "cha2ds2-vasc").out()).has("outOfDistribution")).isFalse();
    }

    @Test
    void qriskListsTheValuesItFilledInAndOtherModelsAddNoField() throws Exception {
        // QRISK3-2017 women's centring values: SBP 123.130012512207030, cholesterol/HDL ratio 3.476326465606690
        var r = calc("""
                {"age": 60, "sex": "female", "sbpSd": 8, "smoking": "non", "diabetes": "none",
                 "familyHistoryChd": false, "chronicKidneyDisease": false, "atrialFibrillation": false,
                 "bpTreatment": false, "migraine": false, "rheumatoidArthritis": false, "sle": false,
                 "severeMentalIllness": false, "atypicalAntipsychotic": false, "steroidTablets": false, "bmi": 26,
                 "ethnicity": "indian", "townsend": 1}
                """, "qrisk3-2017");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode n = json(r.out());
        assertThat(n.get("applicable").booleanValue()).isTrue();
        assertThat(n.get("imputed")).hasSize(2);
        assertThat(n.get("imputed").get(0).get("input").textValue()).isEqualTo("systolicBp");
        assertThat(n.get("imputed").get(0).get("value").doubleValue()).isEqualTo(123.13);
        assertThat(n.get("imputed").get(1).get("input").textValue()).isEqualTo("cholesterolHdlRatio");
        assertThat(n.get("imputed").get(1).get("value").doubleValue()).isEqualTo(3.476);
        assertThat(n.get("imputed").get(1).get("basis").textValue()).isEqualTo("QRISK3 derivation mean for women");
        assertThat(json(calc(AF_WOMAN, "cha2ds2-vasc").out()).has("imputed")).isFalse();
    }

    @Test
    void theLearnedModelGivesNoNumberOutsideItsTrainingData() throws Exception {
        var r = calc(CLEVELAND_ROW_1.replace("\"age\": 63", "\"age\": 20"), "cad-cleveland-learned");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode n = json(r.out());
        assertThat(n.get("applicable").booleanValue()).isFalse();
        assertThat(n.get("value").isNull()).isTrue();
        assertThat(n.has("spread")).isFalse();
        assertThat(n.get("outOfDistribution").get("inDistribution").booleanValue()).isFalse();
        assertThat(n.get("outOfDistribution").get("outOfRangeInputs")).extracting(JsonNode::textValue)
                .containsExactly("age");
        assertThat(n.get("reasons").get(0).textValue())
                .startsWith("Uncertain \u2014 outside what this model has seen: age");
    }
}
