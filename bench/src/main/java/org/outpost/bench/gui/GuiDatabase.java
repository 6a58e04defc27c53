package org.outpost.bench.gui;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Role;
import org.outpost.app.port.Store;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.bench.Dataset;
import org.outpost.store.H2Vault;
import org.outpost.store.jdbc.BulkLoad;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlot;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.KeyWrapper;

/**
 * The GUI bench's database: a complete Outpost data directory the desktop app and {@code outpost admin} open as
 * they open any (sign-in through {@link H2Vault#unlock}, schema current, rows sealed, audit chain anchored), holding
 * {@link Dataset}'s synthetic clinic — the same names and MRNs as the JMH data set, ten observations each, one in
 * ten patients allergic to penicillin, every patient consenting to de-identified summaries (so each has an outbox
 * entry) — and two accounts: {@link #USER}, a clinician, and {@link #ADMIN}, an administrator, both with
 * {@link #PASSWORD}.
 *
 * <p>Written through the store's own write path ({@code Store.write}) with {@link BulkLoad}: patients, their audit
 * rows ({@code PATIENT_CREATED}) and their observations, {@value #PATIENTS_PER_TRANSACTION} patients per transaction.
 * A chart's observations still lie scattered across the table as years of visits leave them: the table is keyed by
 * random UUIDs, so each row's place in H2's tree (and, once compacted, in the file) follows its key, not the order
 * it was written in; only the {@code (patient_id, effective_at)} index keeps a chart together, as it does in use.
 * Closing the store compacts the file when most of it is dead space, as it does after any bulk change.
 *
 * <p>{@link #ensure} keeps one directory per generator version, schema version and size under the cache root and
 * builds a missing one in a temporary directory beside it, renamed into place only when complete, so a killed
 * build is never reused. One builder per cache root at a time: a new build removes what earlier killed ones left.
 * The directory is the live data directory: whoever signs in to it writes to it (login audit rows), so a benchmark
 * that must start from the same bytes every time copies it first.
 */
public final class GuiDatabase {
    /** The clinician account the GUI bench signs in with (a synthetic account, not a secret). */
    public static final String USER = Dataset.USER;
    /** The password of {@link #USER} and {@link #ADMIN}. */
    public static final String PASSWORD = Dataset.PASSWORD;
    /** An administrator account, for the admin screens and {@code outpost admin verify}. */
    public static final String ADMIN = "bench-admin";
    /** Bump when the generated content changes, so an older cached database is not reused. */
    static final int GENERATOR_VERSION = 1;
    static final int PATIENTS_PER_TRANSACTION = 5_000;
    static final int OBSERVATIONS_PER_PATIENT = 10;
    private static final String BUILDING = ".building-";
    /** H2's page cache while loading, KiB. */
    static final int LOAD_CACHE_KIB = 512 * 1024;
    /** H2's write delay while loading, ms: H2's background thread writes the pages, beside the inserting thread. */
    static final int LOAD_WRITE_DELAY_MS = 500;

    private GuiDatabase() {
    }

