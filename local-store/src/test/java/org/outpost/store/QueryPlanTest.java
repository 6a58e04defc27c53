package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.store.jdbc.JdbcAuditLog;
import org.outpost.store.jdbc.JdbcOutbox;

/**
 * Issue 17: queries that run at every sign-in or every few seconds must read what they need, not whole tables that
 * grow with the clinic. Measured on the 100,000-patient bench database:
 * <ul>
 *   <li>signing in spent 0.66 s of its 1.7 s finding the failed-login record's anchor, reading the audit log backwards
 *       row by row (H2's plan: the primary key, scanCount 100,400). Here the log holds a few thousand rows after the
 *       anchor and the lookup must read a handful of index entries (V17's audit_log_action);</li>
 *   <li>the sync indicator's outbox counts took 2.4 s cold and 0.4 s warm on the store's one thread (every entry
 *       joined to its patient, the table read twice), so the first search after sign-in waited 1.2 s. Here the outbox
 *       holds a few thousand entries, a few held back or failed, and the counts read only those (V18).</li>
 * </ul>
 */
class QueryPlanTest {
    private static final int ROWS = 3_000;
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @TempDir
    Path dir;

    @Test
    void theFailedLoginAnchorIsFoundThroughTheIndexNotByReadingTheLog() throws Exception {
        try (Connection c = databaseWithALongAuditLog()) {
            String plan;
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + FailedLoginLog.ANCHOR_QUERY)) {
                FailedLoginLog.bindAnchorActions(ps);
                plan = firstColumn(ps);
            }
            assertThat(plan).contains("AUDIT_LOG_ACTION");
            assertThat(largestScanCount(plan)).as(plan).isLessThan(10);

            // and it still finds the newest of them, not the first
            try (PreparedStatement ps = c.prepareStatement(FailedLoginLog.ANCHOR_QUERY)) {
                FailedLoginLog.bindAnchorActions(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(AuditAction.FAILED_LOGINS_MOVED.name());
                    assertThat(rs.getString(2)).isEqualTo("moved 2");
                }
            }
        }
    }

    @Test
    void whetherTheLogWasEverAnchoredIsAnIndexLookupToo() throws Exception {
        try (Connection c = databaseWithALongAuditLog();
             PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + JdbcAuditLog.WAS_ANCHORED)) {
            ps.setString(1, AuditAction.AUDIT_ANCHORED.name());
            String plan = firstColumn(ps);
            assertThat(plan).contains("AUDIT_LOG_ACTION");
            assertThat(largestScanCount(plan)).as(plan).isLessThan(10);
        }
    }

    @Test
    void theOutboxCountsReadOnlyTheEntriesTheyCount() throws Exception {
        try (Connection c = databaseWithALongOutbox()) {
            for (String sql : new String[] {JdbcOutbox.COUNT_HELD_BACK, JdbcOutbox.NEWEST_ERROR}) {
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
                    String plan = firstColumn(ps);
                    assertThat(largestScanCount(plan)).as(plan).isLessThan(20);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + JdbcOutbox.COUNT_ALL)) {
                assertThat(firstColumn(ps)).contains("direct lookup"); // H2 keeps the row count: no row is read
            }
            try (ResultSet rs = c.createStatement().executeQuery(JdbcOutbox.COUNT_HELD_BACK)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
            try (ResultSet rs = c.createStatement().executeQuery(JdbcOutbox.NEWEST_ERROR)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("server answered 503 (newest)");
            }
        }
    }

    /**
     * A real database with {@value #ROWS} consenting patients, each with an outbox entry: three held back, five sent
     * and failed (the newest error last), the rest never tried — as after a bulk registration.
     */
    private Connection databaseWithALongOutbox() throws Exception {
        Connection c = freshDatabase();
        OffsetDateTime t0 = OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        try (PreparedStatement patient = c.prepareStatement("INSERT INTO patients (id, mrn, family_name, given_name,"
                + " family_folded, given_folded, sex, birth_date, consent, consent_genotypes, consent_recorded_by,"
                + " consent_recorded_at, created_at, updated_at) VALUES (?, ?, 'Doe', 'Jo', 'doe', 'jo', 'FEMALE',"
                + " DATE '1970-01-01', 'GIVEN', FALSE, 'admin', ?, ?, ?)");
             PreparedStatement entry = c.prepareStatement("INSERT INTO outbox (patient_id, generation, first_changed_at,"
                + " changed_at, attempts, last_attempt_at, last_error, held_back_reason, held_back_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                java.util.UUID id = java.util.UUID.randomUUID();
                patient.setObject(1, id);
                patient.setString(2, "QP-" + i);
                patient.setObject(3, t0);
                patient.setObject(4, t0);
                patient.setObject(5, t0);
                patient.addBatch();
                boolean held = i % 1000 == 1;
                boolean failed = i % 600 == 2;
                entry.setObject(1, id);
                entry.setLong(2, i + 1);
                entry.setObject(3, t0);
                entry.setObject(4, t0);
                entry.setInt(5, failed ? 1 : 0);
                entry.setObject(6, failed ? t0.plusMinutes(i) : null);
                entry.setString(7, failed ? "server answered 503" + (i == 2402 ? " (newest)" : "") : null);
                entry.setString(8, held ? "group smaller than k=5" : null);
                entry.setObject(9, held ? t0 : null);
                entry.addBatch();
            }
            patient.executeBatch();
            entry.executeBatch();
        }
        return c;
    }

    private Connection freshDatabase() throws Exception {
        Path data = dir.resolve("data");
        TestVaults.fast(data, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store().close();
        assertThat(Files.exists(data.resolve(DataDirectory.DB_FILE))).isTrue();
        return Fixtures.rawConnection(data, Fixtures.ADMIN, Fixtures.pw());
    }

    /** A real database with {@value #ROWS} login rows after two anchor rows (the chain is not the point here). */
    private Connection databaseWithALongAuditLog() throws Exception {
        Connection c = freshDatabase();
        long seq;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT MAX(seq) FROM audit_log")) {
            rs.next();
            seq = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, at, username, action, detail,"
                + " prev_hash, hash) VALUES (?, ?, 'admin', ?, ?, ?, ?)")) {
            for (int i = 0; i < ROWS + 2; i++) {
                boolean anchor = i < 2;
                ps.setLong(1, ++seq);
                ps.setObject(2, OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC).plusMinutes(i));
                ps.setString(3, (anchor ? AuditAction.FAILED_LOGINS_MOVED : AuditAction.LOGIN_OK).name());
                ps.setString(4, anchor ? "moved " + (i + 1) : "");
                ps.setString(5, "0".repeat(64));
                ps.setString(6, "0".repeat(64));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return c;
    }

    private static String firstColumn(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long largestScanCount(String plan) {
        Matcher m = SCAN_COUNT.matcher(plan);
        long largest = -1;
        while (m.find()) {
            largest = Math.max(largest, Long.parseLong(m.group(1)));
        }
        assertThat(largest).as("scan counts in " + plan).isNotNegative();
        return largest;
    }
}
