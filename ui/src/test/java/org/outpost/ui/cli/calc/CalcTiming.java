package org.outpost.ui.cli.calc;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.risk.RiskModels;
import org.outpost.ui.cli.AdminCli;
import org.outpost.ui.console.CliContext;

/**
 * Hand-run timing of {@code admin calc} until the JMH module {@code bench} is on main (then this moves to
 * {@code org.outpost.bench.ModelBenchmark}). Not a test. Run after {@code ./mvnw -pl ui -am test-compile}:
 * <pre>
 *   java -cp "ui/target/test-classes:ui/target/classes:$(cat cp.txt)" org.outpost.ui.cli.calc.CalcTiming
 * </pre>
 * where cp.txt is {@code ./mvnw -q -pl ui dependency:build-classpath -Dmdep.outputFile=cp.txt}. Prints
 * (a) the time to evaluate every model in {@link RiskModels#all()} for one patient, the first time in a
 * fresh JVM and warmed up; (b) the wall time of {@code calc cha2ds2-vasc --csv} on 100,000 rows through
 * the real command line, five runs in one JVM (the first is the cold one a user sees).
 */
public final class CalcTiming {
    private CalcTiming() {
    }

    public static void main(String[] args) throws Exception {
        List<ClinicalModel> models = RiskModels.all();
        List<ModelInputs> patient = models.stream().map(CalcTiming::typicalPatient).toList();

        long t0 = System.nanoTime();
        int applicable = 0;
        for (int m = 0; m < models.size(); m++) {
            applicable += models.get(m).evaluate(patient.get(m)).applicable() ? 1 : 0;
        }
        long cold = System.nanoTime() - t0;
        System.out.printf("(a) %d models, %d applicable for the sample patient; first evaluation of all: %.3f ms%n",
                models.size(), applicable, cold / 1e6);
        int rounds = 200_000;
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                for (int m = 0; m < models.size(); m++) {
                    Evaluation e = models.get(m).evaluate(patient.get(m));
                    sink += e.contributions().size();
                }
            }
            long took = System.nanoTime() - t0;
            System.out.printf("    warm run %d: all models for one patient %.2f \u00b5s (%d rounds)%n", warm + 1,
                    took / 1e3 / rounds, rounds);
        }

        Path dir = Files.createTempDirectory("calc-timing");
        Path in = dir.resolve("in.csv");
        int rows = 100_000;
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write("id,age,sex,atrialFibrillation,valvularAf,heartFailure,hypertension,diabetes,"
                    + "strokeTiaThromboembolism,vascularDisease\n");
            for (int i = 0; i < rows; i++) {
                w.write("P" + i + "," + (18 + i % 90) + (i % 7 == 0 ? " years" : "") + "," + (i % 2 == 0 ? "female" : "Male")
                        + ",yes,no," + (i % 3 == 0 ? "yes" : "no") + "," + (i % 5 == 0 ? "" : "1") + ",no,"
                        + (i % 11 == 0 ? "true" : "false") + ",n\n");
            }
        }
        System.out.printf("(b) %,d rows, %,d bytes%n", rows, Files.size(in));
        for (int run = 1; run <= 5; run++) {
            Path out = dir.resolve("out.csv");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliContext context = CliContext.of(new ByteArrayInputStream(new byte[0]),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), d -> {
                        throw new IllegalStateException();
                    }, Clock.systemUTC());
            t0 = System.nanoTime();
            int code = new AdminCli(context).run("calc", "cha2ds2-vasc", "--csv", in.toString(), "--out",
                    out.toString(), "--keep-column", "id");
            long took = System.nanoTime() - t0;
            System.out.printf("    run %d: %.0f ms, exit %d, %s", run, took / 1e6, code, err.toString(StandardCharsets.UTF_8));
        }
        System.out.println("(sink " + sink + ")");
    }

    /** A 65-year-old with every number mid-range, every flag false, the first of every choice. */
    private static ModelInputs typicalPatient(ClinicalModel model) {
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
