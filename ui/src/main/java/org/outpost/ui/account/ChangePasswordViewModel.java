package org.outpost.ui.account;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.outpost.app.port.Accounts;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.app.validation.PasswordPolicy;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * Changing the signed-in user's own password: the current one (it unwraps the user's key slot, so a wrong
 * one changes nothing), the new one twice, checked against the {@link PasswordPolicy} as it is typed. The
 * new key slot is written and audited as {@code PASSWORD_CHANGED}; the session stays open.
 */
public final class ChangePasswordViewModel {
    private final Accounts accounts;
    private final String username;
    private final TaskRunner tasks;
    private final UiText text;

    private final StringProperty current = new SimpleStringProperty(this, "current", "");
    private final StringProperty replacement = new SimpleStringProperty(this, "replacement", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyStringWrapper currentError = new ReadOnlyStringWrapper(this, "currentError", "");
    private final ReadOnlyStringWrapper replacementError = new ReadOnlyStringWrapper(this, "replacementError", "");
    private final ReadOnlyStringWrapper repeatError = new ReadOnlyStringWrapper(this, "repeatError", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public ChangePasswordViewModel(Accounts accounts, String username, TaskRunner tasks, UiText text) {
        this.accounts = Objects.requireNonNull(accounts);
        this.username = Objects.requireNonNull(username);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        replacement.addListener((o, a, b) -> checkReplacement());
        repeat.addListener((o, a, b) -> checkRepeat(false));
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty replacementProperty() {
        return replacement;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyStringProperty currentErrorProperty() {
        return currentError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty replacementErrorProperty() {
        return replacementError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repeatErrorProperty() {
        return repeatError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The password rules, shown under the form. */
    public String rules() {
        return text.domain("password.rules", PasswordPolicy.MIN_LENGTH);
    }

    /** Checks everything and, when it is all right, changes the password in the background. */
    public void save() {
        if (busy.get()) {
            return;
        }
        status.set("");
        currentError.set(current.get().isEmpty() ? text.get("account.password.currentMissing") : "");
        boolean ok = currentError.get().isEmpty() & checkReplacement() & checkRepeat(true);
        if (!ok) {
            return;
        }
        char[] old = current.get().toCharArray();
        char[] fresh = replacement.get().toCharArray();
        busy.set(true);
        tasks.run("change-password", () -> {
            try {
                accounts.changePassword(username, old, fresh);
                return Boolean.TRUE;
            } finally {
                Arrays.fill(old, '\0');
                Arrays.fill(fresh, '\0');
            }
        }, done -> {
            busy.set(false);
            current.set("");
            replacement.set("");
            repeat.set("");
            replacementError.set("");
            repeatError.set("");
            status.set(text.get("account.password.changed"));
        }, failure -> {
            busy.set(false);
            switch (failure) {
                case WrongCredentialsException w -> currentError.set(text.get("account.password.currentWrong"));
                case ValidationException v -> replacementError.set(text.violation(v.violations().getFirst()));
                default -> {
                    status.set(text.get("account.password.failed"));
                    tasks.reporter().report(failure);
                }
            }
        });
    }

    private boolean checkReplacement() {
        if (replacement.get().isEmpty()) {
            replacementError.set("");
            return false;
        }
        char[] candidate = replacement.get().toCharArray();
        List<Violation> problems = PasswordPolicy.check(username, candidate);
        Arrays.fill(candidate, '\0');
        if (problems.isEmpty() && replacement.get().equals(current.get())) {
            replacementError.set(text.get("account.password.sameAsCurrent"));
            return false;
        }
        replacementError.set(problems.isEmpty() ? "" : text.violation(problems.getFirst()));
        if (!repeat.get().isEmpty()) {
            checkRepeat(false);
        }
        return problems.isEmpty();
    }

    private boolean checkRepeat(boolean saving) {
        boolean same = repeat.get().equals(replacement.get());
        repeatError.set(same || (!saving && repeat.get().isEmpty()) ? "" : text.get("account.password.repeatDiffers"));
        return same && !replacement.get().isEmpty();
    }
}
