package org.outpost.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.outpost.ui.concurrent.ErrorNotice;
import org.outpost.ui.concurrent.ErrorReporter;
import org.outpost.ui.concurrent.TaskRunner;

/** Holds submitted work until the test completes it, in any order, to simulate late answers. */
public final class DeferredTaskRunner implements TaskRunner {
    private final List<Runnable> pending = new ArrayList<>();
    private final RecordingReporter reporter = new RecordingReporter();

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> onFailure) {
        pending.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    public int pending() {
        return pending.size();
    }

    /** Runs the index-th pending job (0 = the oldest still pending). */
    public void complete(int index) {
        pending.remove(index).run();
    }

    @Override
    public ErrorReporter reporter() {
        return reporter;
    }

    /** An error reporter that remembers what it was told. */
    public static final class RecordingReporter implements ErrorReporter {
        private final List<Throwable> reported = new ArrayList<>();

        @Override
        public ErrorNotice report(Throwable failure) {
            reported.add(failure);
            return ErrorNotice.of(failure);
        }

        public List<Throwable> reported() {
            return reported;
        }
    }
}
