package org.outpost.ui.login;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import org.outpost.app.domain.User;
import org.outpost.app.port.Vault;
import org.outpost.app.validation.PasswordPolicy;
import org.outpost.app.validation.Violation;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * First run: creates the encrypted database and its administrator. The password rules are shown before
 * anything is typed; each field's problem is shown next to it once the user has typed there or tried
 * to create.
 */
public final class SetupViewModel {
    private final Vault vault;
    private final TaskRunner tasks;
    private final UiText text;
    private final Consumer<Vault.Unlocked> onCreated;

    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyStringWrapper usernameError = new ReadOnlyStringWrapper(this, "usernameError", "");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper(this, "passwordError", "");
    private final ReadOnlyStringWrapper repeatError = new ReadOnlyStringWrapper(this, "repeatError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private boolean attempted;

    public SetupViewModel(Vault vault, TaskRunner tasks, UiText text, Consumer<Vault.Unlocked> onCreated) {
        this.vault = Objects.requireNonNull(vault);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.onCreated = Objects.requireNonNull(onCreated);
        ChangeListener<String> revalidate = (o, a, b) -> validate();
        username.addListener(revalidate);
        password.addListener(revalidate);
        repeat.addListener(revalidate);
    }

    /** The password rules, to show before the user types. */
    public String rules() {
        return text.domain("password.rules", PasswordPolicy.MIN_LENGTH);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyStringProperty usernameErrorProperty() {
        return usernameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repeatErrorProperty() {
        return repeatError.getReadOnlyProperty();
    }

    /** A failure of the creation itself. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Checks the fields; returns true when they may be submitted. */
    private boolean validate() {
        boolean ok = true;
        String user = username.get();
        String userProblem = "";
        try {
            User.normaliseUsername(user);
        } catch (IllegalArgumentException e) {
            userProblem = text.get("setup.usernameFormat");
            ok = false;
        }
        usernameError.set(attempted || !user.isEmpty() ? userProblem : "");

        List<Violation> pw = PasswordPolicy.check(user, password.get().toCharArray());
        ok &= pw.isEmpty();
        passwordError.set((attempted || !password.get().isEmpty()) && !pw.isEmpty() ? text.violation(pw.getFirst()) : "");

        boolean same = password.get().equals(repeat.get());
        ok &= same;
        repeatError.set((attempted || !repeat.get().isEmpty()) && !same ? text.domain("password.mismatch") : "");
        return ok;
    }

    /** Creates the database if every field is right. */
    public void submit() {
        attempted = true;
        if (busy.get() || !validate()) {
            return;
        }
        String user = User.normaliseUsername(username.get());
        String name = displayName.get().isBlank() ? user : displayName.get().strip();
        char[] secret = password.get().toCharArray();
        busy.set(true);
        error.set("");
        tasks.run("create-database", () -> vault.create(user, name, secret), created -> {
            busy.set(false);
            password.set("");
            repeat.set("");
            onCreated.accept(created);
        }, failure -> {
            busy.set(false);
            error.set(text.get("setup.failed", tasks.reporter().report(failure).errorId()));
        });
    }
}
