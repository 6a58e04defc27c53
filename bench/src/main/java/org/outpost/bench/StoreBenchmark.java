package org.outpost.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.app.port.Store;
import org.outpost.app.usecase.ChartService;
import org.outpost.app.usecase.PatientRegistry;
import org.outpost.app.usecase.Session;
import org.outpost.store.H2Vault;
import org.outpost.store.keys.DataKey;

/**
 * The user-visible store operations, each through the app's own use case on one {@link Variant} of the
 * cached data set: patient search (three letters of a family name, two name words, an MRN prefix;
 * {@link PatientRegistry#search}, up to 200 rows), opening a chart ({@link ChartService#reload}: patient,
 * allergies, observations, medications, genotypes, encounters) of any patient or of one of a "today's
 * clinic" set of 1,000, and recording one observation ({@link ChartService#record}: one
 * {@code Store.write} with the patient check, the observation and its audit row). Sampled times, so the
 * report has percentiles. Every trial starts from a fresh copy of the cached files.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class StoreBenchmark {
    /** Patients a day's clinic revisits in the {@code chartHotSet} benchmark. */
    static final int HOT_SET = 1_000;
    private static final int PICKS = 1 << 12;

    /** The database variant ({@link Variant#parse}). */
    @Param({"plain-64m", "aes-64m", "plain-16m", "aes-16m", "vault"})
    public String db;

    private Store store;
    private PatientRegistry registry;
    private ChartService charts;
    private String[] prefixQueries;
    private String[] twoTokenQueries;
    private String[] mrnQueries;
    private PatientId[] anyPatient;
    private PatientId[] hotPatient;

    /** Opens a fresh copy of the data set as {@link #db} and prepares the random picks. */
    @Setup(Level.Trial)
    public void open() throws Exception {
        BenchData data = BenchMain.benchData();
        if (!data.isComplete()) {
            throw new IllegalStateException("No data set: run BenchMain, which builds it before the benchmarks");
        }
        Dataset dataset = data.dataset();
        Variant variant = Variant.parse(db);
        Clock clock = Clock.systemUTC();
        Path copy = data.freshCopy(variant.encrypted());
        if (variant.vault()) {
            store = new H2Vault(copy, clock).unlock(Dataset.USER, Dataset.PASSWORD.toCharArray()).store();
        } else {
            try (DataKey key = data.unlockKey()) {
                char[] password = variant.encrypted() ? Passwords.both(key) : Passwords.userPart(key);
                store = new JdbcStore(copy, variant.encrypted(), variant.cacheSizeKib(), password, clock);
                java.util.Arrays.fill(password, '\0');
            }
        }
        Session session = new Session(new User(Dataset.USER, "Benchmark", Role.CLINICIAN, true));
        registry = new PatientRegistry(store, clock, session);
        charts = new ChartService(store, clock, session);

        SplittableRandom r = new SplittableRandom(42);
        prefixQueries = new String[PICKS];
        twoTokenQueries = new String[PICKS];
        mrnQueries = new String[PICKS];
        anyPatient = new PatientId[PICKS];
        hotPatient = new PatientId[PICKS];
        int hot = Math.min(HOT_SET, dataset.patients());
        for (int k = 0; k < PICKS; k++) {
            prefixQueries[k] = dataset.prefixQuery(r.nextInt(dataset.patients()));
            twoTokenQueries[k] = dataset.twoTokenQuery(r.nextInt(dataset.patients()));
            mrnQueries[k] = dataset.mrnPrefixQuery(r.nextInt(dataset.patients()));
            anyPatient[k] = dataset.patient(r.nextInt(dataset.patients())).id();
            hotPatient[k] = dataset.patient(r.nextInt(hot)).id();
        }
    }

    /** Closes the store. */
    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    /** A cursor over the picks, one per benchmark thread. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;
        private final SplittableRandom random = new SplittableRandom(7);

        int next() {
            next = (next + 1) & (PICKS - 1);
            return next;
        }

        SplittableRandom random() {
            return random;
        }
    }

    /** Three letters of a family name ("gar"). */
    @Benchmark
    public List<PatientSummary> searchPrefix(Cursor c) {
        return registry.search(prefixQueries[c.next()]);
    }

    /** Three letters of a family name and two of a given name ("sil ma"). */
    @Benchmark
    public List<PatientSummary> searchTwoWords(Cursor c) {
        return registry.search(twoTokenQueries[c.next()]);
    }

    /** An MRN prefix matching up to 100 patients ("MRN-00123"). */
    @Benchmark
    public List<PatientSummary> searchMrn(Cursor c) {
        return registry.search(mrnQueries[c.next()]);
    }

    /** The full chart of any of the 100,000 patients (cold pages; the worst case). */
    @Benchmark
    public Chart chartAny(Cursor c) {
        return charts.reload(anyPatient[c.next()]);
    }

    /** The full chart of one of a day's 1,000 patients (the working set a clinic session revisits). */
    @Benchmark
    public Chart chartHotSet(Cursor c) {
        return charts.reload(hotPatient[c.next()]);
    }

    /** Records one observation with its audit row in one write. */
    @Benchmark
    public List<Observation> recordObservation(Cursor c) {
        Observation o = Dataset.observation(c.random(), hotPatient[c.next()], Measure.HEART_RATE);
        return charts.record(o.patient(), Map.of(o.measure(), o.value()), Instant.now());
    }
}
