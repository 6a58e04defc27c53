package org.outpost.ui.shell;

import java.util.Objects;
import java.util.function.Supplier;
import org.outpost.ui.concurrent.Debouncer;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * What every screen needs besides the logged-in workspace: the background runner, the text bundle and
 * a source of debouncers for typed input.
 */
public record ScreenContext(TaskRunner tasks, UiText text, Supplier<Debouncer> debouncers) {
    public ScreenContext {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(debouncers, "debouncers");
    }
}
