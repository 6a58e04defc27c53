package org.outpost.ui.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Executors whose threads have names (for logs and thread dumps) and never keep the JVM alive. */
public final class NamedThreads {
    private NamedThreads() {
    }

    /**
     * One daemon thread: the store's single writer, on which reads queue too, so opening, closing and
     * using a store never overlap.
     */
    public static ExecutorService single(String name, ErrorReporter reporter) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> reporter.report(e));
            return t;
        };
        return Executors.newSingleThreadExecutor(factory);
    }

    /**
     * One daemon timer thread, for waits that must not be JavaFX animations: a running {@code Timeline} or
     * {@code PauseTransition}, however long its period, makes JavaFX lay out and render the scene about 60 times a
     * second, which an idle screen cannot afford (issue 14 item 7).
     */
    public static ScheduledExecutorService timer(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
