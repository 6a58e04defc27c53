package org.outpost.ui.controls;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Small factories for keyboard-friendly labels and buttons (mnemonics: {@code _Save} is Alt+S). */
public final class Labels {
    private Labels() {
    }

    /** A label whose mnemonic moves the focus to {@code target}. */
    public static Label forControl(String textWithMnemonic, Node target) {
        Label label = new Label(textWithMnemonic);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    /** A button with a mnemonic, an id for tests and styling, and an action. */
    public static Button button(String id, String textWithMnemonic, Runnable action) {
        Button button = new Button(textWithMnemonic);
        button.setMnemonicParsing(true);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** A label styled as a screen heading. */
    public static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("heading");
        return label;
    }
}
