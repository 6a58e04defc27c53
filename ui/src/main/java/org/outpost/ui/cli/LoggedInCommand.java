package org.outpost.ui.cli;

import org.outpost.ui.console.CliContext;
import java.time.Clock;
import org.outpost.app.port.Store;
import org.outpost.app.port.Vault;
import org.outpost.app.usecase.Session;
import picocli.CommandLine.Option;

/**
 * A command that opens the database as {@code --user} with the password on line 1 of standard input,
 * runs, and closes it again (forgetting the keys). The login itself is audited by the vault.
 */
abstract class LoggedInCommand extends AdminSubcommand {
    @Option(names = "--user", required = true, paramLabel = "NAME", description = "Who runs the command.")
    String user;

    @Option(names = "--password-stdin",
            description = "Read the password from the first line of standard input (otherwise ask on the terminal).")
    boolean passwordStdin;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the passwords from FILE, one a line as with --password-stdin; FILE must be owner-only (chmod 600).")
    java.nio.file.Path passwordFile;

    LoggedInCommand(CliContext context) {
        super(context);
    }

    /** The open store, the session of the user who opened it and the passwords still to be read. */
    record Opened(Store store, Session session, Passwords passwords, Clock clock) { }

    @Override
    public final Integer call() throws Exception {
        try (Passwords passwords = new Passwords(context, passwordStdin, passwordFile)) {
            Vault.Unlocked unlocked = open(passwords);
            try (Store store = unlocked.store()) {
                return run(new Opened(store, new Session(unlocked.user()), passwords, context.clock()));
            }
        }
    }

    /** Unlocks the existing database; {@code demo} overrides this to create one when there is none. */
    Vault.Unlocked open(Passwords passwords) throws Exception {
        Vault vault = existingVault();
        return vault.unlock(user, passwords.first("Password for " + user));
    }

    /** The command's work; returns the exit code. */
    abstract int run(Opened opened) throws Exception;
}
