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

/**
 * Issue 17: signing in to the 100,000-patient bench database spent 0.66 s of its 1.7 s finding the failed-login
 * record's anchor, because that lookup read the audit log backwards row by row (H2's plan: the primary key, scanCount
 * 100,400) — and a clinic's log only grows. Here the log holds a few thousand rows after the anchor and the lookups
 * made at every sign-in must read a handful of index entries (V17's audit_log_action).
 */
class SignInQueryPlanTest {
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
             PreparedStatement ps = c.prepareStatement(
                     "EXPLAIN ANALYZE SELECT 1 FROM audit_log WHERE action = 'AUDIT_ANCHORED' LIMIT 1")) {
            String plan = firstColumn(ps);
            assertThat(plan).contains("AUDIT_LOG_ACTION");
            assertThat(largestScanCount(plan)).as(plan).isLessThan(10);
        }
    }

    /** A real database with {@value #ROWS} login rows after two anchor rows (the chain is not the point here). */
    private Connection databaseWithALongAuditLog() throws Exception {
        Path data = dir.resolve("data");
        TestVaults.fast(data, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store().close();
        assertThat(Files.exists(data.resolve(DataDirectory.DB_FILE))).isTrue();
        Connection c = Fixtures.rawConnection(data, Fixtures.ADMIN, Fixtures.pw());
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
