package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import java.nio.file.Path;
import org.outpost.app.domain.User;
import org.outpost.app.port.Store;
import org.outpost.app.port.Vault;
import org.outpost.app.validation.PasswordPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin init}: a new encrypted database with its first administrator. */
@Command(name = "init", sortOptions = false,
        description = {"Create a new encrypted database in the data directory, with its first administrator.",
                "Refuses if the directory already holds a database.",
                "With --password-stdin the administrator's password is the first line of standard input."})
final class InitCommand extends AdminSubcommand {
    @Option(names = "--admin-user", required = true, paramLabel = "NAME",
            description = "User name of the first administrator (2-32 of a-z, 0-9, '.', '-', '_').")
    String adminUser;

    @Option(names = "--display-name", paramLabel = "TEXT", description = "The administrator's name as shown.")
    String displayName;

    @Option(names = "--password-stdin",
            description = "Read the new password from the first line of standard input (otherwise ask on the terminal).")
    boolean passwordStdin;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the passwords from FILE, one a line as with --password-stdin; FILE must be owner-only (chmod 600).")
    java.nio.file.Path passwordFile;

    InitCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Path directory = dataDirectory();
        Vault vault = vault();
        if (vault.isInitialized()) {
            throw new CliFailure(ExitCode.FAILED, "a database already exists in " + directory + "; nothing was changed");
        }
        String username = User.normaliseUsername(adminUser);
        try (Passwords passwords = new Passwords(context, passwordStdin, passwordFile)) {
            char[] password = passwords.newPassword(1, "Password for the new administrator " + username);
            PasswordPolicy.require(username, password);
            try (Store store = vault.create(username, displayName, password).store()) {
                context.out().println("created an encrypted database in " + directory + " with administrator "
                        + username);
            }
        }
        return ExitCode.OK;
    }
}
