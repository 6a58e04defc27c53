package org.outpost.app.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.OutOfDistribution;

/**
 * The shipped coronary artery disease model, loaded from the real resources the training command wrote. The
 * fixed predictions below are the shipped model's: a retrain (other data, seed, learner or Tribuo version) fails
 * {@link #shippedModelGivesItsFixedPredictions}, which is the point — retraining must be deliberate.
 */
class CoronaryDiseaseLearnedModelTest {
    private static final CoronaryDiseaseLearnedModel MODEL = LearnedModels.coronaryDisease();

    /** Row 1 of processed.cleveland.data: 63-year-old man, typical angina, no disease (num 0). */
    static Map<String, Object> row1() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("age", 63);
        m.put("sex", "male");
        m.put("chestPain", "typical_angina");
        m.put("systolicBp", 145);
        m.put("totalCholesterol", 233);
        m.put("fastingGlucoseOver120", true);
        m.put("restingEcg", "lv_hypertrophy");
        m.put("maxHeartRate", 150);
        m.put("exerciseAngina", false);
        m.put("stDepression", 2.3);
        m.put("stSlope", "downsloping");
        m.put("vesselsColoured", 0);
        m.put("thallium", "fixed_defect");
        return m;
    }

    private static ModelInputs inputs(Map<String, Object> base, Object... changes) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        for (int i = 0; i < changes.length; i += 2) {
            m.put((String) changes[i], changes[i + 1]);
        }
        return ModelInputs.of(m);
    }

    /** A middle-of-the-road patient, near the training means. */
    static Map<String, Object> typical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("age", 55);
        m.put("sex", "male");
        m.put("chestPain", "asymptomatic");
        m.put("systolicBp", 130);
        m.put("totalCholesterol", 245);
        m.put("fastingGlucoseOver120", false);
        m.put("restingEcg", "normal");
        m.put("maxHeartRate", 150);
        m.put("exerciseAngina", false);
        m.put("stDepression", 1.0);
        m.put("stSlope", "flat");
        m.put("vesselsColoured", 0);
        m.put("thallium", "normal");
        return m;
    }

    /** Row 2: 67-year-old man, asymptomatic, 3 vessels coloured; disease (num 2). */
    static ModelInputs row2() {
        return inputs(row1(), "age", 67, "chestPain", "asymptomatic", "systolicBp", 160, "totalCholesterol", 286,
                "fastingGlucoseOver120", false, "maxHeartRate", 108, "exerciseAngina", true, "stDepression", 1.5,
                "stSlope", "flat", "vesselsColoured", 3, "thallium", "normal");
    }

    @Test
    void shippedModelGivesItsFixedPredictions() {
        // written from the shipped model (training seed 1313, Tribuo 4.3.2): an accidental retrain changes them
        assertThat(MODEL.evaluate(ModelInputs.of(row1())).value().getAsDouble()).isCloseTo(28.647657062329817,
                within(1e-9));
        assertThat(MODEL.evaluate(row2()).value().getAsDouble()).isCloseTo(98.169229508492, within(1e-9));
        Evaluation e = MODEL.evaluate(ModelInputs.of(row1()));
        assertThat(e.unit()).isEqualTo("%");
        assertThat(e.spread().orElseThrow().low()).isCloseTo(9.976183341152593, within(1e-9));
        assertThat(e.spread().orElseThrow().high()).isCloseTo(83.04157373009704, within(1e-9));
    }

    @Test
    void savedAndLoadedAgainGivesIdenticalPredictions(@TempDir Path dir) throws IOException {
        for (String file : List.of(CoronaryDiseaseLearnedModel.MODEL_FILE, CoronaryDiseaseLearnedModel.BOOTSTRAP_FILE,
                CoronaryDiseaseLearnedModel.CARD_FILE, CoronaryDiseaseLearnedModel.STATISTICS_FILE)) {
            try (InputStream in = resource(file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        // save: the loaded model written again in Tribuo's protobuf form, then everything read back from the folder
        CoronaryDiseaseLearnedModel reread = CoronaryDiseaseLearnedModel.load(fromFolder(dir));
        org.tribuo.Model<?> shipped = org.tribuo.Model.deserializeFromStream(resource(
                CoronaryDiseaseLearnedModel.MODEL_FILE));
        shipped.serializeToFile(dir.resolve(CoronaryDiseaseLearnedModel.MODEL_FILE));
        CoronaryDiseaseLearnedModel saved = CoronaryDiseaseLearnedModel.load(fromFolder(dir));
        for (ModelInputs in : List.of(ModelInputs.of(row1()), row2(), ModelInputs.of(typical()))) {
            Evaluation original = MODEL.evaluate(in);
            assertThat(reread.evaluate(in)).isEqualTo(original);
            assertThat(saved.evaluate(in)).isEqualTo(original);
        }
        assertThat(saved.card()).isEqualTo(MODEL.card());
        assertThat(saved.trainingStatistics()).isEqualTo(MODEL.trainingStatistics());
    }

    @Test
    void inputsLikeTheTrainingDataGiveANumberWithItsVerdict() {
        Evaluation e = MODEL.evaluate(ModelInputs.of(typical()));
        assertThat(e.applicable()).isTrue();
        assertThat(e.reasons()).isEmpty();
        OutOfDistribution verdict = e.outOfDistribution().orElseThrow();
        assertThat(verdict.inDistribution()).isTrue();
        assertThat(verdict.outOfRangeInputs()).isEmpty();
        assertThat(verdict.distance()).isLessThan(verdict.threshold());
    }

    @Test
    void oneInputOutsideItsTrainingRangeGivesNoNumberAndNamesIt() {
        // the training part's systolic pressures run 94-200 mmHg; 215 is accepted as an input but never seen
        Evaluation e = MODEL.evaluate(inputs(typical(), "systolicBp", 215));
        assertThat(e.applicable()).isFalse();
        assertThat(e.value()).isEmpty();
        assertThat(e.spread()).isEmpty();
        assertThat(e.outOfDistribution().orElseThrow().outOfRangeInputs()).containsExactly("systolicBp");
        assertThat(e.reasons()).singleElement().asString()
                .startsWith("Uncertain \u2014 outside what this model has seen: systolicBp");
    }

    @Test
    void anImplausibleCombinationOfInRangeInputsGivesNoNumber() {
        // each value occurs in the training data, together they do not: a 35-year-old woman with 3 vessels
        // coloured, 5 mm ST depression and a maximum heart rate of 90
        ModelInputs odd = inputs(typical(), "age", 35, "sex", "female", "maxHeartRate", 90, "stDepression", 5,
                "vesselsColoured", 3, "totalCholesterol", 150);
        Evaluation e = MODEL.evaluate(odd);
        assertThat(e.applicable()).isFalse();
        assertThat(e.value()).isEmpty();
        OutOfDistribution verdict = e.outOfDistribution().orElseThrow();
        assertThat(verdict.outOfRangeInputs()).isEmpty();
        assertThat(verdict.unusualCombination()).isTrue();
        assertThat(verdict.distance()).isGreaterThan(verdict.threshold());
        assertThat(e.reasons()).singleElement().asString()
                .startsWith(OutOfDistribution.PREFIX + "this combination of inputs");
    }

    @Test
    void aboutOnePercentOfTheTrainingRowsLieBeyondTheThreshold() throws IOException {
        TrainingStatistics stats = MODEL.trainingStatistics();
        List<ClevelandCase> rows = Files.readAllLines(Path.of("../../shared/data/ml/processed.cleveland.data")).stream()
                .map(ClevelandCase::parseLine).flatMap(Optional::stream).map(ClevelandCase.Labelled::inputs).toList();
        long beyond = rows.stream().filter(c -> stats.distance(c.values()) > stats.threshold()).count();
        assertThat(rows).hasSize(297);
        // the threshold is the training part's 99th percentile; over all 297 rows a few percent at most
        assertThat(beyond).isBetween(1L, 12L);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # age, sex, chest pain, max heart rate, ST depression, vessels
            63, male, typical_angina, 150, 2.3, 0
            67, male, asymptomatic, 108, 1.5, 3
            55, male, asymptomatic, 150, 1.0, 0
            45, female, non_anginal_pain, 170, 0.0, 0
            60, female, atypical_angina, 140, 1.2, 1
            """)
    void theSpreadContainsTheValueAndIsARange(int age, String sex, String chestPain, int maxHeartRate,
                                              double stDepression, int vessels) {
        Evaluation e = MODEL.evaluate(inputs(typical(), "age", age, "sex", sex, "chestPain", chestPain,
                "maxHeartRate", maxHeartRate, "stDepression", stDepression, "vesselsColoured", vessels));
        assertThat(e.applicable()).as(e.reasons().toString()).isTrue();
        var spread = e.spread().orElseThrow();
        assertThat(spread.contains(e.value().getAsDouble())).as("%s contains %s", spread, e.value()).isTrue();
        assertThat(spread.high() - spread.low()).isGreaterThan(0.1);
        assertThat(spread.low()).isGreaterThanOrEqualTo(0);
        assertThat(spread.high()).isLessThanOrEqualTo(100);
        assertThat(spread.description()).contains("50 models");
    }

    /** Every complete row of the real data: in distribution it gets a value inside its spread, else no value. */
    @Test
    void everyRowOfTheDataGetsAValueInsideItsSpreadOrAnOutOfDistributionVerdict() throws IOException {
        int inside = 0;
        int outside = 0;
        for (String line : Files.readAllLines(Path.of("../../shared/data/ml/processed.cleveland.data"))) {
            Optional<ClevelandCase.Labelled> row = ClevelandCase.parseLine(line);
            if (row.isEmpty()) {
                continue;
            }
            ModelInputs in = CoronaryDiseaseLearnedModel.inputsOf(row.get().inputs());
            assertThat(CoronaryDiseaseLearnedModel.toCase(in)).isEqualTo(row.get().inputs());
            Evaluation e = MODEL.evaluate(in);
            if (e.applicable()) {
                inside++;
                assertThat(e.spread().orElseThrow().contains(e.value().getAsDouble())).as(line).isTrue();
                assertThat(e.outOfDistribution().orElseThrow().inDistribution()).isTrue();
            } else {
                outside++;
                assertThat(e.reasons()).singleElement().asString().startsWith(OutOfDistribution.PREFIX);
            }
        }
        assertThat(inside + outside).isEqualTo(297);
        assertThat(outside).as("rows beyond the training data's 99th percentile distance").isBetween(1, 12);
    }

    @Test
    void contributionsAndTheInterceptAddUpToTheLinearPredictor() {
        for (ModelInputs in : List.of(ModelInputs.of(row1()), row2(), ModelInputs.of(typical()))) {
            Evaluation e = MODEL.evaluate(in);
            double sum = e.contributions().stream().mapToDouble(Contribution::amount).sum();
            assertThat(e.contributions()).allSatisfy(c -> assertThat(c.unit()).isEqualTo("log-odds"));
            assertThat(e.contributions()).extracting(Contribution::input).containsExactlyElementsOf(
                    java.util.stream.Stream.concat(CoronaryDiseaseLearnedModel.inputNames().stream(),
                            java.util.stream.Stream.of(Contribution.BASELINE)).toList());
            assertThat(sum).isCloseTo(MODEL.linearPredictor(CoronaryDiseaseLearnedModel.toCase(in)), within(1e-9));
            assertThat(100 / (1 + Math.exp(-sum))).isCloseTo(e.value().getAsDouble(), within(1e-7));
        }
    }

    @Test
    void oneInstanceGivesTheSameAnswersOnManyThreadsAtOnce() throws Exception {
        List<ModelInputs> cases = List.of(ModelInputs.of(row1()), row2(), ModelInputs.of(typical()));
        List<Evaluation> expected = cases.stream().map(MODEL::evaluate).toList();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        if (!MODEL.evaluate(cases.get(i % 3)).equals(expected.get(i % 3))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var run : runs) {
                assertThat(run.get()).isTrue();
            }
        }
    }

    @Test
    void missingInputsAreNamed() {
        Evaluation e = MODEL.evaluate(ModelInputs.of(row1()).without("thallium").without("age"));
        assertThat(e.applicable()).isFalse();
        assertThat(e.missing()).containsExactly("age", "thallium");
        assertThat(e.outOfDistribution()).isEmpty();
    }

    @Test
    void aTruncatedModelFileIsRefusedWithItsName() throws IOException {
        byte[] whole = resource(CoronaryDiseaseLearnedModel.MODEL_FILE).readAllBytes();
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> CoronaryDiseaseLearnedModel.load(replacing(CoronaryDiseaseLearnedModel.MODEL_FILE,
                half))).isInstanceOf(LearnedModelException.class)
                .hasMessageStartingWith("model.tribuo is not a readable Tribuo model");
        assertThatThrownBy(() -> CoronaryDiseaseLearnedModel.load(replacing(CoronaryDiseaseLearnedModel.BOOTSTRAP_FILE,
                "not a model".getBytes()))).isInstanceOf(LearnedModelException.class)
                .hasMessageStartingWith("bootstrap.tribuo is not a readable Tribuo model");
    }

    @Test
    void aMissingOrIncompleteFileIsRefusedWithItsName() throws IOException {
        assertThatThrownBy(() -> CoronaryDiseaseLearnedModel.load(name -> name.equals(
                CoronaryDiseaseLearnedModel.STATISTICS_FILE) ? Optional.empty() : Optional.of(resource(name))))
                .isInstanceOf(LearnedModelException.class)
                .hasMessage("the learned model's file training-stats.properties is missing");
        String card = new String(resource(CoronaryDiseaseLearnedModel.CARD_FILE).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m)^heldOut\\.brier=.*$", "");
        assertThatThrownBy(() -> CoronaryDiseaseLearnedModel.load(replacing(CoronaryDiseaseLearnedModel.CARD_FILE,
                card.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).isInstanceOf(LearnedModelException.class)
                .hasMessage("card.properties has no entry 'heldOut.brier'");
        // the ensemble in place of the model: a model, but not the linear model the explanations need
        byte[] ensemble = resource(CoronaryDiseaseLearnedModel.BOOTSTRAP_FILE).readAllBytes();
        assertThatThrownBy(() -> CoronaryDiseaseLearnedModel.load(replacing(CoronaryDiseaseLearnedModel.MODEL_FILE,
                ensemble))).isInstanceOf(LearnedModelException.class)
                .hasMessageStartingWith("model.tribuo is not a model on standardised features");
    }

    @Test
    void theCardSaysWhatTheModelIsForAndHowItDid() {
        ModelCard card = MODEL.card();
        assertThat(card.title()).isEqualTo(MODEL.ref().title());
        assertThat(card.intendedUse()).contains("referred for evaluation of chest pain");
        assertThat(card.notIntendedFor()).contains("not for deciding on or against angiography or treatment");
        assertThat(card.data().rowsInFile()).isEqualTo(303);
        assertThat(card.data().rowsUsed()).isEqualTo(297);
        assertThat(card.data().events()).isEqualTo(137);
        assertThat(card.data().male() + card.data().female()).isEqualTo(297);
        assertThat(card.data().years()).startsWith("1981\u20131984");
        assertThat(card.data().citation()).contains("Janosi", "Steinbrunn", "Pfisterer", "Detrano", "10.24432/C52P4X");
        assertThat(card.data().trainRows() + card.data().heldOutRows()).isEqualTo(297);
        assertThat(card.heldOut().n()).isEqualTo(card.data().heldOutRows());
        assertThat(card.heldOut().bins()).hasSize(5);
        assertThat(card.heldOut().bins().stream().mapToInt(CalibrationBin::n).sum()).isEqualTo(card.heldOut().n());
        assertThat(card.subgroups()).extracting(ModelCard.Subgroup::name)
                .containsExactly("women", "men", "age under 50", "age 50\u201359", "age 60 and over");
        assertThat(card.subgroups().get(0).metrics().n() + card.subgroups().get(1).metrics().n())
                .isEqualTo(card.heldOut().n());
        assertThat(card.subgroups()).filteredOn(s -> s.metrics().n() < ModelCard.SMALL_SUBGROUP)
                .isNotEmpty().allSatisfy(s -> assertThat(s.warnings()).anyMatch(w -> w.startsWith("small")));
        assertThat(card.shipped().algorithm()).isEqualTo("L2-regularised logistic regression");
        assertThat(card.comparison()).hasSize(2);
        assertThat(card.shipped().heldOut().brier()).isEqualTo(card.heldOut().brier());
        assertThat(card.comparison()).allSatisfy(c -> assertThat(card.shipped().heldOut().brier())
                .isLessThanOrEqualTo(c.heldOut().brier()));
        assertThat(card.whyShipped()).contains("better calibrated", "Brier");
        assertThat(card.limits()).anyMatch(l -> l.contains("one US clinic"))
                .anyMatch(l -> l.contains("Not for treatment decisions alone"));
        assertThat(card.provenance().dataSha256())
                .isEqualTo("a74b7efa387bc9d108d7d0115d831fe9b414b29ae7124f331b622b4efa0427c8");
        assertThat(card.provenance().tribuoVersion()).isEqualTo("4.3.2");
        assertThat(card.provenance().tribuoProvenance()).contains("LibLinearClassificationTrainer");
    }

    private static InputStream resource(String file) {
        InputStream in = CoronaryDiseaseLearnedModel.class.getResourceAsStream(CoronaryDiseaseLearnedModel.RESOURCES
                + file);
        assertThat(in).as(file).isNotNull();
        return in;
    }

    private static Function<String, Optional<InputStream>> replacing(String file, byte[] bytes) {
        return name -> Optional.of(name.equals(file) ? new ByteArrayInputStream(bytes) : resource(name));
    }

    private static Function<String, Optional<InputStream>> fromFolder(Path dir) {
        return name -> {
            try {
                return Optional.of(Files.newInputStream(dir.resolve(name)));
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }
}
