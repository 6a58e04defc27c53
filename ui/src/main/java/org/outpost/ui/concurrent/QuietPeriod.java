package org.outpost.ui.concurrent;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Calls back once a period has passed without {@link #input()}: the idle lock, the caret that stops blinking. The
 * wait is a task on a timer thread, woken at most once a period, not a JavaFX animation (which would make JavaFX
 * pulse 60 times a second for as long as it waits). {@link #arm()}, {@link #disarm()} and {@link #input()} are
 * called on the FX thread, and the callback runs there.
 */
public final class QuietPeriod {
    private final ScheduledExecutorService timer;
    private final Executor fx;
    private final long periodNanos;
    private final Runnable onQuiet;
    private final LongSupplier nanoTime;
    private long lastInput;
    private boolean armed;
    private ScheduledFuture<?> pending;

    /**
     * @param timer    where the wait runs (a daemon timer thread)
     * @param fx       runs the check and the callback on the FX thread ({@code Platform::runLater})
     * @param period   how long without input before {@code onQuiet}
     * @param nanoTime the clock ({@code System::nanoTime})
     */
    public QuietPeriod(ScheduledExecutorService timer, Executor fx, Duration period, Runnable onQuiet,
                       LongSupplier nanoTime) {
        this.timer = Objects.requireNonNull(timer);
        this.fx = Objects.requireNonNull(fx);
        this.periodNanos = period.toNanos();
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("The period must be positive");
        }
        this.onQuiet = Objects.requireNonNull(onQuiet);
        this.nanoTime = Objects.requireNonNull(nanoTime);
    }

    /** Starts (or restarts) the period: {@code onQuiet} runs once it passes without input. */
    public void arm() {
        armed = true;
        lastInput = nanoTime.getAsLong();
        if (pending == null) {
            schedule(periodNanos);
        }
    }

    /** Stops waiting; {@code onQuiet} does not run until armed again. */
    public void disarm() {
        armed = false;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** Keyboard or mouse input: the period starts again (cheap: only a time is noted). */
    public void input() {
        lastInput = nanoTime.getAsLong();
    }

    public boolean isArmed() {
        return armed;
    }

    private void schedule(long delayNanos) {
        pending = timer.schedule(() -> fx.execute(this::check), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        pending = null;
        if (!armed) {
            return;
        }
        long quiet = nanoTime.getAsLong() - lastInput;
        if (quiet >= periodNanos) {
            armed = false;
            onQuiet.run();
        } else {
            schedule(periodNanos - quiet);
        }
    }
}
