package org.outpost.ui.shell;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.TextInputControlSkin;
import javafx.scene.input.InputEvent;
import org.outpost.ui.concurrent.QuietPeriod;

/**
 * Stops the caret blinking once the user has left the keyboard and mouse alone for a few seconds, as GTK does
 * (its {@code gtk-cursor-blink-timeout}); the caret stays on, solid, and blinks again at the next key press. The
 * blink is a JavaFX {@code Timeline}, and while any animation runs JavaFX lays out and renders the scene about 60
 * times a second: a form left open with the caret in a field used 3–4 % of a core with software rendering (issue 14
 * item 7).
 */
public final class CaretRest {
    /** How long the caret blinks after the last input. */
    public static final Duration BLINK_FOR = Duration.ofSeconds(5);

    private final Scene scene;
    private final QuietPeriod quiet;

    public CaretRest(Scene scene, ScheduledExecutorService timer) {
        this.scene = scene;
        quiet = new QuietPeriod(timer, Platform::runLater, BLINK_FOR, this::rest, System::nanoTime);
        scene.addEventFilter(InputEvent.ANY, e -> {
            quiet.input();
            if (!quiet.isArmed()) {
                quiet.arm();
            }
        });
        scene.focusOwnerProperty().addListener((o, a, b) -> quiet.arm());
        quiet.arm();
    }

    private void rest() {
        if (scene.getFocusOwner() instanceof TextInputControl field
                && field.getSkin() instanceof TextInputControlSkin<?> skin) {
            skin.setCaretAnimating(false); // the skin starts it again on the next key press or focus
        }
    }
}
