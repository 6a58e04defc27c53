package org.outpost.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.outpost.app.ml.CoronaryDiseaseLearnedModel;
import org.outpost.app.ml.LearnedModels;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;

/**
 * The learned model's budget: one prediction of the shipped coronary artery disease model with its spread (50
 * bootstrap models), out-of-distribution check (ranges and Mahalanobis distance) and explanation (per-input terms),
 * that is one {@link CoronaryDiseaseLearnedModel#evaluate}, target ≤ 5 ms. Loading the model files is in the
 * set-up, not timed (the app loads them once).
 *
 * <pre>
 *   ./mvnw -q -B -pl bench -am package -DskipTests
 *   $JAVA_HOME/bin/java -cp bench/target/benchmarks.jar org.openjdk.jmh.Main LearnedModelBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
public class LearnedModelBenchmark {
    private CoronaryDiseaseLearnedModel model;
    private ModelInputs patient;

    @Setup
    public void setUp() {
        model = LearnedModels.coronaryDisease();
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
        patient = ModelInputs.of(m);
        Evaluation e = model.evaluate(patient);
        if (!e.applicable() || e.spread().isEmpty() || e.contributions().isEmpty()) {
            throw new IllegalStateException("the benchmark patient must get a value, a spread and contributions");
        }
    }

    /** One prediction with its spread, out-of-distribution check and explanation. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Evaluation onePredictionWithSpreadCheckAndExplanation() {
        return model.evaluate(patient);
    }
}
