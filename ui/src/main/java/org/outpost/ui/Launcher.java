package org.outpost.ui;

import java.time.Clock;
import java.util.Arrays;
import org.outpost.store.H2Vault;
import org.outpost.ui.cli.AdminCli;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.platform.DesktopLibraries;
import org.outpost.ui.text.UiText;

/**
 * Entry point of the installed app and of {@code ./outpost}: with {@code admin …} it runs the admin
 * command line, otherwise it starts the desktop app (on Linux after checking the system libraries JavaFX needs). Kept free of JavaFX types so the command line
 * never initialises the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(admin(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        int refused = checkDesktopArguments(Arrays.asList(args), System.out, System.err);
        if (refused >= 0) {
            System.exit(refused);
            return;
        }
        UiText text = new UiText(java.util.Locale.getDefault());
        if (DesktopLibraries.applies(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("glass.platform"))) {
            java.util.Optional<java.util.function.Predicate<String>> found = DesktopLibraries.ofThisSystem();
            if (found.isPresent() && checkDesktopLibraries(found.get(), System.err, text) != 0
                    || checkDisplay(System.getenv(), System.err, text) != 0) {
                System.exit(MISSING_LIBRARIES);
                return;
            }
        }
        System.err.println(text.get("launcher.starting"));
        OutpostApp.launchDesktop(Arrays.copyOf(args, args.length));
    }

    /**
     * Checks that there is a graphical session to open the window in (Linux: {@code DISPLAY} or
     * {@code WAYLAND_DISPLAY}); without one JavaFX would stop with a stack trace.
     *
     * @return 0 when there is one, else {@link #MISSING_LIBRARIES}
     */
    static int checkDisplay(java.util.Map<String, String> env, java.io.PrintStream err, UiText text) {
        if (!env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank()) {
            return 0;
        }
        err.println(text.get("launcher.noDisplay"));
        return MISSING_LIBRARIES;
    }

    /** The exit code when a system library JavaFX needs, or the display, is missing. */
    static final int MISSING_LIBRARIES = 4;

    /**
     * Checks, before JavaFX starts, that the system libraries it loads on Linux are there; when some are not, says
     * which, and the {@code apt-get install} line that brings them, without a stack trace.
     *
     * @param found whether a library (by soname) is installed
     * @return 0 when all are there, else {@link #MISSING_LIBRARIES}
     */
    static int checkDesktopLibraries(java.util.function.Predicate<String> found, java.io.PrintStream err,
                                     UiText text) {
        java.util.List<DesktopLibraries.Needed> missing = DesktopLibraries.missing(found);
        if (missing.isEmpty()) {
            return 0;
        }
        err.println(text.get("launcher.missingLibraries", String.join(", ",
                missing.stream().map(DesktopLibraries.Needed::soname).toList())));
        err.println(text.get("launcher.installLibraries"));
        err.println("  sudo apt-get install -y " + String.join(" ", DesktopLibraries.packages(missing)));
        err.println(text.get("launcher.otherSystems"));
        return MISSING_LIBRARIES;
    }

    /**
     * Checks the desktop's arguments before JavaFX starts: prints the usage for {@code --help} (0), or the
     * problem and the usage for a bad option (2).
     *
     * @return the exit code, or -1 to start the desktop
     */
    static int checkDesktopArguments(java.util.List<String> args, java.io.PrintStream out, java.io.PrintStream err) {
        if (AppOptions.asksForHelp(args)) {
            out.print(AppOptions.usage());
            return 0;
        }
        try {
            AppOptions.parse(args, java.util.Locale.getDefault());
            return -1;
        } catch (IllegalArgumentException e) {
            err.println("outpost: " + e.getMessage());
            err.print(AppOptions.usage());
            return 2;
        }
    }

    /**
     * Runs {@code admin …} and returns its exit code. Standard error is the command's one-line verdict,
     * so log output is off unless {@code OUTPOST_DEBUG=1} (or the level is set explicitly).
     */
    static int admin(String[] args) {
        LogFiles.forCommandLine("1".equals(System.getenv("OUTPOST_DEBUG")));
        Clock clock = Clock.systemDefaultZone();
        return new AdminCli(CliContext.ofSystem(directory -> new H2Vault(directory, clock), clock)).run(args);
    }
}
