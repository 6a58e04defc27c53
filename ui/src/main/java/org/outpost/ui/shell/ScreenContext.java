package org.outpost.ui.shell;

import java.util.Objects;
import java.util.function.Supplier;
import org.outpost.ui.concurrent.Debouncer;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.platform.UiTrace;
import org.outpost.ui.text.UiText;

/**
 * What every screen needs besides the logged-in workspace: the background runner, the text bundle and
 * a source of debouncers for typed input, and where the log file is (named in the error bar, so an error id
 * leads somewhere), and the GUI bench's trace of when screens were drawn (off unless asked for).
 */
public record ScreenContext(TaskRunner tasks, UiText text, Supplier<Debouncer> debouncers,
                            java.util.Optional<java.nio.file.Path> logFile, UiTrace trace) {
    public ScreenContext {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(debouncers, "debouncers");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(trace, "trace");
    }

    /** A context without a trace. */
    public ScreenContext(TaskRunner tasks, UiText text, Supplier<Debouncer> debouncers,
                         java.util.Optional<java.nio.file.Path> logFile) {
        this(tasks, text, debouncers, logFile, UiTrace.off());
    }

    /** A context without a log file (tests). */
    public ScreenContext(TaskRunner tasks, UiText text, Supplier<Debouncer> debouncers) {
        this(tasks, text, debouncers, java.util.Optional.empty());
    }
}
