package org.outpost.ui;

import java.time.Clock;
import java.util.Arrays;
import org.outpost.store.H2Vault;
import org.outpost.ui.cli.AdminCli;
import org.outpost.ui.cli.CliContext;

/**
 * Entry point of the installed app and of {@code ./outpost}: with {@code admin …} it runs the admin
 * command line, otherwise it starts the desktop app. Kept free of JavaFX types so the command line
 * never initialises the toolkit.
 */
public final class Launcher {
    /** slf4j-simple's level property; the admin command line keeps the store's log lines off its stderr. */
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(admin(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        OutpostApp.launchDesktop(Arrays.copyOf(args, args.length));
    }

    /**
     * Runs {@code admin …} and returns its exit code. Standard error is the command's one-line verdict,
     * so log output is off unless {@code OUTPOST_DEBUG=1} (or the level is set explicitly).
     */
    static int admin(String[] args) {
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "1".equals(System.getenv("OUTPOST_DEBUG")) ? "debug" : "off");
        }
        Clock clock = Clock.systemDefaultZone();
        return new AdminCli(CliContext.ofSystem(directory -> new H2Vault(directory, clock), clock)).run(args);
    }
}
