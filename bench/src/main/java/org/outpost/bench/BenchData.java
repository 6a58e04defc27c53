package org.outpost.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.h2.tools.ChangeFileEncryption;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Patient;
import org.outpost.app.port.Store;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.store.H2Vault;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.KeyWrapper;

/**
 * The benchmark's cached files for one {@link Dataset}, under {@code <root>/<dataset key>/}:
 * {@code encrypted/} is a complete Outpost data directory written through {@link H2Vault} and
 * {@link Store#write}; {@code plain/outpost.mv.db} is the same file with H2's encryption removed (H2's
 * {@link ChangeFileEncryption}, so pages and layout are identical); {@code dataset.properties} records
 * how long generation took and is written last, so a half-built data set is rebuilt, not reused.
 * Each benchmark trial works on a fresh copy in {@code work/}, so writes never change the cached files.
 */
final class BenchData {
    static final String DB_FILE = "outpost.mv.db";
    private static final int BATCH_PATIENTS = 250;
    private static final int BATCH_OBSERVATIONS = 2_500;

    private final Dataset dataset;
    private final Path dir;

    BenchData(Path root, Dataset dataset) {
        this.dataset = dataset;
        this.dir = root.toAbsolutePath().normalize().resolve(dataset.key());
    }

    Dataset dataset() {
        return dataset;
    }

    Path encryptedDir() {
        return dir.resolve("encrypted");
    }

    Path plainFile() {
        return dir.resolve("plain").resolve(DB_FILE);
    }

    Path workDir() {
        return dir.resolve("work");
    }

    private Path marker() {
        return dir.resolve("dataset.properties");
    }

    boolean isComplete() {
        return Files.isRegularFile(marker());
    }

