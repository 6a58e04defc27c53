package org.outpost.ui.login;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.outpost.app.port.Vault;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * Unlocking the workstation: user name and password in, an unlocked store out. The key derivation runs
 * in the background; a wrong user name or password is answered next to the form and clears the password.
 */
public final class LoginViewModel {
    private final Vault vault;
    private final TaskRunner tasks;
    private final UiText text;
    private final Consumer<Vault.Unlocked> onUnlocked;

    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper lockNote = new ReadOnlyStringWrapper(this, "lockNote", "");
    private final BooleanBinding canSubmit;

    public LoginViewModel(Vault vault, TaskRunner tasks, UiText text, Consumer<Vault.Unlocked> onUnlocked) {
        this.vault = Objects.requireNonNull(vault);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.onUnlocked = Objects.requireNonNull(onUnlocked);
        canSubmit = Bindings.createBooleanBinding(
                () -> !busy.get() && !username.get().isBlank() && !password.get().isEmpty(), busy, username, password);
        username.addListener((o, a, b) -> error.set(""));
    }

    /** Typed user name. */
    public StringProperty usernameProperty() {
        return username;
    }

    /** Typed password; cleared after every attempt. */
    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last attempt failed, empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shown while the screen covers locked work: who was working. */
    public ReadOnlyStringProperty lockNoteProperty() {
        return lockNote.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    /** Prepares the form to cover the work of {@code displayName}, with that user's name filled in. */
    public void showLockedBy(String username, String displayName) {
        this.username.set(username);
        this.password.set("");
        this.error.set("");
        this.lockNote.set(text.get("login.lockedBy", displayName));
    }

    /** Prepares the form for a fresh start (nobody's work behind it). */
    public void reset() {
        password.set("");
        error.set("");
        lockNote.set("");
    }

    /** Tries to unlock with what was typed. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        String user = username.get().strip();
        char[] secret = password.get().toCharArray();
        busy.set(true);
        error.set("");
        tasks.run("unlock", () -> vault.unlock(user, secret), unlocked -> {
            busy.set(false);
            password.set("");
            lockNote.set("");
            onUnlocked.accept(unlocked);
        }, failure -> {
            busy.set(false);
            password.set("");
            if (failure instanceof WrongCredentialsException) {
                error.set(text.get("login.wrongCredentials"));
            } else {
                error.set(text.get("login.failed", tasks.reporter().report(failure).errorId()));
            }
        });
    }
}
