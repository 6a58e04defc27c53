package org.outpost.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.outpost.app.demo.DemoDataService;
import org.outpost.app.domain.IntegrityReport;
import org.outpost.app.port.Store;
import org.outpost.app.port.Vault;
import org.outpost.app.usecase.Session;
import org.outpost.store.H2Vault;

/**
 * Times {@code outpost admin verify}'s work ({@code Store.verifyIntegrity}) on a demo database of N patients
 * (the synthetic demo: observations, medications, genotypes, encounters per patient), written through the
 * real vault. Not JMH: one full check is seconds, so wall-clock time of a cold and a warm run is the answer.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.outpost.bench.VerifyTiming DIR PATIENTS</pre>
 *
 * DIR is reused when it already holds a database (then PATIENTS is ignored).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.outpost.bench.VerifyTiming --bench-data PATIENTS OBSERVATIONS</pre>
 *
 * times the same on a copy of the JMH data set ({@link BenchData}: PATIENTS patients with OBSERVATIONS
 * observations each, built and cached like the benchmarks' data set), the only 100,000-patient database
 * that can be built here in reasonable time.
 */
public final class VerifyTiming {
    private static final char[] PASSWORD = "verify timing password".toCharArray();

    private VerifyTiming() {
    }

    /** Makes the database look as it did right after migration V6: no row has a MAC yet. */
    private static void unseal(Path dir) throws Exception {
        var slot = org.outpost.store.keys.KeySlotFile.read(dir.resolve("keys.properties")).find("bench").orElseThrow();
        try (var key = new org.outpost.store.keys.KeyWrapper(new java.security.SecureRandom()).unwrap(slot,
                PASSWORD.clone())) {
            java.util.Properties props = new java.util.Properties();
            props.put("user", "OUTPOST");
            props.put("password", key.h2Password());
            try (var c = new org.h2.Driver().connect("jdbc:h2:file:" + dir.toAbsolutePath().resolve("outpost")
                    + ";CIPHER=AES;IFEXISTS=TRUE", props); var st = c.createStatement()) {
                for (var t : org.outpost.store.jdbc.SealedTable.values()) {
                    st.executeUpdate("UPDATE " + t.table() + " SET row_mac = NULL");
                }
                st.executeUpdate("UPDATE row_seal_state SET sealed = FALSE");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--bench-data")) {
            Path root = Path.of(System.getProperty("outpost.bench.dir", "bench/target/bench-data"));
            BenchData data = new BenchData(root, new Dataset(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Dataset.budget().seed()));
            data.ensure(System.out);
            Path work = root.resolve("verify-work");
            BenchData.deleteTree(work);
            Files.createDirectories(work);
            for (Path f : Files.list(data.encryptedDir()).filter(Files::isRegularFile).toList()) {
                Files.copy(f, work.resolve(f.getFileName()));
            }
            try {
                time(new H2Vault(work, Clock.systemUTC()), work, Dataset.USER, Dataset.PASSWORD.toCharArray());
            } finally {
                BenchData.deleteTree(work);
            }
            return;
        }
        Path dir = Path.of(args[0]);
        int patients = Integer.parseInt(args[1]);
        Clock clock = Clock.systemUTC();
        H2Vault vault = new H2Vault(dir, clock);
        if (!vault.isInitialized()) {
            long t0 = System.nanoTime();
            Vault.Unlocked u = vault.create("bench", "Bench", PASSWORD.clone());
            try (Store store = u.store()) {
                new DemoDataService(store, clock, new Session(u.user())).create(patients, 42, (done, total) -> {
                    if (done % 5_000 == 0) {
                        System.out.printf("  %,d / %,d patients%n", done, total);
                    }
                });
            }
            System.out.printf("built %,d patients in %.1f s%n", patients, (System.nanoTime() - t0) / 1e9);
        }
        if (args.length > 2 && args[2].equals("--unseal")) {
            unseal(dir);
            long t0 = System.nanoTime();
            vault.unlock("bench", PASSWORD.clone()).store().close();
            System.out.printf("unlock that seals every row (the one-time upgrade to V6): %.2f s%n",
                    (System.nanoTime() - t0) / 1e9);
        }
        time(vault, dir, "bench", PASSWORD);
    }

    private static void time(H2Vault vault, Path dir, String user, char[] password) throws Exception {
        System.out.printf("file: %,d MiB%n", Files.size(dir.resolve("outpost.mv.db")) >> 20);
        for (int run = 1; run <= 2; run++) {
            long t0 = System.nanoTime();
            Vault.Unlocked u = vault.unlock(user, password.clone());
            long t1 = System.nanoTime();
            try (Store store = u.store()) {
                IntegrityReport report = store.verifyIntegrity();
                long t2 = System.nanoTime();
                IntegrityReport again = store.verifyIntegrity();
                long t3 = System.nanoTime();
                long rows = report.tables().stream().filter(t -> !t.name().contains(" index "))
                        .mapToLong(IntegrityReport.TablePart::rows).sum();
                System.out.printf("run %d: unlock %.2f s; verify (first in this process) %.2f s, again %.2f s; "
                        + "%,d rows in %d tables and indexes; %s%n", run, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                        (t3 - t2) / 1e9, rows, report.tables().size(), again.summary());
                report.tables().forEach(t -> System.out.printf("    %-45s %,12d%n", t.name(), t.rows()));
            }
        }
    }
}
