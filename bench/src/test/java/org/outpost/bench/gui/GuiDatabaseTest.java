package org.outpost.bench.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.IntegrityReport;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientQuery;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.Role;
import org.outpost.app.port.Vault;
import org.outpost.bench.Dataset;
import org.outpost.store.H2Vault;

/**
 * A small GUI bench database, opened as the desktop app opens one ({@link H2Vault#unlock} with the bench's
 * clinician): every patient is there, a search and a chart answer what the generator wrote, and the store's own
 * full integrity check and audit-chain check find nothing wrong. Built once, then reused.
 */
class GuiDatabaseTest {
    private static final int PATIENTS = 300;

    @TempDir
    Path cache;

    @Test
    void buildsOnceAndTheAppsUnlockFindsAnIntactClinic() throws Exception {
        Path killed = Files.createDirectories(cache.resolve(GuiDatabase.key(GuiDatabase.dataset(PATIENTS))
                + ".building-1234"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path dir = GuiDatabase.ensure(cache, PATIENTS, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(dir.getFileName().toString()).contains("-p300-").contains("-v" + GuiDatabase.schemaVersion() + "-");
        assertThat(killed).doesNotExist();
        assertThat(GuiDatabase.ensure(cache, PATIENTS, new PrintStream(log, true, StandardCharsets.UTF_8))).isEqualTo(dir);
        assertThat(log.toString(StandardCharsets.UTF_8)).containsOnlyOnce("Building").contains("Reusing");

        Dataset dataset = GuiDatabase.dataset(PATIENTS);
        Vault.Unlocked unlocked = new H2Vault(dir, Clock.systemUTC())
                .unlock(GuiDatabase.USER, GuiDatabase.PASSWORD.toCharArray());
        try (var store = unlocked.store()) {
            assertThat(unlocked.user().role()).isEqualTo(Role.CLINICIAN);
            long count = store.read(r -> r.patients().count());
            assertThat(count).isEqualTo(PATIENTS);

            // "gar": every patient with a name word starting so (García, Garrido, …), computed from the generator
            Set<PatientId> expected = new HashSet<>();
            IntStream.range(0, PATIENTS).mapToObj(dataset::patient).filter(p -> startsAWord(p, "gar"))
                    .forEach(p -> expected.add(p.id()));
            List<PatientSummary> found = store.read(r -> r.patients().search(PatientQuery.parse("gar"), 200));
            assertThat(expected).isNotEmpty();
            assertThat(found).extracting(PatientSummary::id).containsExactlyInAnyOrderElementsOf(expected);

            Patient someone = dataset.patient(217);
            List<Observation> chart = store.read(r -> r.observations().forPatient(someone.id()));
            assertThat(chart).hasSize(GuiDatabase.OBSERVATIONS_PER_PATIENT)
                    .containsExactlyInAnyOrderElementsOf(dataset.observations(217, someone));

            IntegrityReport report = store.verifyIntegrity();
            assertThat(report.intact()).as(report.summary()).isTrue();
            assertThat(store.verifyAudit().intact()).isTrue();
        }

        // the load dropped the secondary indexes and re-created them: exactly those the store's migrations make
        Path fresh = cache.resolve("fresh");
        new H2Vault(fresh, Clock.systemUTC()).create(GuiDatabase.ADMIN, "Fresh", GuiDatabase.PASSWORD.toCharArray())
                .store().close();
        List<String> built;
        List<String> migrated;
        try (Connection c = GuiDatabase.Tuning.session(dir)) {
            built = GuiDatabase.Tuning.indexDefinitions(c);
        }
        try (Connection c = GuiDatabase.Tuning.session(fresh)) {
            migrated = GuiDatabase.Tuning.indexDefinitions(c);
        }
        assertThat(migrated).hasSizeGreaterThan(15).anyMatch(d -> d.contains("PATIENT_NAME_PREFIXES_PREFIX"));
        assertThat(built).containsExactlyInAnyOrderElementsOf(migrated);
        assertThat(log.toString(StandardCharsets.UTF_8)).containsPattern("\\d+ secondary indexes dropped");
    }

    private static boolean startsAWord(Patient p, String prefix) {
        String name = PatientQuery.fold(p.familyName() + " " + p.givenName()).toLowerCase(Locale.ROOT);
        for (String word : name.split("[^\\p{L}\\p{N}]+")) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
