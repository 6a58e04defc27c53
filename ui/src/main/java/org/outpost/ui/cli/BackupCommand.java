package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.outpost.app.port.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin backup}: an encrypted, self-contained copy of the database, its key slots and its audit anchor.
 * Administrators only: a backup carries every patient's record.
 */
@Command(name = "backup", sortOptions = false,
        description = {"Write an encrypted backup of the database (with its key slots, its audit anchor and the "
                + "Outpost, H2 and schema versions it was made with) to a new file. Administrators only.",
                "The backup opens with the same user names and passwords as the database.",
                "Standard input: line 1 = your password."})
final class BackupCommand extends LoggedInCommand {
    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file (must not exist).")
    Path to;

    BackupCommand(CliContext context) {
        super(context);
    }

    @Override
    Vault.Unlocked open(Passwords passwords) throws Exception {
        if (Files.exists(to)) {
            throw new CliFailure(ExitCode.FAILED, to.toAbsolutePath().normalize() + " already exists; choose a new file");
        }
        return super.open(passwords);
    }

    @Override
    int run(Opened o) {
        Path target = to.toAbsolutePath().normalize();
        o.store().backupTo(target); // the store audits it as BACKUP_CREATED
        context.out().println("wrote an encrypted backup to " + target);
        return ExitCode.OK;
    }
}
