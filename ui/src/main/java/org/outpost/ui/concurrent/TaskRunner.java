package org.outpost.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work away from the FX thread and hands its result back on it. Screens and view models get one
 * through their constructor; the desktop uses {@link FxTaskRunner}, view-model tests use
 * {@link SameThreadTaskRunner}.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background; then calls exactly one of {@code onSuccess} or
     * {@code onFailure} on the UI thread.
     *
     * @param name a short, non-identifying name for logs ("unlock", "patient-search")
     */
    <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Like {@link #run(String, Callable, Consumer, Consumer)}; an unexpected failure goes to the error reporter. */
    default <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess) {
        run(name, work, onSuccess, failure -> reporter().report(failure));
    }

    /** Where unexpected failures of background work are reported. */
    ErrorReporter reporter();
}
