package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.CLINICIAN;
import static org.outpost.ui.cli.CliHarness.CLINICIAN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;

@ExtendWith(SharedClinic.class)
class UserCommandTest {
    @TempDir
    Path temp;

    private Path dir;

    @BeforeEach
    void copyClinic(SharedClinic.Template clinic) {
        dir = clinic.copyTo(temp.resolve("db"));
    }

    private CliHarness.Result user(String stdin, String actor, String... rest) {
        String[] head = {"user", rest[0], "--data-dir", dir.toString(), "--user", actor, "--password-stdin"};
        String[] args = Stream.concat(Stream.of(head), Stream.of(rest).skip(1)).toArray(String[]::new);
        return run(stdin, args);
    }

    private CliHarness.Result listPatientsAs(String name, String password) {
        return run(lines(password), "patients", "--data-dir", dir.toString(), "--user", name, "--password-stdin");
    }

    @Test
    void listShowsEveryAccountWithRoleAndStateAndIsAudited() {
        var r = user(lines(ADMIN_PASSWORD), ADMIN, "list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.outLines()).containsExactlyInAnyOrder(
                "admin\tadmin\tenabled\tadmin",
                "nurse.kim\tclinician\tenabled\tKim Nurse",
                "locum.lee\tpharmacist\tdisabled\tlocum.lee");
        AuditEntry last = CliHarness.audit(dir).reversed().get(1);
        assertThat(last.event().action()).isEqualTo(AuditAction.USERS_LISTED);
        assertThat(last.event().detail()).isEqualTo("rows=3");
    }

    @Test
    void addCreatesAnAccountThatCanLogInWithTheSecondLinePassword() {
        var r = user(lines(ADMIN_PASSWORD, "pharmacy counter 42"), ADMIN, "add", "--name", "Pharm.Ola", "--role",
                "PHARMACIST", "--display-name", "Ola Pharmacist");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("added user pharm.ola (pharmacist)\n");
        assertThat(listPatientsAs("pharm.ola", "pharmacy counter 42").exitCode()).isZero();
        assertThat(CliHarness.audit(dir)).anyMatch(e -> e.event().action() == AuditAction.USER_ADDED
                && e.event().username().equals(ADMIN) && e.event().detail().contains("pharm.ola"));
    }

    @Test
    void addRefusesAWeakPasswordAndCreatesNobody() {
        var r = user(lines(ADMIN_PASSWORD, "tiny pw"), ADMIN, "add", "--name", "new.nurse", "--role", "clinician");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("The password needs at least 12 characters");
        assertThat(user(lines(ADMIN_PASSWORD), ADMIN, "list").out()).doesNotContain("new.nurse");

        var withName = user(lines(ADMIN_PASSWORD, "new.nurse is my password"), ADMIN, "add", "--name", "new.nurse",
                "--role", "clinician");
        assertThat(withName.exitCode()).isEqualTo(1);
        assertThat(withName.errLine()).isEqualTo("The password must not contain the user name");
    }

    @Test
    void addWithoutTheSecondLineSaysSo() {
        var r = user(lines(ADMIN_PASSWORD), ADMIN, "add", "--name", "new.nurse", "--role", "clinician");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("standard input has no line 2 (password for the new user new.nurse)");
    }

    @Test
    void addRefusesATakenNameAndAnUnknownRole() {
        var taken = user(lines(ADMIN_PASSWORD, "a long new password"), ADMIN, "add", "--name", CLINICIAN, "--role",
                "clinician");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.errLine()).isEqualTo("a user named nurse.kim already exists");

