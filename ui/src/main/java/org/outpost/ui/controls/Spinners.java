package org.outpost.ui.controls;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ProgressIndicator;

/**
 * Busy spinners that cost nothing while hidden. An indeterminate {@link ProgressIndicator} animates even when it (or
 * its screen) is not visible, and a running animation makes JavaFX lay out and render the scene about 60 times a
 * second: every idle screen then used 1–2 % of a core (issue 14 item 7, {@code ./outpost bench idle}). A spinner
 * made here is indeterminate only while {@code busy}; otherwise it is a hidden, determinate indicator at 0, which
 * has no animation.
 */
public final class Spinners {
    private Spinners() {
    }

    /** A spinner of {@code size} pixels shown, and spinning, only while {@code busy}. */
    public static ProgressIndicator whileBusy(ObservableBooleanValue busy, double size) {
        ProgressIndicator p = new ProgressIndicator(0);
        p.setPrefSize(size, size);
        p.setMaxSize(size, size);
        p.progressProperty().bind(Bindings.when(busy).then(ProgressIndicator.INDETERMINATE_PROGRESS).otherwise(0.0));
        p.visibleProperty().bind(busy);
        return p;
    }

    /**
     * A spinner shown, and spinning, only once {@code busy} has lasted {@code after}: work that is usually over in a
     * frame (a search answered in a millisecond) does not build and tear down a spinner on every keystroke
     * (issue 17).
     */
    public static ProgressIndicator whileBusy(ObservableBooleanValue busy, double size, java.time.Duration after) {
        javafx.beans.property.BooleanProperty longBusy = new javafx.beans.property.SimpleBooleanProperty();
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(
                javafx.util.Duration.millis(after.toMillis()));
        wait.setOnFinished(e -> longBusy.set(busy.get()));
        busy.subscribe(now -> {
            if (now) {
                wait.playFromStart();
            } else {
                wait.stop();
                longBusy.set(false);
            }
        });
        return whileBusy(longBusy, size);
    }
}
