package org.outpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.demo.DemoDataGenerator;
import org.outpost.app.demo.DemoDataService;
import org.outpost.app.demo.DemoPatient;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.PatientId;
import org.outpost.app.port.Store;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.prescribing.OrderDraft;
import org.outpost.app.usecase.Prescribing;
import org.outpost.app.prescribing.PrescribingCheck;
import org.outpost.app.usecase.Session;
import org.outpost.store.H2Vault;

/**
 * The prescribing check's budget: the full check on one patient's order ≤ 2 ms. Two measurements:
 * <ul>
 *   <li>{@code engine}: {@link PrescribingCheck#check} on a chart already in memory — every model relevant
 *       to the drug (CPIC rule, DOAC label dose, IWPC warfarin dose, renal table with Cockcroft–Gault and
 *       CKD-EPI), on demo patients with years of observations, medications and a genotype panel;</li>
 *   <li>{@code throughStore}: {@link Prescribing#check} as the order form calls it — the chart and the
 *       patient's answered alerts read from an encrypted H2 file, then the check.</li>
 * </ul>
 * Orders: clopidogrel for demo patient 1 (CYP2C19 *2/*2), warfarin for patient 2 (on warfarin, CYP2C9 and
 * VKORC1 known), apixaban and metformin for patient 3.
 *
 * <pre>
 *   ./mvnw -q -B -pl bench -am package -DskipTests
 *   $JAVA_HOME/bin/java -cp bench/target/benchmarks.jar org.openjdk.jmh.Main PrescribingBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
public class PrescribingBenchmark {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Param({"clopidogrel", "warfarin", "apixaban", "metformin"})
    public String drug;

    private PrescribingCheck check;
    private Chart chart;
    private OrderDraft draft;
    private Path dir;
    private Store store;
    private Prescribing prescribing;
    private PatientId storedPatient;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        check = BundledModels.prescribingCheck(ZoneOffset.UTC);
        int number = switch (drug) {
            case "clopidogrel" -> 1;
            case "warfarin" -> 2;
            default -> 3;
        };
        draft = switch (drug) {
            case "clopidogrel" -> new OrderDraft("clopidogrel", 75, "mg", "once daily", "oral");
            case "warfarin" -> new OrderDraft("warfarin", 5, "mg", "once daily", "oral");
            case "apixaban" -> new OrderDraft("apixaban", 5, "mg", "twice daily", "oral");
            default -> new OrderDraft("metformin", 500, "mg", "twice daily", "oral");
        };
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        DemoPatient p = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY, ZoneOffset.UTC, "bench")
                .patient(number);
        chart = new Chart(p.patient(), p.observations(), p.medications(), p.genotypes(), p.encounters());

        dir = Files.createTempDirectory("outpost-prescribing-bench");
        H2Vault vault = new H2Vault(dir, clock);
        var unlocked = vault.create(Dataset.USER, "Bench", Dataset.PASSWORD.toCharArray());
        store = unlocked.store();
        Session session = new Session(unlocked.user());
        new DemoDataService(store, clock, session).create(number, DemoDataGenerator.DEFAULT_SEED,
                DemoDataService.Progress.silent());
        storedPatient = store.read(r -> r.patients().findByMrn(DemoDataGenerator.mrn(number))).orElseThrow().id();
        prescribing = new Prescribing(store, clock, ZoneOffset.UTC, session, check);
        List<OrderAlert> alerts = prescribing.check(storedPatient, draft);
        if (alerts.isEmpty() && !drug.equals("metformin")) {
            throw new IllegalStateException("The " + drug + " order raised no alert: the benchmark would not exercise the models");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<OrderAlert> engine() {
        return check.check(chart, draft, TODAY, Map.of());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<OrderAlert> throughStore() {
        return prescribing.check(storedPatient, draft);
    }
}