        var role = user(lines(ADMIN_PASSWORD, "a long new password"), ADMIN, "add", "--name", "x.y", "--role",
                "surgeon");
        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err()).contains("--role").contains("surgeon").hasLineCount(1);
    }

    @Test
    void onlyAnAdministratorMayManageAccounts() {
        var r = user(lines(CLINICIAN_PASSWORD, "a long new password"), CLINICIAN, "add", "--name", "friend.of.kim",
                "--role", "admin");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("Your role (clinician) may not manage user accounts (or run the administrator's checks and tools).");
        assertThat(user(lines(ADMIN_PASSWORD), ADMIN, "list").out()).doesNotContain("friend.of.kim");
    }

    @Test
    void disableStopsTheAccountFromLoggingIn() {
        assertThat(listPatientsAs(CLINICIAN, CLINICIAN_PASSWORD).exitCode()).isZero();
        var r = user(lines(ADMIN_PASSWORD), ADMIN, "disable", "--name", CLINICIAN);
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).first().isEqualTo("disabled user nurse.kim");
        assertThat(r.outLines().get(1)).startsWith("rotated the data key: generation 3, 1 enabled user resealed");
        var login = listPatientsAs(CLINICIAN, CLINICIAN_PASSWORD);
        assertThat(login.exitCode()).isEqualTo(3);
        assertThat(login.err()).isEqualTo("wrong user name or password\n");
    }

    @Test
    void disableRefusesUnknownUsersYourselfAndTheAlreadyDisabled() {
        var unknown = user(lines(ADMIN_PASSWORD), ADMIN, "disable", "--name", "ghost");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.errLine()).isEqualTo("there is no user named ghost");

        var self = user(lines(ADMIN_PASSWORD), ADMIN, "disable", "--name", ADMIN);
        assertThat(self.exitCode()).isEqualTo(1);
        assertThat(self.errLine()).isEqualTo("you cannot disable your own account");

        var again = user(lines(ADMIN_PASSWORD), ADMIN, "disable", "--name", Clinic.LOCUM);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errLine()).isEqualTo("user locum.lee is already disabled");
    }

    @Test
    void passwdResetsAForgottenPassword() {
        var r = user(lines(ADMIN_PASSWORD, "brand new kettle phrase"), ADMIN, "passwd", "--name", CLINICIAN);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("set a new password for nurse.kim\n");
        assertThat(listPatientsAs(CLINICIAN, CLINICIAN_PASSWORD).exitCode()).isEqualTo(3);
        assertThat(listPatientsAs(CLINICIAN, "brand new kettle phrase").exitCode()).isZero();
        assertThat(CliHarness.audit(dir)).anyMatch(e -> e.event().action() == AuditAction.PASSWORD_RESET);
    }

    @Test
    void passwdRefusesWeakPasswordsUnknownAndDisabledUsers() {
        var weak = user(lines(ADMIN_PASSWORD, "aaaaaaaaaaaaaaaa"), ADMIN, "passwd", "--name", CLINICIAN);
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.errLine()).isEqualTo("The password must not be one character repeated");
        assertThat(listPatientsAs(CLINICIAN, CLINICIAN_PASSWORD).exitCode()).isZero();

        var unknown = user(lines(ADMIN_PASSWORD, "brand new kettle phrase"), ADMIN, "passwd", "--name", "ghost");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.errLine()).isEqualTo("there is no user named ghost");

        var disabled = user(lines(ADMIN_PASSWORD, "brand new kettle phrase"), ADMIN, "passwd", "--name",
                Clinic.LOCUM);
        assertThat(disabled.exitCode()).isEqualTo(1);
        assertThat(disabled.errLine()).isEqualTo("user locum.lee is disabled; 'outpost admin user enable' gives it a new password");
    }

    @Test
    void enableGivesADisabledAccountANewPassword() {
        var r = user(lines(ADMIN_PASSWORD, "back for the winter"), ADMIN, "enable", "--name", Clinic.LOCUM);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("enabled user locum.lee\n");
        assertThat(listPatientsAs(Clinic.LOCUM, Clinic.LOCUM_PASSWORD).exitCode()).isEqualTo(3);
        assertThat(listPatientsAs(Clinic.LOCUM, "back for the winter").exitCode()).isZero();

        var already = user(lines(ADMIN_PASSWORD, "back for the winter"), ADMIN, "enable", "--name", CLINICIAN);
        assertThat(already.exitCode()).isEqualTo(1);
        assertThat(already.errLine()).isEqualTo("user nurse.kim is already enabled");
    }
}
