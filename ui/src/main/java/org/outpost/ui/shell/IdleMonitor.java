package org.outpost.ui.shell;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import org.outpost.ui.concurrent.QuietPeriod;

/**
 * Calls back after a period without keyboard or mouse input in a scene. Runs on the FX thread; any input while
 * running starts the period again. It waits on a timer thread (see {@link QuietPeriod}), so a signed-in screen left
 * alone does not keep JavaFX pulsing.
 */
public final class IdleMonitor {
    private final QuietPeriod quiet;

    public IdleMonitor(Scene scene, Duration timeout, Runnable onIdle, ScheduledExecutorService timer) {
        Objects.requireNonNull(onIdle);
        quiet = new QuietPeriod(timer, Platform::runLater, timeout, onIdle, System::nanoTime);
        scene.addEventFilter(InputEvent.ANY, e -> quiet.input());
    }

    /** Starts (or restarts) the idle period. */
    public void start() {
        quiet.disarm();
        quiet.arm();
    }

    public void stop() {
        quiet.disarm();
    }

    public boolean isRunning() {
        return quiet.isArmed();
    }
}
