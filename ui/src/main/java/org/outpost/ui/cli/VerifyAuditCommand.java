package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.usecase.AuditService;
import picocli.CommandLine.Command;

/** {@code admin verify-audit}: walks the audit hash chain. */
@Command(name = "verify-audit", sortOptions = false,
        description = {"Check the audit log's hash chain: prints 'audit log intact (N rows)', or fails with exit "
                + "code 4 and 'audit log broken at row N: reason'. The check itself is then audited.",
                "Standard input: line 1 = your password."})
final class VerifyAuditCommand extends LoggedInCommand {
    VerifyAuditCommand(CliContext context) {
        super(context);
    }

    @Override
    int run(Opened o) {
        AuditVerification result = new AuditService(o.store(), o.clock(), o.session()).verify();
        if (result.intact()) {
            context.out().println("audit log intact (" + result.rowsChecked() + " rows)");
            return ExitCode.OK;
        }
        throw new CliFailure(ExitCode.AUDIT_BROKEN,
                "audit log broken at row " + result.firstBroken().getAsLong() + ": " + result.reason());
    }
}
