package org.outpost.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.risk.RiskModels;

/**
 * The clinical models' budget: (a) every model in {@link RiskModels#all()} for one patient, target ≤ 1 ms
 * in total; (b) 100,000 rows of text cells (as a CSV gives them: "yes", "5.5 mmol/L", blanks) parsed with
 * {@link ModelInputs#parse} and evaluated, target ≤ 5 s. (b) leaves out reading and writing the CSV
 * file itself: {@code bench} does not depend on {@code ui}, so the whole {@code admin calc --csv} path is
 * timed by {@code ui/src/test/java/org/outpost/ui/cli/calc/CalcTiming.java}.
 *
 * <p>Run without building the store data set:
 * <pre>
 *   ./mvnw -q -B -pl bench -am package -DskipTests
 *   $JAVA_HOME/bin/java -cp bench/target/benchmarks.jar org.openjdk.jmh.Main ModelBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
public class ModelBenchmark {
    private static final int ROWS = 100_000;

    private List<ClinicalModel> models;
    private List<ModelInputs> patient;
    private ClinicalModel csvModel;
    private List<Map<String, String>> rows;

    @Setup
    public void setUp() {
        models = RiskModels.all();
        patient = models.stream().map(ModelBenchmark::typicalPatient).toList();
        csvModel = RiskModels.registry().find("cha2ds2-vasc").orElseThrow();
        rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("age", (18 + i % 90) + (i % 7 == 0 ? " years" : ""));
            row.put("sex", i % 2 == 0 ? "female" : "Male");
            row.put("atrialFibrillation", "yes");
            row.put("valvularAf", "no");
            row.put("heartFailure", i % 3 == 0 ? "yes" : "no");
            row.put("hypertension", i % 5 == 0 ? "" : "1");
            row.put("diabetes", "no");
            row.put("strokeTiaThromboembolism", i % 11 == 0 ? "true" : "false");
            row.put("vascularDisease", "n");
            rows.add(row);
        }
    }

    /** (a) Every bundled model once for one patient. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void allModelsOnePatient(Blackhole bh) {
        for (int m = 0; m < models.size(); m++) {
            bh.consume(models.get(m).evaluate(patient.get(m)));
        }
    }

    /** (b) 100,000 rows of text cells parsed and scored. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void hundredThousandRows(Blackhole bh) {
        List<InputSpec> specs = csvModel.inputs();
        for (Map<String, String> row : rows) {
            bh.consume(csvModel.evaluate(ModelInputs.parse(specs, row).inputs()));
        }
    }

    /** A 65-year-old with every number mid-range (plausible range for chart measures), flags false except AF. */
    static ModelInputs typicalPatient(ClinicalModel model) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (InputSpec s : model.inputs()) {
            Object v = switch (s.kind()) {
                case NUMBER -> s.name().equals("age") ? 65.0 : s.measure()
                        .map(m -> (m.plausibleMin() + m.plausibleMax()) / 2).orElse((s.min() + s.max()) / 2);
                case BOOLEAN -> s.name().equals("atrialFibrillation");
                case CHOICE -> s.choices().getFirst();
                case TEXT -> "*1/*1";
            };
            values.put(s.name(), v);
        }
        return ModelInputs.of(values);
    }
}
