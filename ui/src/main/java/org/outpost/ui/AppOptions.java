package org.outpost.ui;

import org.outpost.ui.platform.DataDirectories;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.outpost.app.validation.Echo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The desktop app's command-line options, parsed with picocli like the admin command line, so
 * {@code --data-dir DIR} and {@code --data-dir=DIR} mean the same (the first was once ignored and the
 * default folder opened instead) and an unknown or empty option is refused before anything is touched.
 *
 * @param dataDirectory {@code --data-dir DIR}; empty to use {@link DataDirectories}' default
 * @param idleLock      {@code --idle-lock-minutes N}: lock after this long without input (default 10 minutes)
 * @param locale        {@code --lang TAG} (e.g. {@code fr}); the system's language by default
 */
public record AppOptions(Optional<Path> dataDirectory, Duration idleLock, Locale locale) {
    /** Default idle time before the workstation locks itself. */
    public static final Duration DEFAULT_IDLE_LOCK = Duration.ofMinutes(10);

    @Command(name = "outpost", mixinStandardHelpOptions = false,
            description = "Starts the Outpost desktop. 'outpost admin --help' lists the admin commands.")
    static final class Arguments {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "The data directory (default: $OUTPOST_DATA_DIR, else the per-user application data folder).")
        String dataDir;

        @Option(names = "--idle-lock-minutes", paramLabel = "N",
                description = "Lock after N minutes without input (default 10; a value that is not a positive number keeps 10).")
        String idleMinutes;

        @Option(names = "--lang", paramLabel = "TAG", description = "Language of the window, e.g. fr (default: the system's).")
        String lang;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }

    /** The usage text ({@code --help}). */
    public static String usage() {
        return new CommandLine(new Arguments()).getUsageMessage();
    }

    /** True when the arguments ask for the usage text. */
    public static boolean asksForHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /**
     * Parses the desktop's arguments.
     *
     * @throws IllegalArgumentException with a message for the user when an option is unknown, lacks its value
     *                                  or names no folder
     */
    public static AppOptions parse(List<String> args, Locale systemLocale) {
        Arguments a = new Arguments();
        try {
            new CommandLine(a).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(Echo.of(e.getMessage()));
        }
        Optional<Path> dir = Optional.empty();
        if (a.dataDir != null) {
            if (a.dataDir.isBlank()) {
                throw new IllegalArgumentException("--data-dir must name a folder (it was empty)");
            }
            try {
                dir = Optional.of(Path.of(a.dataDir));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("--data-dir is not a usable path: " + Echo.of(a.dataDir));
            }
        }
        Duration idle = DEFAULT_IDLE_LOCK;
        if (a.idleMinutes != null) {
            try {
                double m = Double.parseDouble(a.idleMinutes.strip());
                if (m > 0 && m <= 24 * 60) {
                    idle = Duration.ofMillis(Math.round(m * 60_000));
                }
            } catch (NumberFormatException e) {
                // keep the default: an unreadable setting must not disable the lock
            }
        }
        Locale locale = Optional.ofNullable(a.lang).filter(s -> !s.isBlank())
                .map(Locale::forLanguageTag).orElse(systemLocale);
        return new AppOptions(dir, idle, locale);
    }
}
