package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import java.util.Locale;
import org.outpost.app.port.KeyRotationReport;
import org.outpost.app.port.Vault;
import org.outpost.app.port.WrongCredentialsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin rotate-key}: gives the database a new data key and every enabled user a copy of it, so an
 * old copy of the key file (a disabled user's, or anyone's old password) no longer opens the database.
 * The vault needs the database closed, checks that the user is an enabled administrator and audits
 * {@code KEY_ROTATED} with counts only.
 */
@Command(name = "rotate-key", sortOptions = false,
        description = {"Re-encrypt the database under a new data key and give it to every enabled user "
                + "(their passwords are not needed).",
                "Afterwards an old copy of the key file no longer opens the database, whatever password it knew.",
                "Close Outpost everywhere first. Safe to interrupt: the next start finishes or undoes it.",
                "Standard input: line 1 = your (administrator's) password."})
final class RotateKeyCommand extends AdminSubcommand {
    @Option(names = "--user", required = true, paramLabel = "ADMIN", description = "An administrator.")
    String user;

    @Option(names = "--password-stdin",
            description = "Read the password from the first line of standard input (otherwise ask on the terminal).")
    boolean passwordStdin;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from FILE's first line instead; FILE must be owner-only (chmod 600).")
    java.nio.file.Path passwordFile;

    RotateKeyCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws Exception {
        Vault vault = existingVault();
        try (Passwords passwords = new Passwords(context, passwordStdin, passwordFile)) {
            rotate(context, vault, user, passwords.first("Password for " + user));
        }
        return ExitCode.OK;
    }

    /** Rotates and prints one line of counts (also used by {@code user disable}). */
    static void rotate(CliContext context, Vault vault, String admin, char[] password) throws WrongCredentialsException {
        KeyRotationReport r = vault.rotateKey(admin, password);
        context.out().println(String.format(Locale.ROOT,
                "rotated the data key: generation %d, %d enabled user%s resealed, %.1f MiB re-encrypted in %.1f s",
                r.generation(), r.usersResealed(), r.usersResealed() == 1 ? "" : "s",
                r.databaseBytes() / (1024.0 * 1024.0), r.took().toMillis() / 1000.0));
    }
}
