package org.outpost.ui.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where Outpost keeps its encrypted database: {@code --data-dir} if given, else {@code OUTPOST_DATA_DIR},
 * else the operating system's per-user application data folder.
 */
public final class DataDirectories {
    public static final String ENVIRONMENT_VARIABLE = "OUTPOST_DATA_DIR";

    private final Map<String, String> environment;
    private final String osName;
    private final Path home;

    public DataDirectories(Map<String, String> environment, String osName, Path home) {
        this.environment = Map.copyOf(environment);
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.home = home;
    }

    /** For the running process. */
    public static DataDirectories ofSystem() {
        return new DataDirectories(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * The directory to use, given {@code --data-dir} as typed (null when not given). An empty value is
     * refused: it once meant the working directory, whose permissions were then changed.
     *
     * @throws IllegalArgumentException for an empty or unusable path
     */
    public Path resolveArgument(String typed) {
        if (typed == null) {
            return resolve(Optional.empty());
        }
        if (typed.isBlank()) {
            throw new IllegalArgumentException("--data-dir must name a folder (it was empty)");
        }
        try {
            return resolve(Optional.of(Path.of(typed)));
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("--data-dir is not a usable path: " + org.outpost.app.validation.Echo.of(typed));
        }
    }

    /** The directory to use, given an optional explicit choice from the command line. */
    public Path resolve(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return explicit.get().toAbsolutePath().normalize();
        }
        String fromEnv = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return osDefault();
    }

    /** The operating system's convention for per-user application data. */
    public Path osDefault() {
        if (osName.contains("win")) {
            String local = environment.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("Outpost");
        }
        if (osName.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Outpost");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("outpost");
    }
}
