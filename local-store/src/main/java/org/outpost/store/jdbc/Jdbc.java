package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Small JDBC helpers shared by the repositories. */
final class Jdbc {
    private Jdbc() {
    }

    /** Work against a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Binds parameters of a prepared statement. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    static <T> T run(Tx tx, String action, SqlWork<T> work) {
        try {
            return work.run(tx.connection());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, action);
        }
    }

    /**
     * {@link #run} for a write that changes what {@code patient}'s de-identified summary holds: after the work, in
     * the same transaction, their outbox entry is raised ({@link JdbcOutbox}), so no such write can forget it.
     */
    static <T> T runChanging(Tx tx, String action, UUID patient, SqlWork<T> work) {
        return run(tx, action, c -> {
            T result = work.run(c);
            JdbcOutbox.changed(tx, c, patient, false);
            return result;
        });
    }

    static <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    static <T> Optional<T> queryOne(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        List<T> rows = query(c, sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst());
    }

    static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    /**
     * Runs an insert or update of one row of a single-key {@code table}, then seals that row as stored
     * ({@link RowSeal#reseal}); returns the update count.
     */
    static int updateSealed(Connection c, RowSeal seal, SealedTable table, Object key, String sql, Binder binder)
            throws SQLException {
        int n = update(c, sql, binder);
        seal.reseal(c, table, table.key().getFirst() + " = ?", key);
        return n;
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Instant.class);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** Escapes LIKE wildcards so user text matches literally (escape character is backslash). */
    static String likePrefix(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 1);
        for (char ch : text.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '\\') {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.append('%').toString();
    }
}
