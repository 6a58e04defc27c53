package org.outpost.ui.login;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.outpost.ui.controls.FieldErrors;
import org.outpost.ui.controls.Keys;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/** First-run form: the administrator account that creates the encrypted database. */
public final class SetupView {
    private final StackPane root = new StackPane();
    private final TextField username = new TextField();

    public SetupView(SetupViewModel model, UiText text) {
        TextField displayName = new TextField();
        PasswordField password = new PasswordField();
        PasswordField repeat = new PasswordField();
        username.setId("setup-username");
        displayName.setId("setup-display-name");
        password.setId("setup-password");
        repeat.setId("setup-repeat");
        username.textProperty().bindBidirectional(model.usernameProperty());
        displayName.textProperty().bindBidirectional(model.displayNameProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        repeat.textProperty().bindBidirectional(model.repeatProperty());

        Label rules = new Label(model.rules());
        rules.setId("setup-rules");
        rules.getStyleClass().add("rules");
        rules.setWrapText(true);

        FieldErrors errors = new FieldErrors();
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.textProperty().bind(model.errorProperty());
        error.setWrapText(true);

        Button create = Labels.button("setup-submit", text.get("setup.submit"), model::submit);
        create.setDefaultButton(true);
        create.disableProperty().bind(model.busyProperty());
        ProgressIndicator progress = org.outpost.ui.controls.Spinners.whileBusy(model.busyProperty(), 22);
        HBox actions = new HBox(10, create, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label intro = new Label(text.get("setup.intro"));
        intro.setWrapText(true);
        VBox card = new VBox(8, Labels.heading(text.get("setup.title")), intro,
                Labels.forControl(text.get("setup.username"), username),
                errors.attach(username, model.usernameErrorProperty()),
                Labels.forControl(text.get("setup.displayName"), displayName), displayName,
                rules,
                Labels.forControl(text.get("setup.password"), password),
                errors.attach(password, model.passwordErrorProperty()),
                Labels.forControl(text.get("setup.repeat"), repeat),
                errors.attach(repeat, model.repeatErrorProperty()),
                error, actions);
        card.getStyleClass().add("card");
        card.setMaxWidth(420);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.getStyleClass().add("gate");
        root.setId("setup-view");
        Keys.submitOnEnter(card, model::submit);
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        username.requestFocus();
    }
}
