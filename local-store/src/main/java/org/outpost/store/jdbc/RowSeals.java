package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.RowKey;

/**
 * Sealing rows in bulk: once after migration V6 (rows written before row MACs existed; Flyway cannot do it,
 * it has no key), and after a change of data key ({@link #resealAll}). Pages through each table by H2's
 * {@code _ROWID_} in batches of {@value #BATCH}, committing each, so a large database needs neither one huge
 * transaction nor all its rows in memory; resealing is idempotent, so an interrupted run is finished by the
 * next unlock. {@code row_seal_state.sealed} turns TRUE at the end: from then on a row without a MAC is damaged.
 * After sealing, the free-text allergies of V1 are moved to the tables of V8 ({@link LegacyAllergies}), and a
 * database without a pseudonym secret (V11) gets one ({@link JdbcSyncSettings#ensureSiteSecret}), and names folded
 * by an older rule are folded again with their search tables ({@link NameFolding}).
 */
public final class RowSeals {
    static final int BATCH = 5_000;

    private RowSeals() {
    }

    /**
     * Called by the vault right after migrating, on its writer connection (auto-commit off): seals the rows
     * that predate V6 (once; audited as {@code ROWS_SEALED} with the count, by {@code username}, who has just
     * proven a key slot), and returns a write scope that seals and checks rows.
     */
    public static Tx afterMigrate(Connection c, DataKey key, Clock clock, String username) throws SQLException {
        RowSeal seal;
        try (RowKey rowKey = RowKey.of(c)) {
            seal = RowSeal.under(rowKey);
        }
        Tx tx = new Tx(c, clock, true, seal);
        if (!isSealed(c)) {
            long n = 0;
            for (SealedTable t : SealedTable.values()) {
                n += sealWhere(c, seal, t, RowSeal.COLUMN + " IS NULL");
            }
            Jdbc.update(c, "UPDATE row_seal_state SET sealed = TRUE WHERE id = 1", ps -> { });
            // a database created by this version holds nothing older than V6 but its site secret: no audit row
            boolean upgraded = Jdbc.queryOne(c, "SELECT last_seq FROM audit_head WHERE id = 1", ps -> { },
                    rs -> rs.getLong(1)).orElse(0L) > 0;
            if (upgraded) {
                new JdbcAuditLog(tx).append(new AuditEvent(clock.instant(), username, AuditAction.ROWS_SEALED,
                        Optional.empty(), n + " rows"));
            }
            c.commit();
        }
        LegacyAllergies.upgrade(c, seal);
        NameFolding.upgrade(c, seal);
        if (JdbcSyncSettings.ensureSiteSecret(c, seal, clock.instant())) {
            c.commit();
        }
        return tx;
    }

    /** Recomputes every row's MAC under {@code seal} (after the data key changed); returns how many. */
    public static long resealAll(Connection c, RowSeal seal) throws SQLException {
        long n = 0;
        for (SealedTable t : SealedTable.values()) {
            n += sealWhere(c, seal, t, "TRUE");
        }
        return n;
    }

    /** Seals every row of one table afresh (a restore puts today's accounts into the restored database). */
    public static long resealTable(Connection c, SealedTable table) throws SQLException {
        try (RowKey rowKey = RowKey.of(c)) {
            return sealWhere(c, RowSeal.under(rowKey), table, "TRUE");
        }
    }

    /** Whether the rows that predate V6 have been sealed. */
    static boolean isSealed(Connection c) throws SQLException {
        return Jdbc.queryOne(c, "SELECT sealed FROM row_seal_state WHERE id = 1", ps -> { }, rs -> rs.getBoolean(1))
                .orElse(false);
    }

    private static long sealWhere(Connection c, RowSeal seal, SealedTable t, String where) throws SQLException {
        long n = 0;
        long after = Long.MIN_VALUE;
        String select = "SELECT _ROWID_, " + t.select("") + " FROM " + t.table() + " WHERE _ROWID_ > ? AND ("
                + where + ") ORDER BY _ROWID_ FETCH FIRST " + BATCH + " ROWS ONLY";
        while (true) {
            List<long[]> ids = new ArrayList<>();
            List<byte[]> macs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(new long[] {rs.getLong(1)});
                        macs.add(seal.compute(t, rs));
                    }
                }
            }
            if (ids.isEmpty()) {
                return n;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + t.table() + " SET " + RowSeal.COLUMN + " = ? WHERE _ROWID_ = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setBytes(1, macs.get(i));
                    ps.setLong(2, ids.get(i)[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            n += ids.size();
            after = ids.getLast()[0];
        }
    }
}
