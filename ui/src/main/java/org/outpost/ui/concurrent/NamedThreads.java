package org.outpost.ui.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
}
