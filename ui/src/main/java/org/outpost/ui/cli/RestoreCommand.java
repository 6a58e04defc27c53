package org.outpost.ui.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.outpost.app.port.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin restore}: replaces the database with a backup that the user's password opens. */
@Command(name = "restore", sortOptions = false,
        description = {"Replace the database in the data directory with a backup made by 'admin backup'.",
                "The password must open the backup; otherwise nothing changes. The replaced files are kept "
                        + "beside the new ones.",
                "Standard input: line 1 = your password (for the backup)."})
final class RestoreCommand extends AdminSubcommand {
    @Option(names = "--user", required = true, paramLabel = "NAME", description = "A user of the backup.")
    String user;

    @Option(names = "--password-stdin",
            description = "Read the password from the first line of standard input (otherwise ask on the terminal).")
    boolean passwordStdin;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file.")
    Path from;

    RestoreCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws Exception {
        Path backup = from.toAbsolutePath().normalize();
        if (!Files.isRegularFile(backup)) {
            throw new CliFailure(ExitCode.FAILED, "there is no backup file " + backup);
        }
        Vault vault = vault();
        try (Passwords passwords = new Passwords(context, passwordStdin)) {
            char[] password = passwords.first("Password for " + user);
            // the vault checks the password against the backup first and audits the restore in the restored log
            vault.restore(backup, user, password);
        }
        context.out().println("restored " + dataDirectory() + " from " + backup);
        return ExitCode.OK;
    }
}
