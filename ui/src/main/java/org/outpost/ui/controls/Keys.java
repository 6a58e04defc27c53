package org.outpost.ui.controls;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter and Esc for forms laid over other screens. A scene has one Enter and one Esc accelerator, so
 * default and cancel buttons of layers that come and go (sign-in over locked work) overwrite each
 * other; these handlers belong to the form itself and always reach it.
 */
public final class Keys {
    private Keys() {
    }

    /** Enter anywhere in {@code form} (except on a button, an open chooser or a text area) runs {@code submit}. */
    public static void submitOnEnter(Node form, Runnable submit) {
        form.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            Object target = e.getTarget();
            if (target instanceof ButtonBase || target instanceof TextArea
                    || target instanceof ComboBoxBase<?> c && c.isShowing()) {
                return;
            }
            submit.run();
            e.consume();
        });
    }

    /** Esc anywhere in {@code form} runs {@code close}. */
    public static void closeOnEscape(Node form, Runnable close) {
        form.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
    }
}
