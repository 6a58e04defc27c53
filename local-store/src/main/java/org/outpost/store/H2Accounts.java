package org.outpost.store;

import java.util.List;
import java.util.Optional;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.app.port.Accounts;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.app.validation.PasswordPolicy;
import org.outpost.store.jdbc.JdbcRepositories;
import org.outpost.store.jdbc.JdbcUsers;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlot;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.KeySlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts of an open store. Each change runs in one write transaction: the user row and the audit row
 * are written, then the key-slot file is replaced atomically, then the transaction commits; if the
 * key file cannot be written nothing is committed. The slow key derivation (PBKDF2) happens before the
 * writer lock is taken. Administrative changes require {@code actor} to be an enabled account whose
 * role may manage users.
 */
final class H2Accounts implements Accounts {
    private static final Logger LOG = LoggerFactory.getLogger(H2Accounts.class);

    private final H2Store store;

    H2Accounts(H2Store store) {
        this.store = store;
    }

    @Override
    public List<User> list() {
        return store.readInternal(r -> r.users().list());
    }

    @Override
    public Optional<User> find(String username) {
        String name;
        try {
            name = User.normaliseUsername(username);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return store.readInternal(r -> r.users().find(name));
    }

    @Override
    public User add(String actor, String username, String displayName, Role role, char[] password) {
        User user = new User(username, displayName, role, true);
        PasswordPolicy.require(user.username(), password);
        KeySlot slot = store.wrapper().wrap(store.key(), user.username(), password);
        store.writeInternal(r -> {
            String admin = requireAdmin(r.users(), actor);
            if (r.users().find(user.username()).isPresent()) {
                throw new StoreException("The user name '" + user.username() + "' is already taken");
            }
            r.users().insert(user);
            audit(r, admin, AuditAction.USER_ADDED, user.username() + " as " + role.code());
            writeSlots(slots().with(slot));
            return null;
        });
        LOG.info("Account {} added by {}", user.username(), actor);
        return user;
    }

    @Override
    public void disable(String actor, String username) {
        String name = User.normaliseUsername(username);
        store.writeInternal(r -> {
            String admin = requireAdmin(r.users(), actor);
            User user = existing(r.users(), name);
            if (user.enabled() && user.role() == Role.ADMIN && r.users().enabledAdmins() <= 1) {
                throw new StoreException("'" + name + "' is the last enabled administrator and cannot be disabled; "
                        + "add or enable another administrator first");
            }
            r.users().setEnabled(name, false);
            audit(r, admin, AuditAction.USER_DISABLED, name);
            writeSlots(slots().without(name));
            return null;
        });
        LOG.info("Account {} disabled by {}", name, actor);
    }

    @Override
    public void enable(String actor, String username, char[] newPassword) {
        String name = User.normaliseUsername(username);
        PasswordPolicy.require(name, newPassword);
        KeySlot slot = store.wrapper().wrap(store.key(), name, newPassword);
        store.writeInternal(r -> {
            String admin = requireAdmin(r.users(), actor);
            existing(r.users(), name);
            r.users().setEnabled(name, true);
            audit(r, admin, AuditAction.USER_ENABLED, name);
            writeSlots(slots().with(slot));
            return null;
        });
        LOG.info("Account {} enabled by {}", name, actor);
    }

    @Override
    public void changePassword(String username, char[] oldPassword, char[] newPassword) throws WrongCredentialsException {
        String name;
        try {
            name = User.normaliseUsername(username);
        } catch (IllegalArgumentException e) {
            throw new WrongCredentialsException();
        }
        Optional<KeySlot> current = slots().find(name);
        if (current.isEmpty()) {
            store.wrapper().spendEqualTime(oldPassword);
            throw new WrongCredentialsException();
        }
        try (DataKey opened = store.wrapper().unwrap(current.get(), oldPassword)) {
            if (!opened.sameKeyAs(store.key())) {
                throw new StoreException("That account's key slot belongs to another database");
            }
        }
        PasswordPolicy.require(name, newPassword);
        KeySlot slot = store.wrapper().wrap(store.key(), name, newPassword);
        store.writeInternal(r -> {
            User user = existing(r.users(), name);
            if (!user.enabled()) {
                throw new StoreException("The account '" + name + "' is disabled");
            }
            audit(r, name, AuditAction.PASSWORD_CHANGED, name);
            writeSlots(slots().with(slot));
            return null;
        });
        LOG.info("Password of {} changed", name);
    }

    @Override
    public void resetPassword(String actor, String username, char[] newPassword) {
        String name = User.normaliseUsername(username);
        PasswordPolicy.require(name, newPassword);
        KeySlot slot = store.wrapper().wrap(store.key(), name, newPassword);
        store.writeInternal(r -> {
            String admin = requireAdmin(r.users(), actor);
            User user = existing(r.users(), name);
            if (!user.enabled()) {
                throw new StoreException("The account '" + name + "' is disabled; enable it with a new password instead");
            }
            audit(r, admin, AuditAction.PASSWORD_RESET, name);
            writeSlots(slots().with(slot));
            return null;
        });
        LOG.info("Password of {} reset by {}", name, actor);
    }

    private KeySlots slots() {
        return KeySlotFile.read(store.files().keys());
    }

    private void writeSlots(KeySlots slots) {
        KeySlotFile.write(store.files().keys(), slots);
    }

    private void audit(JdbcRepositories r, String actor, AuditAction action, String detail) {
        r.audit().append(new AuditEvent(store.clock().instant(), actor, action, Optional.empty(), "user=" + detail));
    }

    private static User existing(JdbcUsers users, String name) {
        return users.find(name).orElseThrow(() -> new StoreException("There is no account '" + name + "'"));
    }

    /** The actor's normalised name, if they may manage accounts. */
    private static String requireAdmin(JdbcUsers users, String actor) {
        String name;
        try {
            name = User.normaliseUsername(actor);
        } catch (IllegalArgumentException e) {
            throw new SecurityException("Only an administrator may manage accounts");
        }
        Optional<User> user = users.find(name);
        if (user.isEmpty() || !user.get().enabled() || !user.get().role().may(Permission.MANAGE_USERS)) {
            throw new SecurityException("Only an administrator may manage accounts");
        }
        return name;
    }
}
