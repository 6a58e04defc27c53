package org.outpost.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.app.port.StoreException;

/** The {@code users} table: account names, roles and whether each may log in. No secrets live here. */
public final class JdbcUsers {
    private final Tx tx;

    public JdbcUsers(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    /** Adds an account; a taken user name is a {@link StoreException}. */
    public void insert(User user) {
        tx.requireWritable();
        try {
            Jdbc.updateSealed(tx.connection(), tx.seal(), SealedTable.USERS, user.username(),
                    "INSERT INTO users (username, display_name, role, enabled, created_at) VALUES (?, ?, ?, ?, ?)", ps -> {
                        ps.setString(1, user.username());
                        ps.setString(2, user.displayName());
                        ps.setString(3, user.role().name());
                        ps.setBoolean(4, user.enabled());
                        ps.setObject(5, tx.now());
                    });
        } catch (SQLException e) {
            if (SqlErrors.isDuplicate(e)) {
                throw new StoreException("The user name '" + user.username() + "' is already taken");
            }
            throw SqlErrors.translate(e, "add the account");
        }
    }

    public Optional<User> find(String username) {
        return Jdbc.run(tx, "read the account", c -> Jdbc.queryOne(c,
                "SELECT " + SealedTable.USERS.select("") + " FROM users WHERE username = ?",
                ps -> ps.setString(1, username), this::user));
    }

    public List<User> list() {
        return Jdbc.run(tx, "read the accounts", c -> Jdbc.query(c,
                "SELECT " + SealedTable.USERS.select("") + " FROM users ORDER BY username", ps -> { }, this::user));
    }

    public void setEnabled(String username, boolean enabled) {
        tx.requireWritable();
        Jdbc.run(tx, "change the account", c -> Jdbc.updateSealed(c, tx.seal(), SealedTable.USERS, username,
                "UPDATE users SET enabled = ? WHERE username = ?", ps -> {
            ps.setBoolean(1, enabled);
            ps.setString(2, username);
        }));
    }

    /** How many enabled accounts have the administrator role. */
    public long enabledAdmins() {
        return Jdbc.run(tx, "read the accounts", c -> Jdbc.queryOne(c,
                "SELECT COUNT(*) FROM users WHERE enabled AND role = 'ADMIN'", ps -> { }, rs -> rs.getLong(1)).orElse(0L));
    }

    private User user(ResultSet rs) throws SQLException {
        tx.seal().check(SealedTable.USERS, rs);
        return new User(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"));
    }
}
