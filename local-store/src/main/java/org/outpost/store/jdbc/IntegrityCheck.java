package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.domain.IntegrityReport;
import org.outpost.app.domain.IntegrityReport.TablePart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full check behind {@code outpost admin verify}: reads every row of every table (each sealed row against
 * its MAC, every column of the others), every entry of every secondary index (through the index, compared
 * with the table's row count), and the audit chain. Reading every table and index reads every live page of
 * the file: a flipped byte in a page H2 needs shows up either as a row whose MAC fails, as H2 failing to read
 * (reported as unreadable, never as intact), or as an index that disagrees with its table. Bytes flipped in
 * dead space (old chunks H2 no longer reads) harm nothing and are not found.
 */
public final class IntegrityCheck {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrityCheck.class);

    private IntegrityCheck() {
    }

    /** Runs the check in {@code tx}'s snapshot; the audit chain comes from {@code audit}. */
    public static IntegrityReport run(Tx tx, java.util.function.Supplier<AuditVerification> audit) {
        Connection c = tx.connection();
        List<TablePart> parts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!tx.seal().active()) {
            throw new IllegalStateException("The integrity check needs the row key");
        }
        try {
            if (!RowSeals.isSealed(c)) {
                problems.add("rows written before this version have not been sealed yet (unlock once to seal them)");
            }
        } catch (SQLException | RuntimeException e) {
            problems.add("the row seal state could not be read (" + reason(e) + ")");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        Set<String> sealed = EnumSet.allOf(SealedTable.class).stream()
                .map(t -> t.table().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        long start = System.nanoTime();
        for (SealedTable t : SealedTable.values()) {
            TablePart part = sealedTable(c, tx.seal(), t);
            counts.put(t.table().toUpperCase(Locale.ROOT), part.rows());
            parts.add(part);
        }
        long sealedDone = System.nanoTime();
        Map<String, List<String>> indexes = new TreeMap<>();
        try {
            for (String table : tables(c)) {
                if (!sealed.contains(table)) {
                    TablePart part = plainTable(c, table);
                    counts.put(table, part.rows());
                    parts.add(part);
                }
            }
            indexes.putAll(indexColumns(c));
        } catch (SQLException | RuntimeException e) {
            problems.add("the list of tables could not be read (" + reason(e) + ")");
        }
        long plainDone = System.nanoTime();
        for (Map.Entry<String, List<String>> index : indexes.entrySet()) {
            String[] tableAndIndex = index.getKey().split("\\.", 2);
            parts.add(index(c, tableAndIndex[0], tableAndIndex[1], index.getValue(), counts.get(tableAndIndex[0])));
        }
        long indexesDone = System.nanoTime();
        AuditVerification chain;
        try {
            chain = audit.get();
        } catch (RuntimeException e) {
            chain = AuditVerification.broken(0, 1, "the audit log could not be read (" + reason(e) + ")");
        }
        LOG.debug("Integrity check: sealed tables {} ms, other tables {} ms, indexes {} ms, audit chain {} ms",
                (sealedDone - start) / 1_000_000, (plainDone - sealedDone) / 1_000_000,
                (indexesDone - plainDone) / 1_000_000, (System.nanoTime() - indexesDone) / 1_000_000);
        return new IntegrityReport(parts, chain, problems);
    }

    private static TablePart sealedTable(Connection c, RowSeal seal, SealedTable t) {
        long rows = 0;
        long damaged = 0;
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + t.select("") + " FROM " + t.table())) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    if (!seal.matches(t, rs)) {
                        damaged++;
                        if (ids.size() < IntegrityReport.MAX_LISTED_ROWS) {
                            ids.add(RowSeal.rowId(t, rs));
                        }
                    }
                }
            }
            return new TablePart(t.table(), rows, damaged, ids, "");
        } catch (SQLException | RuntimeException e) {
            return new TablePart(t.table(), rows, damaged, ids, reason(e));
        }
    }

    /** Every column of every row, so every page of the table is decrypted and decoded. */
    private static TablePart plainTable(Connection c, String table) {
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + quote(table))) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    rows++;
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                }
            }
            return new TablePart(table.toLowerCase(Locale.ROOT), rows, 0, List.of(), "");
        } catch (SQLException | RuntimeException e) {
            return new TablePart(table.toLowerCase(Locale.ROOT), rows, 0, List.of(), reason(e));
        }
    }

    /** Every entry of one secondary index, read through it; its count must equal the table's. */
    private static TablePart index(Connection c, String table, String index, List<String> columns, Long tableRows) {
        String name = table.toLowerCase(Locale.ROOT) + " index " + index.toLowerCase(Locale.ROOT);
        String cols = columns.stream().map(IntegrityCheck::quote).collect(Collectors.joining(", "));
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM " + quote(table) + " USE INDEX ("
                + quote(index) + ") ORDER BY " + cols)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                while (rs.next()) {
                    rows++;
                    for (int i = 1; i <= n; i++) {
                        rs.getObject(i);
                    }
                }
            }
            if (tableRows != null && tableRows != rows) {
                return new TablePart(name, rows, 0, List.of(),
                        "holds " + rows + " entries for " + tableRows + " rows");
            }
            return new TablePart(name, rows, 0, List.of(), "");
        } catch (SQLException | RuntimeException e) {
            return new TablePart(name, rows, 0, List.of(), reason(e));
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** "table.INDEX" → its columns in order, for every index of the public schema. */
    private static Map<String, List<String>> indexColumns(Connection c) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME "
                + "FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' "
                + "ORDER BY TABLE_NAME, INDEX_NAME, ORDINAL_POSITION");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
            }
        }
        return out;
    }

    /** Quotes a name exactly as the schema stores it. */
    private static String quote(String stored) {
        return '"' + stored.replace("\"", "\"\"") + '"';
    }

    /** Why H2 could not read: the exception type and H2's error code, never values. */
    private static String reason(Exception e) {
        LOG.warn("Integrity check could not read part of the database: {}", e.getClass().getName());
        if (e instanceof SQLException sql) {
            return "H2 error " + sql.getErrorCode();
        }
        return e.getClass().getSimpleName();
    }
}
