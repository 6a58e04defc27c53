package org.outpost.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import javax.crypto.Mac;
import org.outpost.app.port.DamagedRecordException;
import org.outpost.store.keys.RowKey;

/**
 * Seals and checks rows of the {@link SealedTable}s: {@code row_mac = HMAC-SHA256(row key, table name, then per
 * column its name, a type tag and its value)}. H2's {@code CIPHER=AES} does not authenticate pages, so a flipped
 * byte inside a value decrypts to a different value silently; the MAC turns that into a
 * {@link DamagedRecordException} when the row is read. Names and values are length-prefixed, so moving a
 * value to another column or row changes the MAC; the table name is covered, so a row copied into another
 * table fails too.
 *
 * <p>Writes seal by reading the written rows back ({@link #reseal}) in the same transaction, so the MAC
 * covers exactly what H2 stored (generated {@code seq} values, instants as H2 returns them). One instance per
 * transaction: it holds a {@link Mac}, which is not thread-safe. {@link #unchecked()} is for code that
 * reads without the data key (tests of migrations); it neither seals nor checks.
 */
public final class RowSeal {
    /** The column holding each row's MAC (V6). */
    public static final String COLUMN = "row_mac";

    private final Mac mac;

    private RowSeal(Mac mac) {
        this.mac = mac;
    }

    /** Seals and checks under {@code key}. */
    public static RowSeal under(RowKey key) {
        return new RowSeal(key.newMac());
    }

    /** Neither seals nor checks: only for reading without the key (tests, migrations). */
    public static RowSeal unchecked() {
        return new RowSeal(null);
    }

    /** False for {@link #unchecked()}. */
    public boolean active() {
        return mac != null;
    }

    /** The MAC of the result set's current row, which must hold every column of {@code table}. */
    public byte[] compute(SealedTable table, ResultSet rs) throws SQLException {
        mac.reset();
        put(table.table().getBytes(StandardCharsets.UTF_8));
        for (String column : table.columns()) {
            Object value = normalised(rs.getObject(column));
            if (value == null && table.addedLater(column)) {
                continue;
            }
            put(column.getBytes(StandardCharsets.UTF_8));
            if (value == null) {
                mac.update((byte) 'N');
            } else {
                mac.update(tag(value));
                put(canonical(value));
            }
        }
        return mac.doFinal();
    }

    /** True when the current row's stored MAC matches its values (a missing MAC does not). */
    public boolean matches(SealedTable table, ResultSet rs) throws SQLException {
        byte[] stored = rs.getBytes(COLUMN);
        return stored != null && MessageDigest.isEqual(stored, compute(table, rs));
    }

    /** Fails with {@link DamagedRecordException} unless the current row is intact; nothing when unchecked. */
    public void check(SealedTable table, ResultSet rs) throws SQLException {
        if (mac != null && !matches(table, rs)) {
            throw new DamagedRecordException(table.table(), rowId(table, rs));
        }
    }

    /** The current row's primary key as text ({@code a/b} for two columns): ids only, no patient data. */
    public static String rowId(SealedTable table, ResultSet rs) throws SQLException {
        StringJoiner id = new StringJoiner("/");
        for (String column : table.key()) {
            id.add(String.valueOf(rs.getObject(column)));
        }
        return id.toString();
    }

    /**
     * Recomputes and stores the MAC of every row of {@code table} matching {@code where} (SQL with {@code ?}
     * bound to {@code args}); returns how many. Call after each insert or update, in its transaction.
     */
    public int reseal(Connection c, SealedTable table, String where, Object... args) throws SQLException {
        if (mac == null) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + table.select("") + " FROM " + table.table() + " WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[table.key().size() + 1];
                    row[0] = compute(table, rs);
                    for (int k = 0; k < table.key().size(); k++) {
                        row[k + 1] = rs.getObject(table.key().get(k));
                    }
                    rows.add(row);
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        StringJoiner keyMatch = new StringJoiner(" AND ");
        table.key().forEach(k -> keyMatch.add(k + " = ?"));
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + table.table() + " SET " + COLUMN + " = ? WHERE " + keyMatch)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private void put(byte[] bytes) {
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
    }

    /** JDBC's legacy date types as java.time, so one stored value always has one encoding. */
    private static Object normalised(Object value) {
        return switch (value) {
            case java.sql.Date d -> d.toLocalDate();
            case java.sql.Timestamp t -> t.toInstant().toString();
            case null, default -> value;
        };
    }

    private static byte tag(Object value) {
        return switch (value) {
            case String s -> (byte) 'S';
            case UUID u -> (byte) 'U';
            case LocalDate d -> (byte) 'D';
            case OffsetDateTime t -> (byte) 'T';
            case Double d -> (byte) 'F';
            case Float f -> (byte) 'F';
            case Long l -> (byte) 'L';
            case Integer i -> (byte) 'I';
            case Boolean b -> (byte) 'B';
            case byte[] b -> (byte) 'X';
            default -> throw new IllegalStateException("No canonical encoding for " + value.getClass().getName());
        };
    }

    private static byte[] canonical(Object value) {
        return switch (value) {
            case byte[] b -> b;
            case Float f -> Double.toString(f.doubleValue()).getBytes(StandardCharsets.UTF_8);
            default -> value.toString().getBytes(StandardCharsets.UTF_8);
        };
    }
}
