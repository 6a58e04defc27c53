package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;

class InitCommandTest {
    @TempDir
    Path temp;

    @Test
    void initCreatesAnEncryptedDatabaseWhoseAdministratorCanLogIn() throws Exception {
        Path dir = temp.resolve("clinic");
        var init = run(lines(ADMIN_PASSWORD), "init", "--data-dir", dir.toString(), "--admin-user", ADMIN,
                "--display-name", "Dr Ada Admin", "--password-stdin");
        assertThat(init.exitCode()).isZero();
        assertThat(init.out()).isEqualTo("created an encrypted database in " + dir + " with administrator admin\n");
        assertThat(init.err()).isEmpty();
        assertThat(dir.resolve("outpost.mv.db")).exists();
        // encrypted: the administrator's name is not readable in the file
        assertThat(new String(Files.readAllBytes(dir.resolve("outpost.mv.db")), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Dr Ada Admin").doesNotContain("DATABASE_CREATED");

        var list = run(lines(ADMIN_PASSWORD), "user", "list", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin");
        assertThat(list.exitCode()).isZero();
        assertThat(list.outLines()).containsExactly("admin\tadmin\tenabled\tDr Ada Admin");
        assertThat(CliHarness.audit(dir)).extracting(e -> e.event().action())
                .startsWith(AuditAction.DATABASE_CREATED, AuditAction.AUDIT_ANCHORED, AuditAction.LOGIN_OK, AuditAction.LOGIN_OK,
                        AuditAction.USERS_LISTED);
    }

    @Test
    void initRefusesWhenTheDirectoryAlreadyHoldsADatabase() {
        Path dir = temp.resolve("clinic");
        assertThat(run(lines(ADMIN_PASSWORD), "init", "--data-dir", dir.toString(), "--admin-user", ADMIN,
                "--password-stdin").exitCode()).isZero();
        Map<String, String> before = CliHarness.fingerprint(dir);

        var again = run(lines("another good password"), "init", "--data-dir", dir.toString(), "--admin-user",
                "other", "--password-stdin");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errLine()).isEqualTo("a database already exists in " + dir + "; nothing was changed");
        assertThat(again.out()).isEmpty();
        assertThat(CliHarness.fingerprint(dir)).isEqualTo(before);
    }

    @Test
    void initRefusesAWeakPasswordWithThePolicyMessageAndCreatesNothing() {
        Path dir = temp.resolve("clinic");
        var weak = run(lines("short"), "init", "--data-dir", dir.toString(), "--admin-user", ADMIN,
                "--password-stdin");
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.errLine()).isEqualTo("The password needs at least 12 characters");
        assertThat(dir.resolve("outpost.mv.db")).doesNotExist();

        var withName = run(lines("admin-admin-admin"), "init", "--data-dir", dir.toString(), "--admin-user", ADMIN,
                "--password-stdin");
        assertThat(withName.exitCode()).isEqualTo(1);
        assertThat(withName.errLine()).isEqualTo("The password must not contain the user name");
    }

    @Test
    void initRejectsAnInvalidUserNameInOneLine() {
        var bad = run(lines(ADMIN_PASSWORD), "init", "--data-dir", temp.resolve("c").toString(), "--admin-user",
                "Dr Who!", "--password-stdin");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith("A user name has 2 to 32 characters").hasLineCount(1);
    }

    @Test
    void initWithoutPasswordOnStdinOrATerminalIsAUsageError() {
        var r = run("", "init", "--data-dir", temp.resolve("c").toString(), "--admin-user", ADMIN);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).contains("--password-stdin");
        assertThat(temp.resolve("c").resolve("outpost.mv.db")).doesNotExist();
    }

    @Test
    void emptyStandardInputIsReportedNotHung() {
        var r = run("", "init", "--data-dir", temp.resolve("c").toString(), "--admin-user", ADMIN, "--password-stdin");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("standard input has no line 1 (password for the new administrator admin)");
    }

    @Test
    void dataDirectoryComesFromTheEnvironmentWhenNotGiven() {
        Path dir = temp.resolve("from-env");
        var r = run(Map.of("OUTPOST_DATA_DIR", dir.toString()), lines(ADMIN_PASSWORD), "init", "--admin-user", ADMIN,
                "--password-stdin");
        assertThat(r.exitCode()).isZero();
        assertThat(dir.resolve("outpost.mv.db")).exists();
    }

    @Test
    void missingRequiredOptionIsAOneLineUsageError() {
        var r = run("", "init", "--data-dir", temp.toString(), "--password-stdin");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("Missing required option: '--admin-user=NAME' (see 'outpost admin init --help')");
    }

    @Test
    void auditEntriesNeverNamePatients() {
        // sanity for the helper used across the CLI tests: entries carry user names and actions only
        Path dir = temp.resolve("clinic");
        run(lines(ADMIN_PASSWORD), "init", "--data-dir", dir.toString(), "--admin-user", ADMIN, "--password-stdin");
        assertThat(CliHarness.audit(dir)).extracting(AuditEntry::event).allMatch(e -> e.username().equals(ADMIN));
    }
}
