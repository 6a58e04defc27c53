package org.outpost.ui.models;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.outpost.app.ml.ModelCard;
import org.outpost.ui.text.UiText;

/** Opens a learned model's card in a window of its own, beside the work (not modal; Esc closes it). */
public final class ModelCardWindow {
    private ModelCardWindow() {
    }

    /**
     * Opens and shows the card's window; call on the FX thread.
     *
     * @param owner the window it belongs to (closed with it); null for none
     * @return the window, already showing
     */
    public static Stage open(Window owner, ModelCard card, UiText text) {
        ModelCardViewModel model = new ModelCardViewModel(card, text);
        ModelCardView view = new ModelCardView(model, text);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(view.root(), 900, 720);
        scene.getStylesheets().add(Objects.requireNonNull(
                ModelCardWindow.class.getResource("/org/outpost/ui/outpost.css")).toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        stage.setScene(scene);
        stage.setTitle(text.get("modelCard.window", card.title()));
        stage.setMinWidth(560);
        stage.setMinHeight(400);
        stage.show();
        return stage;
    }
}
