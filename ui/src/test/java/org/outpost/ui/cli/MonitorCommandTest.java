package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.CLINICIAN;
import static org.outpost.ui.cli.CliHarness.CLINICIAN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;

/**
 * Issue 15: {@code admin monitor import} reads a real vendor export into a patient's series (a re-import adds
 * nothing; a malformed file names its line and changes nothing) and {@code admin monitor flags} prints the flags the
 * detectors raised as JSON lines.
 */
@ExtendWith(SharedClinic.class)
class MonitorCommandTest {
    private static final Path SHARED = Files.exists(Path.of("../shared/data/timeseries"))
            ? Path.of("../shared/data/timeseries") : Path.of("../../shared/data/timeseries");

    @TempDir
    Path temp;

    private Path dir;

    @BeforeEach
    void copyClinic(SharedClinic.Template clinic) {
        dir = clinic.copyTo(temp.resolve("db"));
    }

    private CliHarness.Result monitor(String... args) {
        List<String> all = new ArrayList<>(List.of("monitor"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-dir", dir.toString(), "--user", CLINICIAN, "--password-stdin"));
        return run(lines(CLINICIAN_PASSWORD), all.toArray(String[]::new));
    }

    @Test
    void theRealDexcomExportImportsOnceAndAReimportAddsNothing() {
        Path dexcom = SHARED.resolve("dexcom_g6_cgmquantify_test_file.csv");
        var first = monitor("import", "--mrn", "OP-000010", "--file", dexcom.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("dexcom file:").containsPattern("glucose: \\d{4} new, 0 already stored");
        var again = monitor("import", "--mrn", "OP-000010", "--file", dexcom.toString(), "--format", "dexcom");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).containsPattern("glucose: 0 new, \\d{4} already stored").contains("0 new flags");
        // the export's header rows name the patient: nothing of them reaches the output or the audit log
        assertThat(first.out() + first.err()).doesNotContain("Schmoe");
        List<AuditEntry> imports = CliHarness.audit(dir).stream()
                .filter(e -> e.event().action() == AuditAction.MONITORING_IMPORTED).toList();
        assertThat(imports).hasSize(2);
        assertThat(imports.getLast().event().detail()).matches("dexcom GLUCOSE 0 new \\d+ duplicate");
    }

    @Test
    void aMalformedFileNamesItsLineAndChangesNothing() throws IOException {
        Path bad = temp.resolve("typo.csv");
        Files.writeString(bad, "timestamp,measure,value,unit\n2025-06-01T08:00:00Z,heart-rate,72,/min\n"
                + "2025-06-01T08:01:00Z,heart-rate,7500,/min\n");
        var r = monitor("import", "--mrn", "OP-000010", "--file", bad.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("3").contains("7500");
        var flags = monitor("flags", "--mrn", "OP-000010");
        assertThat(flags.out()).isEmpty();
        assertThat(CliHarness.audit(dir)).noneMatch(e -> e.event().action() == AuditAction.MONITORING_IMPORTED);
    }

    @Test
    void flagsOfTheDemoWearablePatientAreJsonLines() throws IOException {
        var r = monitor("flags", "--mrn", "OP-000001");
        assertThat(r.exitCode()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> flags = new ArrayList<>();
        for (String line : r.outLines()) {
            flags.add(json.readTree(line));
        }
        // demo patient 1's resting heart rate is raised for the last three days (DemoMonitoring)
        assertThat(flags).anySatisfy(f -> {
            assertThat(f.get("measure").asText()).isEqualTo("heart-rate");
            assertThat(f.get("direction").asText()).isEqualTo("ABOVE");
            assertThat(f.get("observed").asDouble()).isGreaterThan(f.get("baseline").asDouble());
            assertThat(f.has("outcome")).isFalse();
        });
    }

    @Test
    void anUnknownMrnOrFormatIsRefused() {
        Path dexcom = SHARED.resolve("dexcom_g6_cgmquantify_test_file.csv");
        assertThat(monitor("import", "--mrn", "OP-999999", "--file", dexcom.toString()).err()).contains("no patient");
        var r = run(lines(ADMIN_PASSWORD), "monitor", "import", "--mrn", "OP-000010", "--file", dexcom.toString(),
                "--format", "garmin", "--data-dir", dir.toString(), "--user", ADMIN, "--password-stdin");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("unknown --format");
    }
}
