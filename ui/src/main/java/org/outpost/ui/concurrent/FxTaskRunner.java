package org.outpost.ui.concurrent;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Wraps work in a {@link javafx.concurrent.Task} and submits it to an injected executor; the callbacks
 * run on the FX thread. A callback that throws is reported, never swallowed.
 */
public final class FxTaskRunner implements TaskRunner {
    private final Executor executor;
    private final ErrorReporter reporter;

    public FxTaskRunner(Executor executor, ErrorReporter reporter) {
        this.executor = Objects.requireNonNull(executor);
        this.reporter = Objects.requireNonNull(reporter);
    }

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> guarded(() -> onSuccess.accept(task.getValue())));
        task.setOnFailed(e -> guarded(() -> onFailure.accept(task.getException())));
        executor.execute(task);
    }

    private void guarded(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            reporter.report(e);
        }
    }

    @Override
    public ErrorReporter reporter() {
        return reporter;
    }
}
