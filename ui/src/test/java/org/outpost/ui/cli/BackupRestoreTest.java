package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.CLINICIAN;
import static org.outpost.ui.cli.CliHarness.CLINICIAN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;

@ExtendWith(SharedClinic.class)
class BackupRestoreTest {
    @TempDir
    Path temp;

    private Path dir;
    private Path backup;

    @BeforeEach
    void copyClinic(SharedClinic.Template clinic) {
        dir = clinic.copyTo(temp.resolve("db"));
        backup = temp.resolve("nightly.outpost-backup");
    }

    private CliHarness.Result backup(String password) {
        return run(lines(password), "backup", "--data-dir", dir.toString(), "--user", ADMIN, "--password-stdin",
                "--to", backup.toString());
    }

    private CliHarness.Result restore(String user, String password) {
        return run(lines(password), "restore", "--data-dir", dir.toString(), "--user", user, "--password-stdin",
                "--from", backup.toString());
    }

    private List<String> patients() {
        var r = run(lines(ADMIN_PASSWORD), "patients", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin");
        assertThat(r.exitCode()).isZero();
        return r.outLines();
    }

    private void addDemoPatients(int n) {
        assertThat(run(lines(ADMIN_PASSWORD), "demo", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin", "--patients", String.valueOf(n)).exitCode()).isZero();
    }

    @Test
    void backupIsEncryptedAndRestoreBringsTheDatabaseBack() throws Exception {
        List<String> original = patients();
        var b = backup(ADMIN_PASSWORD);
        assertThat(b.exitCode()).isZero();
        assertThat(b.out()).isEqualTo("wrote an encrypted backup to " + backup + "\n");
        assertThat(b.err()).isEmpty();
        String raw = new String(Files.readAllBytes(backup), StandardCharsets.ISO_8859_1);
        String someone = original.getFirst().split("\t")[1];
        assertThat(raw).doesNotContain(someone).doesNotContain("OP-0000");

        addDemoPatients(3);
        assertThat(patients()).hasSize(original.size() + 3);

        var r = restore(ADMIN, ADMIN_PASSWORD);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("restored " + dir + " from " + backup + "\n");
        assertThat(patients()).isEqualTo(original);
        var actions = CliHarness.audit(dir).stream().map(e -> e.event().action()).toList();
        assertThat(actions).contains(AuditAction.DATABASE_RESTORED);
        assertThat(actions).doesNotContain(AuditAction.BACKUP_CREATED); // recorded after the copy was taken
        // the replaced files are kept beside the restored ones
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("before-restore"));
        }
    }

    @Test
    void backupIsAudited() {
        assertThat(backup(ADMIN_PASSWORD).exitCode()).isZero();
        assertThat(CliHarness.audit(dir)).anyMatch(e -> e.event().action() == AuditAction.BACKUP_CREATED
                && e.event().username().equals(ADMIN));
    }

    @Test
    void restoreWithAWrongPasswordKeepsTheNewerDatabase() throws Exception {
        assertThat(backup(ADMIN_PASSWORD).exitCode()).isZero();
        addDemoPatients(2);
        List<String> current = patients();

        var r = restore(ADMIN, "not the password at all");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("wrong user name or password\n");
        assertThat(r.out()).isEmpty();
        assertThat(patients()).isEqualTo(current);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore"));
        }
    }

    @Test
    void restoreWithAWrongPasswordLeavesTheFilesByteForByte() {
        assertThat(backup(ADMIN_PASSWORD).exitCode()).isZero();
        Map<String, String> before = CliHarness.databaseFingerprint(dir);
        assertThat(restore(ADMIN, "not the password at all").exitCode()).isEqualTo(3);
        assertThat(restore("nobody", ADMIN_PASSWORD).exitCode()).isEqualTo(3);
        assertThat(CliHarness.databaseFingerprint(dir)).isEqualTo(before);
    }

    @Test
    void anyUserOfTheBackupMayRestoreIt() {
        assertThat(backup(ADMIN_PASSWORD).exitCode()).isZero();
        assertThat(restore(CLINICIAN, CLINICIAN_PASSWORD).exitCode()).isZero();
    }

    @Test
    void backupRefusesToOverwriteAFile() throws Exception {
        Files.writeString(backup, "keep me");
        var r = backup(ADMIN_PASSWORD);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo(backup + " already exists; choose a new file");
        assertThat(Files.readString(backup)).isEqualTo("keep me");
    }

    @Test
    void restoreFromAMissingFileIsRefused() {
        Map<String, String> before = CliHarness.databaseFingerprint(dir);
        var r = restore(ADMIN, ADMIN_PASSWORD);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("there is no backup file " + backup);
        assertThat(CliHarness.databaseFingerprint(dir)).isEqualTo(before);
    }

    @Test
    void restoreOntoAnEmptyDirectoryRebuildsTheClinic() {
        assertThat(backup(ADMIN_PASSWORD).exitCode()).isZero();
        List<String> original = patients();
        dir = temp.resolve("new-machine");
        assertThat(restore(ADMIN, ADMIN_PASSWORD).exitCode()).isZero();
        assertThat(patients()).isEqualTo(original);
    }
}