    /**
     * The data directory of a {@code patients}-patient database under {@code cacheRoot}, built first unless one
     * for this generator, schema and size is there; progress and timings go to {@code log}.
     */
    public static Path ensure(Path cacheRoot, int patients, PrintStream log) {
        if (patients <= 0) {
            throw new IllegalArgumentException("The number of patients must be positive, not " + patients);
        }
        Dataset dataset = dataset(patients);
        String key = key(dataset);
        Path root = cacheRoot.toAbsolutePath().normalize();
        Path target = root.resolve(key);
        if (Files.isRegularFile(target.resolve("outpost.mv.db")) && Files.isRegularFile(target.resolve("keys.properties"))) {
            log.printf("Reusing the GUI bench database %s%n", target);
            return target;
        }
        try {
            Files.createDirectories(root);
            removeLeftovers(root, key);
            Path building = Files.createTempDirectory(root, key + BUILDING);
            Path data = building.resolve("data");
            Instant start = Instant.now();
            log.printf("Building the GUI bench database (%,d patients, %,d observations) in %s%n", patients,
                    (long) patients * OBSERVATIONS_PER_PATIENT, building);
            build(dataset, data, log);
            Duration took = Duration.between(start, Instant.now());
            Properties info = new Properties();
            info.setProperty("patients", Integer.toString(patients));
            info.setProperty("observations", Long.toString((long) patients * OBSERVATIONS_PER_PATIENT));
            info.setProperty("schema", schemaVersion());
            info.setProperty("built", start.toString());
            info.setProperty("buildSeconds", "%.1f".formatted(took.toMillis() / 1000.0));
            info.setProperty("fileBytes", Long.toString(Files.size(data.resolve("outpost.mv.db"))));
            try (OutputStream out = Files.newOutputStream(building.resolve("info.properties"))) {
                info.store(out, "Outpost GUI bench database (synthetic)");
            }
            try {
                Files.move(data, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("Cannot rename the finished database into place atomically", e);
            }
            Files.move(building.resolve("info.properties"), root.resolve(key + ".properties"),
                    StandardCopyOption.REPLACE_EXISTING);
            deleteTree(building);
            log.printf("Built in %.1f s: %s (file %,d MiB)%n", took.toMillis() / 1000.0, target,
                    Files.size(target.resolve("outpost.mv.db")) >> 20);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --patients N --dir DIR}: builds (or finds) the database and prints its directory and the time taken. */
    public static void main(String[] args) {
        int patients = Dataset.budget().patients();
        Path dir = Path.of("bench", "target", "gui-data");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--patients" -> patients = Integer.parseInt(value(args, ++i, "--patients"));
                case "--dir" -> dir = Path.of(value(args, ++i, "--dir"));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + " (use --patients N --dir DIR)");
            }
        }
        long start = System.nanoTime();
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Path data = ensure(dir, patients, err);
        System.out.println(data);
        System.out.printf("%.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    /** The synthetic clinic of {@code patients}: the JMH data set's seed, so the same names and MRNs. */
    static Dataset dataset(int patients) {
        return new Dataset(patients, OBSERVATIONS_PER_PATIENT, Dataset.budget().seed());
    }

    /** The cache key: generator version, the schema this build migrates to, patients, observations, seed. */
    static String key(Dataset dataset) {
        return "gui-g%d-v%s-p%d-o%d-s%d".formatted(GENERATOR_VERSION, schemaVersion(), dataset.patients(),
                dataset.observationsPerPatient(), dataset.seed());
    }

    /**
     * The newest schema version this build's migrations reach (Flyway's view of {@code classpath:db/migration},
     * read against an empty in-memory database).
     */
    static String schemaVersion() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:outpost-gui-bench-schema");
        String newest = null;
        for (MigrationInfo m : Flyway.configure(GuiDatabase.class.getClassLoader()).dataSource(empty)
                .locations("classpath:db/migration").failOnMissingLocations(true).load().info().all()) {
            if (m.getVersion() != null) {
                newest = m.getVersion().getVersion();
            }
        }
        if (newest == null) {
            throw new IllegalStateException("No schema migrations on the class path");
        }
        return newest;
    }

    private static void build(Dataset dataset, Path data, PrintStream log) {
        H2Vault vault = new H2Vault(data, Clock.systemUTC());
        Instant start = Instant.now();
        try (Store store = vault.create(ADMIN, "Benchmark administrator", PASSWORD.toCharArray()).store()) {
            store.accounts().add(ADMIN, USER, "Benchmark clinician", Role.CLINICIAN, PASSWORD.toCharArray());
            log.printf("  created, accounts added: %.1f s%n", seconds(start));
            try (Tuning tuning = Tuning.forBulkLoad(data)) {
                List<String> dropped = tuning.dropSecondaryIndexes();
                log.printf("  %d secondary indexes dropped for the load%n", dropped.size());
                writePatients(store, dataset, log, start);
                tuning.createIndexes(dropped);
                log.printf("  indexes re-created: %.1f s%n", seconds(start));
            }
            log.printf("  %,d patients, %,d observations: %.1f s%n", dataset.patients(),
                    (long) dataset.patients() * dataset.observationsPerPatient(), seconds(start));
        }
        log.printf("  closed (compacted if worth it): %.1f s%n", seconds(start));
    }

    /**
     * H2 settings for the load, on a second session of the open database (a setting is database-wide; changing it
     * in the store's own write transaction would commit that transaction): a page cache of
     * {@value #LOAD_CACHE_KIB} KiB instead of the store's 64 MiB, which the growing indexes outgrow after ~20,000
     * patients, so every insert then reads and decrypts index pages back; and no retention of old chunks, which
     * otherwise bloat the file to many GiB before closing compacts it. Both are put back as found before the store
     * closes, so the database opens later with the store's own settings.
     */
    static final class Tuning implements AutoCloseable {
        private final Connection session;
        private final String cacheKib;
        private final String retention;
        private final String writeDelay;

        private Tuning(Connection session, String cacheKib, String retention, String writeDelay) {
            this.session = session;
            this.cacheKib = cacheKib;
            this.retention = retention;
            this.writeDelay = writeDelay;
        }

        /** A plain H2 session of the database in {@code data}, opened with the bench administrator's key. */
        static Connection session(Path data) throws SQLException, WrongCredentialsException {
            KeySlot slot = KeySlotFile.read(data.resolve(KeySlotFile.NAME)).find(ADMIN).orElseThrow();
            Properties credentials = new Properties();
            credentials.put("user", "OUTPOST");
            try (DataKey key = new KeyWrapper(new SecureRandom()).unwrap(slot, PASSWORD.toCharArray())) {
                credentials.put("password", key.h2Password());
            }
            return new org.h2.Driver().connect("jdbc:h2:file:" + data.resolve("outpost")
                    + ";CIPHER=AES;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0", credentials);
        }

