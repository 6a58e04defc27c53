package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.outpost.app.port.Vault;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every admin command has: the context, {@code --data-dir} and {@code --help}. */
abstract class AdminSubcommand implements Callable<Integer> {
    protected final CliContext context;

    @Mixin
    HelpOption help;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data directory (default: $OUTPOST_DATA_DIR if set, else the per-user application "
                    + "data folder of the operating system).")
    String dataDir;

    AdminSubcommand(CliContext context) {
        this.context = Objects.requireNonNull(context);
    }

    /** The data directory this command works on. */
    Path dataDirectory() {
        try {
            return context.directories().resolveArgument(dataDir);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, e.getMessage());
        }
    }

    Vault vault() {
        return context.vault(dataDirectory());
    }

    /** Fails unless the data directory holds a database. */
    Vault existingVault() {
        Vault vault = vault();
        if (!vault.isInitialized()) {
            throw new CliFailure(ExitCode.FAILED,
                    "no Outpost database in " + org.outpost.app.validation.Echo.of(dataDirectory().toString())
                            + " (create one with 'outpost admin init')");
        }
        return vault;
    }
}
