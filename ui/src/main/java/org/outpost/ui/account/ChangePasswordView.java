package org.outpost.ui.account;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.outpost.ui.controls.FieldErrors;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/** The change-password form: current, new, repeat; Enter saves. */
public final class ChangePasswordView {
    private final VBox root;
    private final PasswordField current = new PasswordField();

    public ChangePasswordView(ChangePasswordViewModel model, UiText text) {
        FieldErrors errors = new FieldErrors();
        current.setId("password-current");
        current.textProperty().bindBidirectional(model.currentProperty());
        PasswordField replacement = new PasswordField();
        replacement.setId("password-new");
        replacement.textProperty().bindBidirectional(model.replacementProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("password-repeat");
        repeat.textProperty().bindBidirectional(model.repeatProperty());

        GridPane form = new GridPane(10, 8);
        form.addRow(0, Labels.forControl(text.get("account.password.current"), current),
                errors.attach(current, model.currentErrorProperty()));
        form.addRow(1, Labels.forControl(text.get("account.password.new"), replacement),
                errors.attach(replacement, model.replacementErrorProperty()));
        form.addRow(2, Labels.forControl(text.get("account.password.repeat"), repeat),
                errors.attach(repeat, model.repeatErrorProperty()));
        Label rules = new Label(model.rules());
        rules.setWrapText(true);
        rules.setMaxWidth(520);
        Button save = Labels.button("password-save", text.get("account.password.save"), model::save);
        save.setDefaultButton(true);
        save.disableProperty().bind(model.busyProperty());
        Label status = new Label();
        status.setId("password-status");
        status.textProperty().bind(model.statusProperty());
        root = new VBox(12, Labels.heading(text.get("account.password.title")), form, rules, save, status);
        root.setPadding(new Insets(16));
        root.setId("password-view");
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        current.requestFocus();
    }
}
