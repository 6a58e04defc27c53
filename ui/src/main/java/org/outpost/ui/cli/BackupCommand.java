package org.outpost.ui.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.outpost.app.port.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin backup}: an encrypted, self-contained copy of the database and its key slots. */
@Command(name = "backup", sortOptions = false,
        description = {"Write an encrypted backup of the database (and its key slots) to a new file.",
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
