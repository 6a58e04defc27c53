package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.outpost.app.port.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin restore}: replaces the database with a backup. Only an enabled administrator of the current
 * installation may (checked against today's key file and accounts, never the backup's), and today's accounts
 * and passwords stay in force afterwards, so an old backup cannot bring a removed user back.
 */
@Command(name = "restore", sortOptions = false,
        description = {"Replace the database in the data directory with a backup made by 'outpost admin backup'.",
                "Only an enabled administrator of this installation may restore; the accounts, roles and "
                        + "passwords of today stay in force. The restore is recorded in the replaced and in the "
                        + "restored audit log. The last 3 replaced databases are kept beside the new one.",
                "The backup is opened with the same name and password; if that administrator was not in the "
                        + "backup or had another password then, give --backup-user.",
                "Standard input: line 1 = your password; line 2 = the --backup-user's password in the backup."})
final class RestoreCommand extends AdminSubcommand {
    @Option(names = "--user", required = true, paramLabel = "NAME",
            description = "An enabled administrator of this installation.")
    String user;

    @Option(names = "--password-stdin",
            description = "Read the passwords from standard input, one a line (otherwise ask on the terminal).")
    boolean passwordStdin;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file.")
    Path from;

    @Option(names = "--backup-user", paramLabel = "NAME",
            description = "An administrator of the backup as it was when it was made, whose password then "
                    + "(line 2) opens it.")
    String backupUser;

    RestoreCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws Exception {
        Path backup = from.toAbsolutePath().normalize();
        if (!Files.isRegularFile(backup)) {
            throw new CliFailure(ExitCode.FAILED, "there is no backup file " + backup);
        }
        Vault vault = vault(); // an existing installation, or an empty directory on a new workstation
        Vault.RestoreReport report;
        try (Passwords passwords = new Passwords(context, passwordStdin)) {
            char[] password = passwords.first("Password for " + user);
            Optional<Vault.BackupLogin> backupLogin = backupUser == null ? Optional.empty()
                    : Optional.of(new Vault.BackupLogin(backupUser,
                            passwords.second("Password of " + backupUser + " in the backup")));
            // the vault checks the password against today's key file and the role in today's database first
            report = vault.restore(backup, user, password, backupLogin);
        }
        context.out().println("restored " + dataDirectory() + " from " + backup + " (made " + report.backupCreated() + ")");
        if (!report.kept().isEmpty()) {
            context.out().println("kept the replaced databases (newest first): " + String.join(", ", report.kept()));
        }
        if (!report.removed().isEmpty()) {
            context.out().println("removed older replaced copies: " + String.join(", ", report.removed()));
        }
        return ExitCode.OK;
    }
}
