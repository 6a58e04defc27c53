package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.CLINICIAN;
import static org.outpost.ui.cli.CliHarness.CLINICIAN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlot;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.TestKdfCost;

/** {@code admin rotate-key} and the rotation after {@code admin user disable}, on real encrypted files. */
@ExtendWith(SharedClinic.class)
class RotateKeyCommandTest {
    @TempDir
    Path temp;

    private Path dir;

    @BeforeEach
    void copyClinic(SharedClinic.Template clinic) {
        dir = clinic.copyTo(temp.resolve("db"));
    }

    @Test
    void disablingAUserRotatesTheKeySoTheirKeptKeyFileNoLongerOpensTheDatabase() throws Exception {
        Path kept = temp.resolve("kept-keys.properties");
        Files.copy(dir.resolve(KeySlotFile.NAME), kept);
        assertThat(opensWith(kept, CLINICIAN, CLINICIAN_PASSWORD)).isTrue();

        var r = run(lines(ADMIN_PASSWORD), "user", "disable", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin", "--name", CLINICIAN);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.outLines()).hasSize(2);
        assertThat(r.outLines().get(1)).startsWith("rotated the data key: generation ");
        assertThat(opensWith(kept, CLINICIAN, CLINICIAN_PASSWORD)).isFalse();
        assertThat(opensWith(kept, ADMIN, ADMIN_PASSWORD)).isFalse();
        assertThat(run(lines(ADMIN_PASSWORD), "patients", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin").exitCode()).isZero();
    }

    @Test
    void rotateKeyIsForAdministratorsAndIsAuditedWithCountsOnly() throws Exception {
        Path kept = temp.resolve("kept-keys.properties");
        Files.copy(dir.resolve(KeySlotFile.NAME), kept);
        var refused = run(lines(CLINICIAN_PASSWORD), "rotate-key", "--data-dir", dir.toString(), "--user", CLINICIAN,
                "--password-stdin");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errLine()).isEqualTo("Only an enabled administrator may rotate the data key");
        assertThat(opensWith(kept, CLINICIAN, CLINICIAN_PASSWORD)).isTrue();

        var r = run(lines(ADMIN_PASSWORD), "rotate-key", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).matches("rotated the data key: generation \\d+, 2 enabled users resealed, "
                + "[0-9.]+ MiB re-encrypted in [0-9.]+ s\n");
        assertThat(opensWith(kept, CLINICIAN, CLINICIAN_PASSWORD)).isFalse();
        assertThat(run(lines(CLINICIAN_PASSWORD), "patients", "--data-dir", dir.toString(), "--user", CLINICIAN,
                "--password-stdin").exitCode()).isZero();
        AuditEntry rotated = CliHarness.audit(dir).stream()
                .filter(e -> e.event().action() == AuditAction.KEY_ROTATED).reduce((a, b) -> b).orElseThrow();
        assertThat(rotated.event().username()).isEqualTo(ADMIN);
        assertThat(rotated.event().detail()).matches("generation=\\d+ users=2");
    }

    /** Opens outpost.mv.db with raw H2 using the data key that {@code keys}' slot gives {@code user}. */
    private boolean opensWith(Path keys, String user, String password) throws Exception {
        KeySlot slot = KeySlotFile.read(keys).find(user).orElseThrow();
        try (DataKey key = TestKdfCost.lowCostWrapper().unwrap(slot, password.toCharArray())) {
            Properties props = new Properties();
            props.put("user", "OUTPOST");
            props.put("password", new String(key.h2Password()));
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("outpost") + ";CIPHER=AES;IFEXISTS=TRUE";
            try (Connection c = new org.h2.Driver().connect(url, props)) {
                return c.isValid(1);
            } catch (SQLException e) {
                return false;
            }
        }
    }
}
