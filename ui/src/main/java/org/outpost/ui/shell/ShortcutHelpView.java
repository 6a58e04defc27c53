package org.outpost.ui.shell;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The help overlay (F1): the shortcuts of the screen beneath, laid over the window on a scrim. A click on the scrim
 * closes it, as do F1 and Esc (handled by the window, which owns the keys).
 */
public final class ShortcutHelpView {
    private final StackPane root = new StackPane();

    public ShortcutHelpView(ShortcutHelpViewModel model, UiText text) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        grid.setId("shortcut-help-list");
        Runnable fill = () -> {
            grid.getChildren().clear();
            int row = 0;
            for (ShortcutHelpViewModel.Entry e : model.entries()) {
                Label keys = new Label(e.keys());
                keys.getStyleClass().add("shortcut-keys");
                Label what = new Label(e.description());
                what.setWrapText(true);
                grid.addRow(row++, keys, what);
            }
        };
        model.entries().addListener((ListChangeListener<ShortcutHelpViewModel.Entry>) c -> fill.run());
        fill.run();
        Label close = new Label(text.get("shortcut.help.close"));
        close.getStyleClass().add("muted");
        VBox card = new VBox(14, Labels.heading(text.get("shortcut.help.title")), grid, close);
        card.getStyleClass().add("card");
        card.setMaxSize(560, javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setOnMouseClicked(javafx.event.Event::consume);
        root.getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        root.getStyleClass().add("scrim");
        root.setId("shortcut-help");
        root.setOnMouseClicked(e -> model.close());
        root.visibleProperty().bind(model.showingProperty());
        root.managedProperty().bind(root.visibleProperty());
    }

    public Parent root() {
        return root;
    }
}
