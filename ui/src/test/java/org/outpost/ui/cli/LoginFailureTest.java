package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outpost.app.domain.AuditAction;

/** Every command that opens the database fails the same way on bad credentials: exit 3, one fixed line. */
@ExtendWith(SharedClinic.class)
class LoginFailureTest {
    private static final String MESSAGE = "wrong user name or password\n";

    @TempDir
    Path temp;

    /** Each command, with its arguments after the login options. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(List.of("patients")),
                Arguments.of(List.of("patients", "--search", "smith")),
                Arguments.of(List.of("user", "list")),
                Arguments.of(List.of("user", "add", "--name", "new.person", "--role", "clinician")),
                Arguments.of(List.of("user", "disable", "--name", "nurse.kim")),
                Arguments.of(List.of("user", "passwd", "--name", "nurse.kim")),
                Arguments.of(List.of("rotate-key")),
                Arguments.of(List.of("verify-audit")),
                Arguments.of(List.of("verify")),
                Arguments.of(List.of("demo", "--patients", "3")),
                Arguments.of(List.of("backup", "--to", "BACKUP")));
    }

    private String[] args(List<String> command, Path dir, String user) {
        Stream<String> head = command.stream().takeWhile(a -> !a.startsWith("--"));
        Stream<String> tail = command.stream().dropWhile(a -> !a.startsWith("--"))
                .map(a -> a.equals("BACKUP") ? temp.resolve("backup.outpost").toString() : a);
        return Stream.of(head, Stream.of("--data-dir", dir.toString(), "--user", user, "--password-stdin"), tail)
                .flatMap(s -> s).toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void wrongPasswordExits3WithTheFixedMessageAndLeavesTheDatabaseUntouched(List<String> command,
                                                                           SharedClinic.Template clinic) {
        Path dir = clinic.copyTo(temp.resolve("db"));
        Map<String, String> before = CliHarness.databaseFingerprint(dir);

        var r = run(lines("not the right password", "another good password"), args(command, dir, ADMIN));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo(MESSAGE);
        assertThat(r.out()).isEmpty();
        assertThat(CliHarness.databaseFingerprint(dir)).isEqualTo(before);
        assertThat(temp.resolve("backup.outpost")).doesNotExist();
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword(SharedClinic.Template clinic) {
        Path dir = clinic.copyTo(temp.resolve("db"));
        var r = run(lines(ADMIN_PASSWORD), args(List.of("patients"), dir, "nobody"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo(MESSAGE);
    }

    @Test
    void disabledUserCannotLogInEvenWithTheirOldPassword(SharedClinic.Template clinic) {
        Path dir = clinic.copyTo(temp.resolve("db"));
        var r = run(lines(Clinic.LOCUM_PASSWORD), args(List.of("patients"), dir, Clinic.LOCUM));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo(MESSAGE);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void failedLoginsReachTheAuditLogAtTheNextSuccessfulLogin(SharedClinic.Template clinic) {
        Path dir = clinic.copyTo(temp.resolve("db"));
        run(lines("guess number one"), args(List.of("patients"), dir, ADMIN));
        var audit = CliHarness.audit(dir);
        assertThat(audit.getLast().event().action()).isEqualTo(AuditAction.LOGIN_OK);
        // LOGIN_FAILED, the summary of the failed-login record that carried it, then this sign-in
        assertThat(audit.get(audit.size() - 2).event().action()).isEqualTo(AuditAction.FAILED_LOGINS_MOVED);
        assertThat(audit.get(audit.size() - 3).event().action()).isEqualTo(AuditAction.LOGIN_FAILED);
    }

    @Test
    void aUserNameThatCannotExistIsAlsoJustWrongCredentials(SharedClinic.Template clinic) {
        Path dir = clinic.copyTo(temp.resolve("db"));
        var r = run(lines(ADMIN_PASSWORD), args(List.of("user", "list"), dir, "NOT A NAME!"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo(MESSAGE);
    }

    @Test
    void aDirectoryWithoutDatabaseIsNamedInOneLine() {
        var r = run(lines(ADMIN_PASSWORD), args(List.of("patients"), temp.resolve("empty"), ADMIN));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("no Outpost database in " + temp.resolve("empty")
                + " (create one with 'outpost admin init')");
    }
}