    /** What generation recorded: times in seconds and file sizes. */
    Properties info() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(marker())) {
            p.load(in);
        }
        return p;
    }

    /** Builds the data set unless a complete one is cached; progress goes to {@code log}. */
    void ensure(PrintStream log) throws IOException, SQLException, WrongCredentialsException {
        if (isComplete()) {
            log.printf("Reusing the data set in %s%n", dir);
            return;
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        log.printf("Generating %,d patients and %,d observations through H2Vault into %s%n", dataset.patients(),
                dataset.observations(), encryptedDir());
        Instant start = Instant.now();
        generateEncrypted(log);
        Duration encrypted = Duration.between(start, Instant.now());
        long written = Files.size(encryptedDir().resolve(DB_FILE));
        log.printf("Encrypted data set written in %.1f s (file %,d MiB)%n", encrypted.toMillis() / 1000.0,
                written >> 20);

        Instant compactStart = Instant.now();
        compact();
        Duration compacted = Duration.between(compactStart, Instant.now());
        log.printf("Compacted to %,d MiB in %.1f s%n", Files.size(encryptedDir().resolve(DB_FILE)) >> 20,
                compacted.toMillis() / 1000.0);

        Instant copyStart = Instant.now();
        Path plainDir = plainFile().getParent();
        Files.createDirectories(plainDir);
        Files.copy(encryptedDir().resolve(DB_FILE), plainFile());
        try (DataKey key = unlockKey()) {
            char[] filePassword = Passwords.filePart(key);
            ChangeFileEncryption.execute(plainDir.toString(), "outpost", "AES", filePassword, null, true);
        }
        Duration plain = Duration.between(copyStart, Instant.now());
        log.printf("Plain copy decrypted in %.1f s%n", plain.toMillis() / 1000.0);

        Properties p = new Properties();
        p.setProperty("patients", Integer.toString(dataset.patients()));
        p.setProperty("observations", Long.toString(dataset.observations()));
        p.setProperty("generated", start.toString());
        p.setProperty("encryptedSeconds", "%.1f".formatted(encrypted.toMillis() / 1000.0));
        p.setProperty("writtenBytes", Long.toString(written));
        p.setProperty("compactSeconds", "%.1f".formatted(compacted.toMillis() / 1000.0));
        p.setProperty("plainCopySeconds", "%.1f".formatted(plain.toMillis() / 1000.0));
        p.setProperty("encryptedBytes", Long.toString(Files.size(encryptedDir().resolve(DB_FILE))));
        p.setProperty("plainBytes", Long.toString(Files.size(plainFile())));
        try (OutputStream out = Files.newOutputStream(marker())) {
            p.store(out, "Outpost benchmark data set (synthetic)");
        }
    }

    /**
     * Patients first (each with its audit row, as registration writes them), then observations in
     * rounds: round k writes every patient's k-th observation, patients in a shuffled order. A chart's
     * observations therefore lie scattered over the table as years of visits leave them, not side by
     * side as a per-patient import would, which would flatter chart reads.
     */
    private void generateEncrypted(PrintStream log) {
        H2Vault vault = new H2Vault(encryptedDir(), Clock.systemUTC());
        try (Store store = vault.create(Dataset.USER, "Benchmark", Dataset.PASSWORD.toCharArray()).store()) {
            Progress progress = new Progress(log, dataset.patients() + dataset.observations());
            for (int from = 0; from < dataset.patients(); from += BATCH_PATIENTS) {
                int first = from;
                int to = Math.min(dataset.patients(), from + BATCH_PATIENTS);
                store.write(r -> {
                    for (int i = first; i < to; i++) {
                        Patient p = dataset.patient(i);
                        r.patients().insert(p);
                        r.audit().append(AuditEvent.about(Instant.now(), Dataset.USER, AuditAction.PATIENT_CREATED,
                                p.id(), ""));
                    }
                    return null;
                });
                progress.add(to - first);
            }
            int[] order = shuffledPatients();
            for (int round = 0; round < dataset.observationsPerPatient(); round++) {
                int k = round;
                for (int from = 0; from < order.length; from += BATCH_OBSERVATIONS) {
                    int first = from;
                    int to = Math.min(order.length, from + BATCH_OBSERVATIONS);
                    store.write(r -> {
                        for (int j = first; j < to; j++) {
                            int i = order[j];
                            r.observations().insert(dataset.observations(i, dataset.patient(i)).get(k));
                        }
                        return null;
                    });
                    progress.add(to - first);
                }
            }
        }
    }

    private int[] shuffledPatients() {
        int[] order = new int[dataset.patients()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(dataset.seed());
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Prints rows written every 15 seconds. */
    private static final class Progress {
        private final PrintStream log;
        private final long total;
        private long done;
        private Instant last = Instant.now();

        Progress(PrintStream log, long total) {
            this.log = log;
            this.total = total;
        }

        void add(long rows) {
            done += rows;
            if (Duration.between(last, Instant.now()).toSeconds() >= 15) {
                last = Instant.now();
                log.printf("  %,d of %,d rows%n", done, total);
            }
        }
    }

    /**
     * Rewrites the encrypted file compactly ({@code SHUTDOWN COMPACT}). A bulk load commits thousands of
     * transactions faster than H2's background housekeeping reclaims old chunks, leaving a file several
     * times its live size; a database filled over months of clinic use does not look like that, and a
     * bloated file would make every cache miss look worse than it is. H2 writes the compacted file
     * LZF-compressed (the store's own files are not), so in every variant a cache miss also decompresses;
     * compacting in place instead ({@code MAX_COMPACT_TIME} on close) took minutes per GiB.
     */
    private void compact() throws SQLException, WrongCredentialsException {
        try (DataKey key = unlockKey()) {
            char[] password = Passwords.both(key);
            java.util.Properties credentials = new java.util.Properties();
            credentials.put("user", "OUTPOST");
            credentials.put("password", password);
            String url = "jdbc:h2:file:" + encryptedDir().resolve("outpost") + ";CIPHER=AES"
                    + JdbcStore.COMMON_SETTINGS;
            try (java.sql.Connection c = new org.h2.Driver().connect(url, credentials);
                 java.sql.Statement st = c.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    /** Unwraps the data key with the benchmark user's password (the real PBKDF2 + AES-GCM path). */
    DataKey unlockKey() throws WrongCredentialsException {
        var slot = KeySlotFile.read(encryptedDir().resolve(KeySlotFile.NAME)).find(Dataset.USER).orElseThrow();
        return new KeyWrapper(new SecureRandom()).unwrap(slot, Dataset.PASSWORD.toCharArray());
    }

    /**
     * A fresh copy of the encrypted data directory ({@code encrypted = true}) or of the plain file in
     * {@code work/}, replacing any earlier one; returns the directory holding it.
     */
    Path freshCopy(boolean encrypted) throws IOException {
        Path work = workDir();
        deleteTree(work);
        Files.createDirectories(work);
        if (encrypted) {
            Files.copy(encryptedDir().resolve(DB_FILE), work.resolve(DB_FILE), StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(encryptedDir().resolve(KeySlotFile.NAME), work.resolve(KeySlotFile.NAME),
                    StandardCopyOption.COPY_ATTRIBUTES);
        } else {
            Files.copy(plainFile(), work.resolve(DB_FILE), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return work;
    }

    static void deleteTree(Path dir) throws IOException {
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
