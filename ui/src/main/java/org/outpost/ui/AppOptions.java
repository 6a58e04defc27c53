package org.outpost.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The desktop app's command-line options.
 *
 * @param dataDirectory {@code --data-dir=DIR}; empty to use {@link DataDirectories}' default
 * @param idleLock      {@code --idle-lock-minutes=N}: lock after this long without input (default 10 minutes)
 * @param locale        {@code --lang=TAG} (e.g. {@code fr}); the system's language by default
 */
public record AppOptions(Optional<Path> dataDirectory, Duration idleLock, Locale locale) {
    /** Default idle time before the workstation locks itself. */
    public static final Duration DEFAULT_IDLE_LOCK = Duration.ofMinutes(10);

    /** Reads the named parameters JavaFX parsed from {@code --name=value} arguments. */
    public static AppOptions parse(Map<String, String> named, Locale systemLocale) {
        Optional<Path> dir = Optional.ofNullable(named.get("data-dir")).filter(s -> !s.isBlank()).map(Path::of);
        Duration idle = DEFAULT_IDLE_LOCK;
        String minutes = named.get("idle-lock-minutes");
        if (minutes != null) {
            try {
                double m = Double.parseDouble(minutes.strip());
                if (m > 0) {
                    idle = Duration.ofMillis(Math.round(m * 60_000));
                }
            } catch (NumberFormatException e) {
                // keep the default: an unreadable setting must not disable the lock
            }
        }
        Locale locale = Optional.ofNullable(named.get("lang")).filter(s -> !s.isBlank())
                .map(Locale::forLanguageTag).orElse(systemLocale);
        return new AppOptions(dir, idle, locale);
    }
}
