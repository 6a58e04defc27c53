package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;

/**
 * Issue 10, items 9-10 through the admin command line, as {@code shared/checks/data-safety.sh} step 6 runs
 * them: a long junk user name, typed or written into the failed-login record, never blocks the admin; a
 * wrong attempt followed at once by the right one works; repeated failures meet a delay with exit code 5.
 */
@ExtendWith(SharedClinic.class)
class SignInThrottleCliTest {
    @TempDir
    Path temp;

    private static CliHarness.Result patients(Path dir, String user, String password) {
        return run(lines(password), "patients", "--data-dir", dir.toString(), "--user", user, "--password-stdin");
    }

    @Test
    void aThreeHundredCharacterWrongUserNameDoesNotBlockTheAdminsNextSignIn(SharedClinic.Template clinic) {
        Path dir = clinic.copyTo(temp.resolve("db"));
        assertThat(patients(dir, "x".repeat(300), "nope").exitCode()).isEqualTo(ExitCode.WRONG_CREDENTIALS);
        assertThat(patients(dir, ADMIN, ADMIN_PASSWORD).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aHundredCharacterNameWrittenIntoTheRecordDoesNotBlockTheAdmin(SharedClinic.Template clinic) throws Exception {
        Path dir = clinic.copyTo(temp.resolve("db"));
        assertThat(patients(dir, ADMIN, "wrong-password").exitCode()).isEqualTo(ExitCode.WRONG_CREDENTIALS);
        Files.writeString(dir.resolve("failed-logins.log"), "2026-01-01T00:00:00Z\t" + "x".repeat(100) + "\n",
                StandardOpenOption.APPEND);
        var r = patients(dir, ADMIN, ADMIN_PASSWORD);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        List<AuditEntry> audit = CliHarness.audit(dir);
        assertThat(audit).filteredOn(e -> e.event().action() == AuditAction.FAILED_LOGINS_MOVED).last()
                .satisfies(e -> assertThat(e.event().detail()).contains("1 unreadable line in the failed-login record"));
    }

    @Test
    void repeatedFailuresExit5WithTheWaitAndNothingIsChecked(SharedClinic.Template clinic) {
        Path dir = clinic.copyTo(temp.resolve("db"));
        for (int i = 0; i < 4; i++) {
            assertThat(patients(dir, ADMIN, "guess " + i).exitCode()).isEqualTo(ExitCode.WRONG_CREDENTIALS);
        }
        Map<String, String> before = CliHarness.databaseFingerprint(dir);
        var r = patients(dir, ADMIN, ADMIN_PASSWORD); // the clock stands still: the 1 s wait has not passed
        assertThat(r.exitCode()).isEqualTo(ExitCode.TOO_MANY_ATTEMPTS);
        assertThat(r.errLine()).isEqualTo("too many failed attempts: try again in 1 s");
        assertThat(r.out()).isEmpty();
        assertThat(CliHarness.databaseFingerprint(dir)).isEqualTo(before);
    }

    @Test
    void anEchoedPathIsCappedAndStrippedOfControlCharacters() {
        Path dir = temp.resolve(("d".repeat(100) + "/").repeat(30) + "evil\u001b[2J\u0007\u202e");
        var r = patients(dir, ADMIN, ADMIN_PASSWORD);
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.errLine()).startsWith("no Outpost database in ").hasSizeLessThanOrEqualTo(400)
                .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e").contains("…");
    }

    @Test
    void anUnknownOptionValueIsNotEchoedUnbounded() {
        var r = run("", "demo", "--patients", "9".repeat(5000) + "\u001b[31m", "--user", ADMIN);
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLine()).hasSizeLessThanOrEqualTo(400).doesNotContain("\u001b");
    }
}
