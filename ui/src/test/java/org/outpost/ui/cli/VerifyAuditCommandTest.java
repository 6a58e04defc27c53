package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.CLINICIAN;
import static org.outpost.ui.cli.CliHarness.CLINICIAN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;

@ExtendWith(SharedClinic.class)
class VerifyAuditCommandTest {
    @TempDir
    Path temp;

    private Path dir;

    @BeforeEach
    void copyClinic(SharedClinic.Template clinic) {
        dir = clinic.copyTo(temp.resolve("db"));
    }

    private CliHarness.Result verify() {
        return run(lines(ADMIN_PASSWORD), "verify-audit", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin");
    }

    @Test
    void anUntouchedLogIsIntactAndTheCheckIsAudited() {
        long rowsBefore = CliHarness.audit(dir).size();   // this read adds one login row
        var r = verify();
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        // the rows before, the helper's login and this command's login
        assertThat(r.out()).isEqualTo("audit log intact (" + (rowsBefore + 1) + " rows)\n");
        assertThat(CliHarness.audit(dir).reversed().get(1).event().action()).isEqualTo(AuditAction.AUDIT_VERIFIED);
    }

    @Test
    void anEditedRowBreaksTheChainAtThatRow() {
        CliHarness.sql(dir, "UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 5");
        var r = verify();
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("audit log broken at row 5: Audit row 5 was changed after it was written\n");
    }

    @Test
    void aDeletedRowIsNamed() {
        CliHarness.sql(dir, "DELETE FROM audit_log WHERE seq = 7");
        var r = verify();
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.errLine()).isEqualTo("audit log broken at row 7: Audit row 7 is missing (deleted)");
    }

    @Test
    void onlyAdministratorsMayVerify() {
        var r = run(lines(CLINICIAN_PASSWORD), "verify-audit", "--data-dir", dir.toString(), "--user", CLINICIAN,
                "--password-stdin");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("Your role (clinician) may not view the audit log.");
    }
}