        /** The statements that create the database's indexes, as H2 scripts them. */
        static List<String> indexDefinitions(Connection c) throws SQLException {
            List<String> creates = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
                while (rs.next()) {
                    if (rs.getString(1).startsWith("CREATE INDEX ")) {
                        creates.add(rs.getString(1));
                    }
                }
            }
            return creates;
        }

        static Tuning forBulkLoad(Path data) {
            try {
                Connection c = session(data);
                Tuning t = new Tuning(c, setting(c, "CACHE_SIZE"), setting(c, "RETENTION_TIME"),
                        setting(c, "WRITE_DELAY"));
                try (Statement st = c.createStatement()) {
                    st.execute("SET CACHE_SIZE " + LOAD_CACHE_KIB);
                    st.execute("SET RETENTION_TIME 0");
                    st.execute("SET WRITE_DELAY " + LOAD_WRITE_DELAY_MS);
                }
                return t;
            } catch (SQLException | WrongCredentialsException e) {
                throw new IllegalStateException("Cannot tune the database for the load", e);
            }
        }

        /**
         * Drops every index that belongs to no constraint (the search tables' wide indexes, the observations' and
         * encounters' per-patient indexes, the audit log's...), returning the statements that create them exactly as
         * they were: H2's own {@code SCRIPT} of the schema. Inserting a million rows into random-key B-trees and
         * keeping them all cached is most of the load's time; H2 builds an index over rows already there by sorting.
         * Primary keys, unique and foreign-key constraints stay: the load's own statements read through them.
         */
        List<String> dropSecondaryIndexes() {
            try (Statement st = session.createStatement()) {
                List<String> creates = indexDefinitions(session);
                List<String> dropped = new ArrayList<>();
                for (String create : creates) {
                    String name = create.substring("CREATE INDEX ".length(), create.indexOf(" ON "));
                    try {
                        st.execute("DROP INDEX " + name);
                        dropped.add(create);
                    } catch (SQLException e) {
                        if (e.getErrorCode() != ErrorCode.INDEX_BELONGS_TO_CONSTRAINT_2) {
                            throw e;
                        }
                    }
                }
                return dropped;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot drop the indexes for the load", e);
            }
        }

        /** Runs the statements {@link #dropSecondaryIndexes} returned. */
        void createIndexes(List<String> creates) {
            try (Statement st = session.createStatement()) {
                for (String create : creates) {
                    st.execute(create);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot re-create the indexes after the load", e);
            }
        }

        private static String setting(Connection c, String name) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("H2 has no setting " + name);
                    }
                    return Long.toString(Long.parseLong(rs.getString(1).strip()));
                }
            }
        }

        @Override
        public void close() {
            try (Connection c = session; Statement st = c.createStatement()) {
                st.execute("SET CACHE_SIZE " + cacheKib);
                st.execute("SET RETENTION_TIME " + retention);
                st.execute("SET WRITE_DELAY " + writeDelay);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot put the database's settings back", e);
            }
        }
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    /**
     * Each transaction: {@value #PATIENTS_PER_TRANSACTION} patients, their audit rows and their observations. The
     * patients go in in the order of their (random) ids across the whole load, so every table keyed by the patient
     * first (patients, name prefixes and tokens, allergies, outbox) grows at its end instead of all over its tree
     * (189 → 115 s for 100,000); the observations of a transaction go in sorted by their own ids. Where a row lands in
     * the file is decided by its key either way.
     */
    private static void writePatients(Store store, Dataset dataset, PrintStream log, Instant start) {
        Instant lastLog = Instant.now();
        Patient[] all = new Patient[dataset.patients()];
        Integer[] order = new Integer[all.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = dataset.patient(i);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> all[i].id().value()));
        for (int from = 0; from < dataset.patients(); from += PATIENTS_PER_TRANSACTION) {
            int to = Math.min(dataset.patients(), from + PATIENTS_PER_TRANSACTION);
            List<Patient> batch = new ArrayList<>(to - from);
            List<Observation> observations = new ArrayList<>((to - from) * dataset.observationsPerPatient());
            for (int k = from; k < to; k++) {
                int i = order[k];
                Patient p = all[i];
                batch.add(p);
                observations.addAll(dataset.observations(i, p));
            }
            observations.sort(Comparator.comparing(Observation::id));
            store.write(r -> {
                BulkLoad load = BulkLoad.in(r);
                load.patients(batch);
                Instant now = Instant.now();
                load.audit(batch.stream().map(p -> AuditEvent.about(now, ADMIN, AuditAction.PATIENT_CREATED, p.id(), ""))
                        .toList());
                load.observations(observations);
                return null;
            });
            if (Duration.between(lastLog, Instant.now()).toSeconds() >= 15) {
                lastLog = Instant.now();
                log.printf("  %,d of %,d patients: %.1f s%n", to, dataset.patients(), seconds(start));
            }
        }
    }

    /** Removes what killed builds of {@code key} left under {@code root}. */
    private static void removeLeftovers(Path root, String key) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, key + BUILDING + "*")) {
            for (Path p : entries) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
