package org.outpost.ui.cli;

import org.outpost.store.TestVaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.CLOCK;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.demo.DemoDataGenerator;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Observation;
import org.outpost.app.port.Store;
import org.outpost.app.usecase.ChartService;
import org.outpost.app.usecase.Session;
import org.outpost.app.validation.MeasurementRules;
import org.outpost.store.H2Vault;

class DemoCommandTest {
    @TempDir
    Path temp;

    private static CliHarness.Result demo(Path dir, int patients, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin", "--patients", String.valueOf(patients)));
        args.addAll(List.of(extra));
        return run(lines(ADMIN_PASSWORD), args.toArray(String[]::new));
    }

    private static List<String> patients(Path dir) {
        var r = run(lines(ADMIN_PASSWORD), "patients", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin");
        assertThat(r.exitCode()).isZero();
        return r.outLines();
    }

    @Test
    void demoOnAnEmptyDirectoryCreatesTheDatabaseAndFillsIt() {
        Path dir = temp.resolve("demo");
        var r = demo(dir, 25, "--seed", "7");
        assertThat(r.exitCode()).isZero();
        assertThat(r.errLine()).isEqualTo("created an encrypted database in " + dir + " with administrator admin");
        assertThat(r.out()).matches("created 25 demo patients \\(\\d+ observations, seed 7\\): OP-000001 to OP-000025\n");
        assertThat(patients(dir)).hasSize(25);
        var actions = CliHarness.audit(dir).stream().map(e -> e.event().action()).toList();
        assertThat(actions).startsWith(AuditAction.DATABASE_CREATED, AuditAction.AUDIT_ANCHORED, AuditAction.LOGIN_OK);
        assertThat(actions.stream().filter(a -> a == AuditAction.DEMO_DATA_CREATED)).hasSize(25);
    }

    @Test
    void sameSeedGivesTheSameClinicDifferentSeedADifferentOne() {
        List<String> a = patients(ok(demo(temp.resolve("a"), 12, "--seed", "99"), temp.resolve("a")));
        List<String> b = patients(ok(demo(temp.resolve("b"), 12, "--seed", "99"), temp.resolve("b")));
        List<String> c = patients(ok(demo(temp.resolve("c"), 12, "--seed", "100"), temp.resolve("c")));
        assertThat(a).hasSize(12).isEqualTo(b);
        assertThat(c).hasSize(12).isNotEqualTo(a);
    }

    private static Path ok(CliHarness.Result r, Path dir) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return dir;
    }

    @Test
    void runningAgainAddsNewPatientsAfterTheExistingOnes() {
        Path dir = temp.resolve("demo");
        ok(demo(dir, 5), dir);
        var again = demo(dir, 5);
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).isEmpty();
        assertThat(again.out()).endsWith("OP-000006 to OP-000010\n");
        assertThat(patients(dir)).hasSize(10);
    }

    @Test
    void storedDemoChartsAreCompleteAndPassTheMeasurementRules() throws Exception {
        Path dir = temp.resolve("demo");
        ok(demo(dir, 10), dir);
        H2Vault vault = TestVaults.fast(dir, CLOCK);
        var unlocked = vault.unlock(ADMIN, ADMIN_PASSWORD.toCharArray());
        try (Store store = unlocked.store()) {
            ChartService charts = new ChartService(store, CLOCK, new Session(unlocked.user()));
            var one = store.read(r -> r.patients().findByMrn(new Mrn("OP-000001"))).orElseThrow();
            Chart chart = charts.open(one.id());
            assertThat(chart.genotypes()).extracting(Genotype::gene, Genotype::diplotype)
                    .contains(org.assertj.core.groups.Tuple.tuple("CYP2C19", "*2/*2"));
            assertThat(chart.medications()).anyMatch(m -> m.name().equals("clopidogrel")
                    && m.activeOn(LocalDate.now(CLOCK)));
            assertThat(chart.encounters()).isNotEmpty();
            // what came back from the encrypted file equals what the generator made
            var generated = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, LocalDate.now(CLOCK),
                    CLOCK.getZone(), ADMIN).patient(1);
            assertThat(chart.patient()).isEqualTo(generated.patient());
            assertThat(chart.observations()).containsExactlyInAnyOrderElementsOf(generated.observations());
            for (Observation o : chart.observations()) {
                assertThat(MeasurementRules.check(o.measure(), o.value())).isEmpty();
            }
            var warfarin = charts.open(store.read(r -> r.patients().findByMrn(new Mrn("OP-000002"))).orElseThrow().id());
            assertThat(warfarin.series(Measure.INR)).isNotEmpty();
        }
    }

    @Test
    void largeRunsReportProgressOnStandardErrorAndStayFast() {
        Path dir = temp.resolve("demo");
        long start = System.nanoTime();
        var r = demo(dir, 1000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.startsWith("demo: "))).hasSize(10)
                .contains("demo: 100 of 1000 patients written", "demo: 1000 of 1000 patients written");
        assertThat(r.out()).endsWith("OP-000001 to OP-001000\n");
        // about 60,000 observations; generous bound for slow CI machines
        assertThat(millis).as("1,000 demo patients took %d ms", millis).isLessThan(60_000);
        assertThat(patients(dir)).hasSize(1000);
    }

    @Test
    void demoRefusesAWeakPasswordForANewDatabaseAndCreatesNothing() {
        Path dir = temp.resolve("demo");
        var r = run(lines("weak"), "demo", "--data-dir", dir.toString(), "--user", ADMIN, "--password-stdin",
                "--patients", "3");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("The password needs at least 12 characters");
        assertThat(dir.resolve("outpost.mv.db")).doesNotExist();
    }

    @Test
    void demoOnAnExistingDatabaseNeedsTheRightPassword() {
        Path dir = temp.resolve("demo");
        ok(demo(dir, 2), dir);
        Map<String, String> before = CliHarness.databaseFingerprint(dir);
        var r = run(lines("wrong password here"), "demo", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin", "--patients", "3");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("wrong user name or password\n");
        assertThat(CliHarness.databaseFingerprint(dir)).isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorMayAddDemoPatients() {
        Path dir = temp.resolve("demo");
        ok(demo(dir, 2), dir);
        assertThat(run(lines(ADMIN_PASSWORD, CliHarness.CLINICIAN_PASSWORD), "user", "add", "--data-dir",
                dir.toString(), "--user", ADMIN, "--password-stdin", "--name", CliHarness.CLINICIAN, "--role",
                "clinician").exitCode()).isZero();
        var r = run(lines(CliHarness.CLINICIAN_PASSWORD), "demo", "--data-dir", dir.toString(), "--user",
                CliHarness.CLINICIAN, "--password-stdin", "--patients", "3");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("Your role (clinician) may not manage user accounts (or run the administrator's checks and tools).");
        assertThat(patients(dir)).hasSize(2);
    }

    @Test
    void patientCountOutOfRangeIsRefused() {
        var zero = demo(temp.resolve("demo"), 0);
        assertThat(zero.exitCode()).isEqualTo(1);
        assertThat(zero.errLine()).isEqualTo("--patients must be between 1 and 100000");
        assertThat(temp.resolve("demo").resolve("outpost.mv.db")).doesNotExist();

        var notANumber = run(lines(ADMIN_PASSWORD), "demo", "--data-dir", temp.toString(), "--user", ADMIN,
                "--password-stdin", "--patients", "many");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).hasLineCount(1).contains("--patients");
    }

    @Test
    void helpSaysThatDemoCreatesTheDatabase() {
        var r = run("", "demo", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("If the data directory has no database yet, one is created")
                .contains("--seed").contains("--password-stdin");
    }
}
