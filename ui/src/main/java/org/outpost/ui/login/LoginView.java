package org.outpost.ui.login;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The sign-in form, also shown over locked work. Enter in either field submits. After "too many failed
 * attempts" a one-second timeline counts the wait down in the error line (the view model holds the time).
 */
public final class LoginView {
    private final LoginViewModel model;
    private final StackPane root = new StackPane();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Timeline countdown = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));

    public LoginView(LoginViewModel model, UiText text) {
        this.model = model;
        username.setId("login-username");
        password.setId("login-password");
        username.textProperty().bindBidirectional(model.usernameProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        username.setOnAction(e -> {
            if (password.getText().isEmpty()) {
                password.requestFocus();
            } else {
                model.submit();
            }
        });
        password.setOnAction(e -> model.submit());
        countdown.setCycleCount(Animation.INDEFINITE);
        model.retrySecondsProperty().addListener((o, before, now) -> {
            if (now.longValue() > 0 && countdown.getStatus() != Animation.Status.RUNNING) {
                countdown.play();
            } else if (now.longValue() == 0) {
                countdown.stop();
            }
        });

        Label title = Labels.heading(text.get("app.title"));
        Label subtitle = new Label(text.get("login.subtitle"));
        subtitle.getStyleClass().add("muted");
        Label lockNote = new Label();
        lockNote.setId("login-lock-note");
        lockNote.getStyleClass().add("lock-note");
        lockNote.textProperty().bind(model.lockNoteProperty());
        lockNote.visibleProperty().bind(model.lockNoteProperty().isNotEmpty());
        lockNote.managedProperty().bind(lockNote.visibleProperty());
        lockNote.setWrapText(true);

        Label error = new Label();
        error.setId("login-error");
        error.getStyleClass().add("form-error");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);

        Button submit = Labels.button("login-submit", text.get("login.submit"), model::submit);
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.canSubmitProperty().not());
        ProgressIndicator progress = org.outpost.ui.controls.Spinners.whileBusy(model.busyProperty(), 22);
        progress.setId("login-progress");
        HBox actions = new HBox(10, submit, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(8, title, subtitle, lockNote,
                Labels.forControl(text.get("login.username"), username), username,
                Labels.forControl(text.get("login.password"), password), password,
                error, actions);
        card.getStyleClass().add("card");
        card.setMaxWidth(380);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.getStyleClass().add("gate");
        root.setId("login-view");
    }

    private void tick() {
        model.tick();
    }

    public Parent root() {
        return root;
    }

    /** Puts the caret where the user starts typing: the password when the name is known. */
    public void focus() {
        if (model.usernameProperty().get().isBlank()) {
            username.requestFocus();
        } else {
            password.requestFocus();
        }
    }
}
