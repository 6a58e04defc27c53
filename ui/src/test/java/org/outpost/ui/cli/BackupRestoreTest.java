package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
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
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.outLines().getFirst()).startsWith("restored " + dir + " from " + backup + " (made ");
        assertThat(r.outLines()).anyMatch(l -> l.startsWith("kept the replaced databases (newest first): outpost.mv.db"
                + ".before-restore-"));
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
    void aClinicianMayNeitherBackUpNorRestore() {
        var b = run(lines(CLINICIAN_PASSWORD), "backup", "--data-dir", dir.toString(), "--user", CLINICIAN,
                "--password-stdin", "--to", backup.toString());
        assertThat(b.exitCode()).isEqualTo(1);
        assertThat(b.errLine()).isEqualTo("Only an administrator may make a backup");
        assertThat(backup).doesNotExist();

        assertThat(backup(ADMIN_PASSWORD).exitCode()).isZero();
        var r = restore(CLINICIAN, CLINICIAN_PASSWORD);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("Only an enabled administrator of this installation may restore a backup");
        assertThat(CliHarness.audit(dir)).anyMatch(e -> e.event().action() == AuditAction.RESTORE_REFUSED
                && e.event().username().equals(CLINICIAN));
    }

    @Test
    void aUserDisabledTodayCanNeitherRestoreNorSignInToTheRestoredData() {
        assertThat(backup(ADMIN_PASSWORD).exitCode()).isZero();
        assertThat(run(lines(ADMIN_PASSWORD), "user", "disable", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin", "--name", CLINICIAN).exitCode()).isZero();
        Map<String, String> before = CliHarness.databaseFingerprint(dir);

        assertThat(restore(CLINICIAN, CLINICIAN_PASSWORD).exitCode()).isEqualTo(3);
        assertThat(CliHarness.databaseFingerprint(dir)).isEqualTo(before);
        assertThat(restore(ADMIN, ADMIN_PASSWORD).exitCode()).isZero();

        var signIn = run(lines(CLINICIAN_PASSWORD), "patients", "--data-dir", dir.toString(), "--user", CLINICIAN,
                "--password-stdin");
        assertThat(signIn.exitCode()).isEqualTo(3);
        assertThat(run(lines(ADMIN_PASSWORD), "verify-audit", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin").exitCode()).isZero();
    }

    @Test
    void onlyTheLastThreeReplacedDatabasesAreKeptAndRestoreSaysWhich() throws Exception {
        assertThat(backup(ADMIN_PASSWORD).exitCode()).isZero();
        CliHarness.Result last = null;
        for (int i = 0; i < 4; i++) {
            last = restore(ADMIN, ADMIN_PASSWORD);
            assertThat(last.exitCode()).as(last.err()).isZero();
        }
        assertThat(last.outLines()).anyMatch(l -> l.startsWith("removed older replaced copies: "));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("outpost.mv.db.before-restore-"))).hasSize(3);
        }
    }

    @Test
    void anOlderDatabaseFileCopiedBackIsReportedAsRolledBack() throws Exception {
        Path older = temp.resolve("older.mv.db");
        Files.copy(dir.resolve("outpost.mv.db"), older);
        addDemoPatients(3);
        patients();
        Files.copy(older, dir.resolve("outpost.mv.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        var v = run(lines(ADMIN_PASSWORD), "verify-audit", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin");
        // refused at sign-in, before H2 writes to the older copy (the file and the anchor stay as evidence)
        assertThat(v.exitCode()).isEqualTo(ExitCode.DATABASE_DAMAGED);
        assertThat(v.errLine()).contains("replaced by an older copy");
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
