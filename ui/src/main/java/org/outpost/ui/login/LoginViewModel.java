package org.outpost.ui.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.outpost.app.port.TooManyAttemptsException;
import org.outpost.app.port.Vault;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * Unlocking the workstation: user name and password in, an unlocked store out. The key derivation runs
 * in the background; a wrong user name or password is answered next to the form and clears the password.
 * After repeated failures the vault refuses attempts for a while; the form then counts the wait down
 * ({@link #tick()}, called each second by the view while {@link #retrySecondsProperty()} is above zero), so
 * the person at the screen knows a refusal is not another wrong password.
 */
public final class LoginViewModel {
    private final Vault vault;
    private final TaskRunner tasks;
    private final UiText text;
    private final Consumer<Vault.Unlocked> onUnlocked;
    private final Clock clock;
    private Instant retryAt;

    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper lockNote = new ReadOnlyStringWrapper(this, "lockNote", "");
    private final ReadOnlyLongWrapper retrySeconds = new ReadOnlyLongWrapper(this, "retrySeconds", 0);
    private final BooleanBinding canSubmit;

    /** A form counting waits on the system clock. */
    public LoginViewModel(Vault vault, TaskRunner tasks, UiText text, Consumer<Vault.Unlocked> onUnlocked) {
        this(vault, tasks, text, onUnlocked, Clock.systemUTC());
    }

    /** A form counting waits on {@code clock} (tests pass their own). */
    public LoginViewModel(Vault vault, TaskRunner tasks, UiText text, Consumer<Vault.Unlocked> onUnlocked,
                          Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        this.vault = Objects.requireNonNull(vault);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.onUnlocked = Objects.requireNonNull(onUnlocked);
        canSubmit = Bindings.createBooleanBinding(
                () -> !busy.get() && !username.get().isBlank() && !password.get().isEmpty(), busy, username, password);
        username.addListener((o, a, b) -> {
            if (retryAt == null) {
                error.set("");
            }
        });
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

    /** Seconds until the next attempt is checked after "too many failed attempts"; 0 when there is no wait. */
    public ReadOnlyLongProperty retrySecondsProperty() {
        return retrySeconds.getReadOnlyProperty();
    }

    /** Counts a wait down: updates the message, and clears it when the wait is over. */
    public void tick() {
        if (retryAt == null) {
            return;
        }
        Duration left = Duration.between(clock.instant(), retryAt);
        if (left.isNegative() || left.isZero() || left.compareTo(TooManyAttemptsException.LONGEST_WAIT) > 0) {
            retryAt = null;
            retrySeconds.set(0);
            error.set("");
            return;
        }
        long seconds = new TooManyAttemptsException(left).seconds();
        retrySeconds.set(seconds);
        error.set(text.get("login.tooManyAttempts", Long.toString(seconds)));
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

    /** An empty form for anyone (after a sign-out: not even the last user's name stays). */
    public void clear() {
        reset();
        username.set("");
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
        retryAt = null;
        retrySeconds.set(0);
        tasks.run("unlock", () -> vault.unlock(user, secret), unlocked -> {
            busy.set(false);
            password.set("");
            lockNote.set("");
            onUnlocked.accept(unlocked);
        }, failure -> {
            busy.set(false);
            password.set("");
            if (failure instanceof TooManyAttemptsException wait) {
                retryAt = clock.instant().plus(wait.retryAfter());
                tick();
            } else if (failure instanceof WrongCredentialsException) {
                error.set(text.get("login.wrongCredentials"));
            } else {
                error.set(text.get("login.failed", tasks.reporter().report(failure).errorId()));
            }
        });
    }
}
