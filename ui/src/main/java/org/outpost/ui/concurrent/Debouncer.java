package org.outpost.ui.concurrent;

/**
 * Runs an action once input has paused: each {@link #submit} replaces the pending action. The desktop
 * uses {@link FxDebouncer}; view-model tests use {@link #immediate()}.
 */
@FunctionalInterface
public interface Debouncer {
    /** Schedules {@code action} after the quiet period, cancelling the one scheduled before. */
    void submit(Runnable action);

    /** Runs every action at once, on the calling thread. */
    static Debouncer immediate() {
        return Runnable::run;
    }
}
