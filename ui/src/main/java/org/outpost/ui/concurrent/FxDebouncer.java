package org.outpost.ui.concurrent;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the FX thread, driven by a {@link PauseTransition}. Call it on the FX thread. */
public final class FxDebouncer implements Debouncer {
    private final PauseTransition pause;
    private Runnable pending;

    public FxDebouncer(java.time.Duration quiet) {
        pause = new PauseTransition(Duration.millis(quiet.toMillis()));
        pause.setOnFinished(e -> {
            Runnable action = pending;
            pending = null;
            if (action != null) {
                action.run();
            }
        });
    }

    @Override
    public void submit(Runnable action) {
        pending = action;
        pause.playFromStart();
    }
}
