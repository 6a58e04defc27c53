package org.outpost.ui.shell.sync;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the FX thread in view-model tests: work handed over from other threads (the sync loop's events)
 * waits here until the test thread runs it, so the view model is only ever touched by one thread, as on the desktop.
 */
final class FxQueue implements Executor {
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable work) {
        queue.add(work);
    }

    /** Runs handed-over work on this thread until {@code done} holds; fails after {@code timeout}. */
    void runUntil(BooleanSupplier done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what);
            }
            try {
                Runnable next = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
                if (next != null) {
                    next.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Runs whatever has been handed over so far. */
    void drain() {
        for (Runnable r = queue.poll(); r != null; r = queue.poll()) {
            r.run();
        }
    }
}
