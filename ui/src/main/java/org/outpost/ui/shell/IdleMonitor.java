package org.outpost.ui.shell;

import java.time.Duration;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;

/**
 * Calls back after a period without keyboard or mouse input in a scene. Runs on the FX thread; any
 * input while running starts the period again.
 */
public final class IdleMonitor {
    private final PauseTransition pause;
    private final EventHandler<InputEvent> activity;
    private boolean running;

    public IdleMonitor(Scene scene, Duration timeout, Runnable onIdle) {
        Objects.requireNonNull(onIdle);
        pause = new PauseTransition(javafx.util.Duration.millis(timeout.toMillis()));
        pause.setOnFinished(e -> {
            if (running) {
                running = false;
                onIdle.run();
            }
        });
        activity = e -> {
            if (running) {
                pause.playFromStart();
            }
        };
        scene.addEventFilter(InputEvent.ANY, activity);
    }

    /** Starts (or restarts) the idle period. */
    public void start() {
        running = true;
        pause.playFromStart();
    }

    public void stop() {
        running = false;
        pause.stop();
    }

    public boolean isRunning() {
        return running;
    }
}
