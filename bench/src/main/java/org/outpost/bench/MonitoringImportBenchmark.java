package org.outpost.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.monitoring.MonitoringDetectors;
import org.outpost.app.monitoring.SeriesExtent;
import org.outpost.app.port.Store;
import org.outpost.app.port.Vault;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.app.usecase.Session;
import org.outpost.interop.monitoring.ParsedSeries;
import org.outpost.interop.monitoring.SeriesFiles;
import org.outpost.interop.monitoring.SeriesFormat;
import org.outpost.store.H2Vault;

/**
 * Issue 15's import target: a year of per-minute heart rate (525,600 rows of a Fitbit-style export) read, checked and
 * stored in the encrypted database in one transaction, flags raised — all that {@code outpost admin monitor import}
 * does — in ≤ 10 s. One shot per fresh copy of a one-patient database (the unlock is not timed). Prints the stored
 * bytes per reading after each shot.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.openjdk.jmh.Main MonitoringImportBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class MonitoringImportBenchmark {
    /** A year of minutes. */
    static final int ROWS = 365 * 24 * 60;
    private static final String USER = "bench";
    private static final char[] PASSWORD = "ward round kettle 2026".toCharArray();

    private Path root;
    private Path file;
    private Path template;
    private PatientId patient;
    private Path work;
    private Store store;
    private Session session;

    @Setup(Level.Trial)
    public void writeFileAndTemplate() throws Exception {
        root = Files.createTempDirectory("outpost-monitor-bench");
        file = root.resolve("fitbit-year.csv");
        SplittableRandom rng = new SplittableRandom(15);
        LocalDateTime start = LocalDate.now(ZoneOffset.UTC).minusDays(366).atStartOfDay();
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,time,hr\n");
            for (int i = 0; i < ROWS; i++) {
                LocalDateTime t = start.plusMinutes(i);
                int hour = t.getHour();
                double level = hour < 6 ? 56 : 70;
                w.write("2022484408," + t + "," + Math.round(level + rng.nextGaussian() * 4) + "\n");
            }
        }
        template = root.resolve("template");
        Vault.Unlocked u = new H2Vault(template, Clock.systemUTC()).create(USER, "Bench", PASSWORD.clone());
        patient = PatientId.random();
        try (Store s = u.store()) {
            s.write(r -> {
                r.patients().insert(new Patient(patient, new Mrn("BENCH-1"), "Bench", "Patient", Sex.FEMALE,
                        LocalDate.of(1960, 1, 1), "", "", SharingConsent.notRecorded(), new AllergyStatus.NotRecorded()));
                return null;
            });
        }
    }

    @Setup(Level.Invocation)
    public void freshCopy() throws Exception {
        work = root.resolve("work");
        BenchData.deleteTree(work);
        Files.createDirectories(work);
        try (var files = Files.list(template)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, work.resolve(f.getFileName()));
            }
        }
        Vault.Unlocked u = new H2Vault(work, Clock.systemUTC()).unlock(USER, PASSWORD.clone());
        store = u.store();
        session = new Session(u.user());
    }

    @Benchmark
    public MonitoringService.ImportOutcome importYearOfMinutes() throws Exception {
        ParsedSeries parsed = SeriesFiles.read(file, Optional.of(SeriesFormat.FITBIT), ZoneOffset.UTC);
        return new MonitoringService(store, Clock.systemUTC(), session, MonitoringDetectors::forMeasure)
                .importReadings(patient, parsed.readings(), "fitbit");
    }

    @TearDown(Level.Invocation)
    public void report() {
        List<SeriesExtent> extents = store.read(r -> r.monitoring().extents(patient));
        for (SeriesExtent e : extents) {
            System.out.printf("%n  stored %,d readings in %,d bytes: %.2f bytes a reading%n", e.readings(),
                    e.storedBytes(), e.bytesPerReading());
        }
        store.close();
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
        BenchData.deleteTree(root);
    }
}
