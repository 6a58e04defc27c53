package org.outpost.ui.concurrent;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work and its callback on the calling thread. For view-model tests (no FX toolkit needed) and for
 * code that is already off the FX thread.
 */
public final class SameThreadTaskRunner implements TaskRunner {
    private final ErrorReporter reporter;

    public SameThreadTaskRunner(ErrorReporter reporter) {
        this.reporter = Objects.requireNonNull(reporter);
    }

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public ErrorReporter reporter() {
        return reporter;
    }
}
