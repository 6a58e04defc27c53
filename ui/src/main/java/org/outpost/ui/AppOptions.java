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
        Arguments a = plainly(args).orElseGet(() -> withPicocli(args));
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

    private static Arguments withPicocli(List<String> args) {
        Arguments a = new Arguments();
        try {
            new CommandLine(a).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(Echo.of(e.getMessage()));
        }
        return a;
    }

    /**
     * The arguments every launch has (none, or each known option once, as {@code --name value} or
     * {@code --name=value}) read without picocli: its classes are compiled for Java 5, which the AOT cache cannot
     * hold, so every launch read them from the jar (a class-load log put them between 0.13 and 0.30 s of the JVM's
     * start; the launch without them was within the bench's noise; issue 17). Anything else
     * (an unknown option, a repeated one, a value starting with '-', an {@code @file}) is empty here and goes to
     * picocli, which reads it or says what is wrong; where both read the arguments they agree (AppOptionsTest).
     */
    static Optional<Arguments> plainly(List<String> args) {
        java.util.Map<String, String> given = new java.util.HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String name;
            String value;
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                name = arg;
                value = args.get(++i);
            } else {
                return Optional.empty();
            }
            if (!PLAIN_OPTIONS.contains(name) || value.startsWith("@") || given.putIfAbsent(name, value) != null) {
                return Optional.empty();
            }
        }
        Arguments a = new Arguments();
        a.dataDir = given.get("--data-dir");
        a.idleMinutes = given.get("--idle-lock-minutes");
        a.lang = given.get("--lang");
        return Optional.of(a);
    }

    private static final java.util.Set<String> PLAIN_OPTIONS = java.util.Set.of("--data-dir", "--idle-lock-minutes",
            "--lang");
}
