package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import org.outpost.app.domain.IntegrityReport;
import org.outpost.app.port.DamagedRecordException;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.Vault;
import org.outpost.app.usecase.IntegrityService;
import org.outpost.store.jdbc.SqlErrors;
import picocli.CommandLine.Command;

/**
 * {@code admin verify}: the full integrity check. H2's file encryption does not authenticate, so a damaged
 * file can decrypt to wrong values without any error; this reads every row of every table against its MAC,
 * every index entry and the audit chain, and names what is damaged by table and row id.
 */
@Command(name = "verify", sortOptions = false,
        description = {"Check the whole database: every row of every table against its integrity MAC, every "
                + "index, and the audit log's hash chain. Prints 'database intact: …' (exit 0), or one line per "
                + "damaged table with the damaged rows' ids (no patient data) and exits with code 5. "
                + "A database too damaged to open is reported the same way. Administrators only; audited.",
                "Standard input: line 1 = your password."})
final class VerifyCommand extends LoggedInCommand {
    VerifyCommand(CliContext context) {
        super(context);
    }

    @Override
    Vault.Unlocked open(Passwords passwords) throws Exception {
        try {
            return super.open(passwords);
        } catch (DamagedRecordException e) {
            throw new CliFailure(ExitCode.DAMAGED, "database DAMAGED: " + e.getMessage());
        } catch (StoreException e) {
            if (SqlErrors.DAMAGED.equals(e.getMessage())) {
                throw new CliFailure(ExitCode.DAMAGED, "database DAMAGED: it cannot be opened. " + e.getMessage()
                        + "; restore from a backup");
            }
            throw e;
        }
    }

    @Override
    int run(Opened o) {
        IntegrityReport report;
        try {
            report = new IntegrityService(o.store(), o.clock(), o.session()).verify();
        } catch (StoreException e) {
            if (SqlErrors.DAMAGED.equals(e.getMessage())) {
                throw new CliFailure(ExitCode.DAMAGED, "database DAMAGED: it could not be read to the end. "
                        + e.getMessage() + "; restore from a backup");
            }
            throw e;
        }
        if (report.intact()) {
            context.out().println(report.summary());
            return ExitCode.OK;
        }
        report.lines().forEach(context.out()::println);
        throw new CliFailure(ExitCode.DAMAGED, report.summary());
    }
}
