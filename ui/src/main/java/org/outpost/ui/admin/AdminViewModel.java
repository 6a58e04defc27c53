package org.outpost.ui.admin;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;
import org.outpost.app.domain.IntegrityReport;
import org.outpost.app.usecase.AuditService;
import org.outpost.app.usecase.IntegrityService;
import org.outpost.app.usecase.Session;
import org.outpost.app.validation.PasswordPolicy;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * The administrator's screen: user accounts (add, disable, reset a password) and the audit log (filtered and
 * in words, {@link AuditLogViewModel}) with a check of its hash chain. Account changes go through the store's
 * accounts, which audit them under the administrator's name.
 */
public final class AdminViewModel {
    private final Store store;
    private final AuditService audit;
    private final Session session;
    private final TaskRunner tasks;
    private final UiText text;
    private final Clock clock;

    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ObservableList<User> usersView = FXCollections.unmodifiableObservableList(users);
    private final AuditLogViewModel auditLog;
    private final ObjectProperty<User> selected = new SimpleObjectProperty<>(this, "selected");

    private final StringProperty newUsername = new SimpleStringProperty(this, "newUsername", "");
    private final StringProperty newDisplayName = new SimpleStringProperty(this, "newDisplayName", "");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(this, "newRole", Role.CLINICIAN);
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final ReadOnlyStringWrapper newUserError = new ReadOnlyStringWrapper(this, "newUserError", "");
    private final StringProperty resetPassword = new SimpleStringProperty(this, "resetPassword", "");
    private final ReadOnlyStringWrapper resetError = new ReadOnlyStringWrapper(this, "resetError", "");

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper verification = new ReadOnlyStringWrapper(this, "verification", "");
    private final ReadOnlyBooleanWrapper chainIntact = new ReadOnlyBooleanWrapper(this, "chainIntact", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(this, "verifying");
    private final ReadOnlyStringWrapper integrity = new ReadOnlyStringWrapper(this, "integrity", "");
    private final ReadOnlyBooleanWrapper databaseIntact = new ReadOnlyBooleanWrapper(this, "databaseIntact", true);
    private final ObservableList<String> damage = FXCollections.observableArrayList();
    private final ObservableList<String> damageView = FXCollections.unmodifiableObservableList(damage);

    public AdminViewModel(Store store, AuditService audit, Session session, TaskRunner tasks, UiText text,
                          Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.audit = Objects.requireNonNull(audit);
        this.session = Objects.requireNonNull(session);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.clock = Objects.requireNonNull(clock);
        this.auditLog = new AuditLogViewModel(store, audit, tasks, text, clock);
    }

    /** Loads the users and the audit rows matching the audit tab's filter. */
    public void refresh() {
        tasks.run("list-users", () -> store.accounts().list(), users::setAll);
        auditLog.refresh();
    }

    /** Runs the audit tab's filter again. */
    public void refreshAudit() {
        auditLog.search();
    }

    /** The audit tab: filters, rows in words, CSV export. */
    public AuditLogViewModel auditLog() {
        return auditLog;
    }

    public ObservableList<User> users() {
        return usersView;
    }

    /** The user the disable and reset actions apply to. */
    public ObjectProperty<User> selectedProperty() {
        return selected;
    }

    public StringProperty newUsernameProperty() {
        return newUsername;
    }

    public StringProperty newDisplayNameProperty() {
        return newDisplayName;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public ReadOnlyStringProperty newUserErrorProperty() {
        return newUserError.getReadOnlyProperty();
    }

    public StringProperty resetPasswordProperty() {
        return resetPassword;
    }

    public ReadOnlyStringProperty resetErrorProperty() {
        return resetError.getReadOnlyProperty();
    }

    /** What the last action did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The result of the last chain check, in words. */
    public ReadOnlyStringProperty verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty chainIntactProperty() {
        return chainIntact.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public String role(Role role) {
        return text.role(role);
    }

    /** Adds the account typed into the new-user fields. */
    public void addUser() {
        String user;
        try {
            user = User.normaliseUsername(newUsername.get());
        } catch (IllegalArgumentException e) {
            newUserError.set(text.get("setup.usernameFormat"));
            return;
        }
        char[] secret = newPassword.get().toCharArray();
        List<Violation> problems = PasswordPolicy.check(user, secret);
        if (!problems.isEmpty()) {
            newUserError.set(text.violation(problems.getFirst()));
            return;
        }
        newUserError.set("");
        String display = newDisplayName.get();
        Role role = newRole.get();
        busy.set(true);
        tasks.run("add-user", () -> store.accounts().add(session.username(), user, display, role, secret), added -> {
            busy.set(false);
            newUsername.set("");
            newDisplayName.set("");
            newPassword.set("");
            newRole.set(Role.CLINICIAN);
            status.set(text.get("admin.userAdded", added.username()));
            refresh();
        }, failure -> {
            busy.set(false);
            newUserError.set(explain(failure));
        });
    }

    /** Disables the selected account (not one's own). */
    public void disableSelected() {
        User user = selected.get();
        if (user == null || !user.enabled()) {
            return;
        }
        if (user.username().equals(session.username())) {
            status.set(text.get("admin.cannotDisableSelf"));
            return;
        }
        tasks.run("disable-user", () -> {
            store.accounts().disable(session.username(), user.username());
            return user;
        }, done -> {
            status.set(text.get("admin.userDisabled", done.username()));
            refresh();
        }, failure -> status.set(explain(failure)));
    }

    /** Sets the typed password on the selected account. */
    public void resetSelected() {
        User user = selected.get();
        if (user == null) {
            resetError.set(text.get("admin.selectUser"));
            return;
        }
        char[] secret = resetPassword.get().toCharArray();
        List<Violation> problems = PasswordPolicy.check(user.username(), secret);
        if (!problems.isEmpty()) {
            resetError.set(text.violation(problems.getFirst()));
            return;
        }
        resetError.set("");
        tasks.run("reset-password", () -> {
            if (user.enabled()) {
                store.accounts().resetPassword(session.username(), user.username(), secret);
            } else {
                store.accounts().enable(session.username(), user.username(), secret);
            }
            return user;
        }, done -> {
            resetPassword.set("");
            status.set(text.get("admin.passwordReset", done.username()));
            refresh();
        }, failure -> resetError.set(explain(failure)));
    }

    /**
     * The full check ({@link IntegrityService}): every row against its MAC, every index, the audit chain. Runs
     * off the FX thread (seconds on a large database) while {@link #verifyingProperty()} is true; the result
     * lists damaged rows by table and row id.
     */
    public void verifyDatabase() {
        if (verifying.get()) {
            return;
        }
        verifying.set(true);
        damage.clear();
        integrity.set(text.get("admin.integrity.running"));
        IntegrityService service = new IntegrityService(store, clock, session);
        tasks.run("database-verify", service::verify, (IntegrityReport report) -> {
            verifying.set(false);
            databaseIntact.set(report.intact());
            integrity.set(report.intact() ? text.get("admin.integrity.intact", report.summary())
                    : text.get("admin.integrity.damaged", report.summary()));
            damage.setAll(report.lines());
            refreshAudit();
        }, failure -> {
            verifying.set(false);
            databaseIntact.set(false);
            integrity.set(explain(failure));
        });
    }

    /** True while the full check runs. */
    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    /** The last full check's result in one line. */
    public ReadOnlyStringProperty integrityProperty() {
        return integrity.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty databaseIntactProperty() {
        return databaseIntact.getReadOnlyProperty();
    }

    /** What the last full check found damaged, one line per table (row ids only). */
    public ObservableList<String> damage() {
        return damageView;
    }

    /**
     * Walks the audit chain, compares its head with the anchor outside the database, and says whether it is
     * intact or where and why it breaks (e.g. "rolled back", "rewritten since").
     */
    public void verify() {
        busy.set(true);
        tasks.run("audit-verify", audit::verify, (AuditVerification result) -> {
            busy.set(false);
            chainIntact.set(result.intact());
            verification.set(result.intact() ? text.get("admin.audit.intact", result.rowsChecked())
                    : text.get("admin.audit.broken", result.firstBroken().getAsLong(), result.rowsChecked(),
                            result.reason()));
            refreshAudit();
        }, failure -> {
            busy.set(false);
            verification.set(explain(failure));
        });
    }

    private String explain(Throwable failure) {
        return switch (failure) {
            case ValidationException v -> v.violations().isEmpty() ? "" : text.violation(v.violations().getFirst());
            case StoreException s -> s.getMessage();
            case IllegalArgumentException i -> i.getMessage();
            default -> text.get("admin.failed", tasks.reporter().report(failure).errorId());
        };
    }

    /** The "Result units" tab's model (issue 14): the unit each measure is shown in at this site. */
    public org.outpost.ui.chart.results.ResultUnitsViewModel resultUnits() {
        return new org.outpost.ui.chart.results.ResultUnitsViewModel(
                new org.outpost.app.usecase.ResultUnitService(store, clock, session), tasks, text);
    }
}
