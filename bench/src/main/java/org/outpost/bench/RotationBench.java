package org.outpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.outpost.app.domain.Role;
import org.outpost.app.port.KeyRotationReport;
import org.outpost.app.port.Store;
import org.outpost.store.H2Vault;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.KeyWrapper;

/**
 * Times {@code H2Vault.rotateKey} (copy, re-encrypt with H2's ChangeFileEncryption, rekey the SQL user,
 * reseal every enabled user, switch) on a synthetic data set of {@code patients} patients with
 * {@code observationsPerPatient} observations each, at the production PBKDF2 cost. The data set is built once
 * by {@link BenchData} (cached like the JMH data sets) and copied for each run.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.outpost.bench.RotationBench [patients] [obsPerPatient]
 * [copies]}. Building a data set through the store is slow on a loaded machine (10,000 patients with 10
 * observations each took 8 minutes on 2 shared cores), so {@code copies} &gt; 1 multiplies the data set in SQL
 * instead: every patient with their observations, allergies, name tokens and name prefixes is copied with
 * new ids and an MRN suffix (audit rows are not), giving a file of the size {@code patients × copies}
 * patients make.
 */
public final class RotationBench {
    private RotationBench() {
    }

    public static void main(String[] args) throws Exception {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int observations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int copies = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path root = Path.of(System.getProperty("outpost.bench.dir", "bench/target/bench-data"));
        BenchData data = new BenchData(root, new Dataset(patients, observations, Dataset.budget().seed()));
        data.ensure(System.out);
        Path work = root.resolve("rotation-work");
        BenchData.deleteTree(work);
        Files.createDirectories(work);
        for (Path f : Files.list(data.encryptedDir()).filter(Files::isRegularFile).toList()) {
            Files.copy(f, work.resolve(f.getFileName()));
        }
        if (copies > 1) {
            Instant t0 = Instant.now();
            multiply(work, copies);
            System.out.printf("Multiplied to %,d patients in SQL in %.1f s (%,d MiB)%n", (long) patients * copies,
                    Duration.between(t0, Instant.now()).toMillis() / 1000.0,
                    Files.size(work.resolve(BenchData.DB_FILE)) >> 20);
        }
        H2Vault vault = new H2Vault(work, Clock.systemUTC());
        try (Store store = vault.unlock(Dataset.USER, Dataset.PASSWORD.toCharArray()).store()) {
            store.accounts().add(Dataset.USER, "clinician.one", "One", Role.CLINICIAN, "synthetic clinician one".toCharArray());
            store.accounts().add(Dataset.USER, "pharmacist.two", "Two", Role.PHARMACIST, "synthetic pharmacist two".toCharArray());
        }
        long before = Files.size(work.resolve(BenchData.DB_FILE));
        System.out.printf("Rotating the data key of %,d patients / %,d observations (%,d MiB file)%n",
                (long) patients * copies, (long) patients * observations * copies, before >> 20);
        for (int run = 1; run <= 2; run++) {
            KeyRotationReport r = vault.rotateKey(Dataset.USER, Dataset.PASSWORD.toCharArray());
            System.out.printf("run %d: generation %d, %d users resealed, %,d MiB, %.1f s%n", run, r.generation(),
                    r.usersResealed(), r.databaseBytes() >> 20, r.took().toMillis() / 1000.0);
        }
        Instant t = Instant.now();
        vault.unlock("clinician.one", "synthetic clinician one".toCharArray()).store().close();
        System.out.printf("clinician signs in afterwards: %.1f s%n", Duration.between(t, Instant.now()).toMillis() / 1000.0);
        deleteQuietly(work);
    }

    /** Copies every patient and their rows {@code copies - 1} times, then compacts the file. */
    private static void multiply(Path work, int copies) throws Exception {
        var slot = KeySlotFile.read(work.resolve(KeySlotFile.NAME)).find(Dataset.USER).orElseThrow();
        try (DataKey key = new KeyWrapper(new SecureRandom()).unwrap(slot, Dataset.PASSWORD.toCharArray())) {
            Properties credentials = new Properties();
            credentials.put("user", "OUTPOST");
            credentials.put("password", new String(Passwords.both(key)));
            String url = "jdbc:h2:file:" + work.toAbsolutePath().resolve("outpost") + ";CIPHER=AES;IFEXISTS=TRUE";
            try (Connection c = new org.h2.Driver().connect(url, credentials); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE bench_map (old_id UUID PRIMARY KEY, new_id UUID NOT NULL)");
                st.execute("INSERT INTO bench_map SELECT id, RANDOM_UUID() FROM patients");
                List<String> children = List.of("OBSERVATIONS", "ALLERGIES", "ALLERGY_STATUS", "ALLERGY_ENTRIES",
                        "PATIENT_NAME_TOKENS", "PATIENT_NAME_PREFIXES");
                for (int k = 1; k < copies; k++) {
                    st.execute("UPDATE bench_map SET new_id = RANDOM_UUID()");
                    st.execute(copySql(c, "PATIENTS", "id", k));
                    for (String table : children) {
                        st.execute(copySql(c, table, "patient_id", k));
                    }
                    System.out.printf("  copy %d of %d written%n", k + 1, copies);
                }
                st.execute("DROP TABLE bench_map");
                st.execute("SHUTDOWN COMPACT");
            }
        }
    }

    private static String copySql(Connection c, String table, String join, int k) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = 'PUBLIC' AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String col = rs.getString(1);
                    columns.add(col);
                    values.add(switch (col) {
                        case "PATIENT_ID" -> "m.new_id";
                        case "ID" -> table.equals("PATIENTS") ? "m.new_id" : "RANDOM_UUID()";
                        case "MRN" -> "t.mrn || '-" + k + "'";
                        default -> "t." + col;
                    });
                }
            }
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                + " FROM " + table + " t JOIN bench_map m ON t." + join + " = m.old_id";
    }

    private static void deleteQuietly(Path dir) {
        try {
            BenchData.deleteTree(dir);
        } catch (IOException e) {
            System.err.println("could not remove " + dir);
        }
    }
}
