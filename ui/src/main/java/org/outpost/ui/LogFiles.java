package org.outpost.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Where Outpost's log goes. The installed app's launcher drops standard error, so the desktop logs to a
 * rolling file in the data directory ({@code logs/outpost.log}, five files of 5 MB, owner-only) and the
 * error bar names it, so the error id a user quotes leads to a stack trace. Log lines never hold patient
 * data (the code logs ids, counts and error codes only). Warnings and errors also go to standard error for
 * whoever started the app from a terminal. The admin command line logs nothing unless {@code OUTPOST_DEBUG=1}
 * (its standard error is its one-line verdict).
 */
final class LogFiles {
    static final String DIRECTORY = "logs";
    static final String FILE = "outpost.log";
    private static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{30} - %msg%n";
    /** What a folder without a database may hold for the log to be written into it (a new data directory). */
    private static final Set<String> BEFORE_SETUP = Set.of(DIRECTORY, "clinical-content");

    private LogFiles() {
    }

    /**
     * Logs to {@code dataDir/logs/outpost.log} when {@code dataDir} is new, empty or Outpost's (a folder
     * with other things in it, or a file, is not touched: the log then goes to standard error only).
     *
     * @return the log file, if one is written
     */
    static Optional<Path> toDataDirectory(Path dataDir) {
        LoggerContext context = reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context, Level.WARN));
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        Optional<Path> dir = logDirectory(dataDir);
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path file = dir.get().resolve(FILE);
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(dir.get().resolve("outpost.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(4);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(FileSize.valueOf("5MB"));
        size.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(size);
        appender.setEncoder(encoder(context));
        appender.start();
        root.addAppender(appender);
        restrict(file);
        return Optional.of(file);
    }

    /** The admin command line: silent, or everything on standard error with {@code debug}. */
    static void forCommandLine(boolean debug) {
        LoggerContext context = reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (debug) {
            root.setLevel(Level.DEBUG);
            root.addAppender(console(context, Level.DEBUG));
        } else {
            root.setLevel(Level.OFF);
        }
    }

    private static Optional<Path> logDirectory(Path dataDir) {
        try {
            if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
                return Optional.empty();
            }
            if (Files.isDirectory(dataDir)) {
                // Outpost's own: it holds a database or key file; or new: nothing but logs, clinical content and
                // dot-files (an IT installer may prepare these). Anything else is someone else's folder.
                boolean holdsDatabase = Files.exists(dataDir.resolve("keys.properties"))
                        || Files.exists(dataDir.resolve("outpost.mv.db"));
                if (!holdsDatabase) {
                    try (Stream<Path> entries = Files.list(dataDir)) {
                        if (!entries.map(p -> String.valueOf(p.getFileName()))
                                .allMatch(n -> BEFORE_SETUP.contains(n) || n.startsWith("."))) {
                            return Optional.empty();
                        }
                    }
                }
            }
            Path logs = dataDir.resolve(DIRECTORY);
            if (!Files.isDirectory(logs)) {
                boolean posix = dataDir.getFileSystem().supportedFileAttributeViews().contains("posix");
                if (!Files.isDirectory(dataDir)) {
                    Files.createDirectories(Objects.requireNonNull(dataDir.toAbsolutePath().getParent(), "the data folder is inside a folder"));
                    if (posix) {
                        Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwx------")));
                    } else {
                        Files.createDirectory(dataDir);
                    }
                }
                if (posix) {
                    Files.createDirectory(logs, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(logs);
                }
            }
            return Optional.of(logs);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void restrict(Path file) {
        try {
            if (Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            // the folder is owner-only already
        }
    }

    private static LoggerContext reset() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        return context;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, Level threshold) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setTarget("System.err");
        console.setEncoder(encoder(context));
        ThresholdFilter filter = new ThresholdFilter();
        filter.setLevel(threshold.levelStr);
        filter.start();
        console.addFilter(filter);
        console.start();
        return console;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
