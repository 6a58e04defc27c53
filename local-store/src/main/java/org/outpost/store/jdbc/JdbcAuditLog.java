package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditFilter;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.domain.PatientId;
import org.outpost.app.port.AuditLog;
import org.outpost.app.port.StoreException;

/**
 * The hash-chained audit log in {@code audit_log}, with the chain's newest link also kept in
 * {@code audit_head} so that deleting the newest rows is detected as well as editing or deleting any
 * other row. Appends run in the caller's write transaction, so an event is stored exactly when the
 * change it records is.
 */
public final class JdbcAuditLog implements AuditLog {
    /** Read at every sign-in: an index lookup (V17's audit_log_action), not a walk through the log. */
    public static final String WAS_ANCHORED = "SELECT 1 FROM audit_log WHERE action = ? LIMIT 1";
    private static final String COLUMNS = "seq, at, username, action, patient_id, detail, prev_hash, hash";

    private final Tx tx;

    public JdbcAuditLog(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public AuditEntry append(AuditEvent event) {
        tx.requireWritable();
        return Jdbc.run(tx, "write the audit log", c -> {
            record Head(long seq, String hash) { }
            Head head = Jdbc.queryOne(c, "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
                    ps -> { }, rs -> new Head(rs.getLong(1), rs.getString(2)))
                    .orElseThrow(() -> new StoreException(SqlErrors.DAMAGED));
            long seq = head.seq() + 1;
            String patient = event.patient().map(PatientId::toString).orElse(null);
            String hash = AuditHash.of(head.hash(), seq, event.at(), event.username(), event.action().name(), patient,
                    event.detail());
            Jdbc.update(c, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setLong(1, seq);
                ps.setObject(2, event.at());
                ps.setString(3, event.username());
                ps.setString(4, event.action().name());
                ps.setObject(5, event.patient().map(PatientId::value).orElse(null));
                ps.setString(6, event.detail());
                ps.setString(7, head.hash());
                ps.setString(8, hash);
            });
            Jdbc.update(c, "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", ps -> {
                ps.setLong(1, seq);
                ps.setString(2, hash);
            });
            tx.auditAppended(seq, hash);
            return new AuditEntry(seq, event, head.hash(), hash);
        });
    }

    /**
     * Appends {@code events} in order, chained exactly as {@link #append} called once per event would chain them,
     * with one read of the head, one batch of inserts and one update of the head (bulk loads, {@link BulkLoad}).
     */
    public void appendAll(List<AuditEvent> events) {
        tx.requireWritable();
        if (events.isEmpty()) {
            return;
        }
        Jdbc.run(tx, "write the audit log", c -> {
            ChainHead head = Jdbc.queryOne(c, "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
                    ps -> { }, rs -> new ChainHead(rs.getLong(1), rs.getString(2)))
                    .orElseThrow(() -> new StoreException(SqlErrors.DAMAGED));
            long seq = head.seq();
            String previous = head.hash();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEvent event : events) {
                    seq++;
                    String patient = event.patient().map(PatientId::toString).orElse(null);
                    String hash = AuditHash.of(previous, seq, event.at(), event.username(), event.action().name(),
                            patient, event.detail());
                    ps.setLong(1, seq);
                    ps.setObject(2, event.at());
                    ps.setString(3, event.username());
                    ps.setString(4, event.action().name());
                    ps.setObject(5, event.patient().map(PatientId::value).orElse(null));
                    ps.setString(6, event.detail());
                    ps.setString(7, previous);
                    ps.setString(8, hash);
                    ps.addBatch();
                    previous = hash;
                }
                ps.executeBatch();
            }
            long last = seq;
            String lastHash = previous;
            Jdbc.update(c, "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", ps -> {
                ps.setLong(1, last);
                ps.setString(2, lastHash);
            });
            tx.auditAppended(last, lastHash);
            return null;
        });
    }

    @Override
    public List<AuditEntry> newest(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return Jdbc.run(tx, "read the audit log", c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT ?", ps -> ps.setInt(1, limit),
                JdbcAuditLog::entry));
    }

    /**
     * One query: the audit rows matching the filter joined to their account and patient, walking the primary key
     * backwards from {@code beforeSeq} (keyset paging, so a late page costs what the first does). Every value is a
     * parameter; the patient words are matched with LIKE after escaping its wildcards, so "O'Brien" or "%" match
     * themselves and nothing more. The patient part is a sub-select on the patients table, which the log's
     * {@code audit_log_patient} index then joins.
     */
    @Override
    public List<AuditRow> find(AuditFilter filter, long beforeSeq, int limit) {
        Objects.requireNonNull(filter, "filter");
        if (limit <= 0) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(beforeSeq);
        String where = where(filter, args);
        args.add(limit);
        String sql = "SELECT a.seq, a.at, a.username, a.action, a.patient_id, a.detail, a.prev_hash, a.hash,"
                + " u.display_name, u.role, p.mrn, p.family_name, p.given_name"
                + " FROM audit_log a LEFT JOIN users u ON u.username = a.username"
                + " LEFT JOIN patients p ON p.id = a.patient_id"
                + " WHERE a.seq < ?" + where + " ORDER BY a.seq DESC LIMIT ?";
        return Jdbc.run(tx, "read the audit log", c -> Jdbc.query(c, sql, ps -> bind(ps, args), rs -> {
            AuditEntry entry = entry(rs);
            String role = rs.getString("role");
            String mrn = rs.getString("mrn");
            return new AuditRow(entry, Optional.ofNullable(rs.getString("display_name")),
                    Optional.ofNullable(role).map(Role::valueOf), Optional.ofNullable(mrn).map(Mrn::new),
                    mrn == null ? Optional.empty()
                            : Optional.of(AuditRow.name(rs.getString("family_name"), rs.getString("given_name"))));
        }));
    }

    @Override
    public long count(AuditFilter filter) {
        Objects.requireNonNull(filter, "filter");
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        // without conditions H2 answers COUNT(*) from the table's row count instead of reading every row
        String sql = "SELECT COUNT(*) FROM audit_log a" + (where.isEmpty() ? "" : " WHERE TRUE" + where);
        return Jdbc.run(tx, "read the audit log", c -> Jdbc.queryOne(c, sql, ps -> bind(ps, args),
                rs -> rs.getLong(1)).orElse(0L));
    }

    /** The filter's conditions on {@code audit_log a}, each starting with " AND", their values added to args. */
    private static String where(AuditFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder();
        filter.username().ifPresent(u -> {
            where.append(" AND a.username = ?");
            args.add(u);
        });
        filter.action().ifPresent(a -> {
            where.append(" AND a.action = ?");
            args.add(a.name());
        });
        filter.from().ifPresent(f -> {
            where.append(" AND a.at >= ?");
            args.add(f);
        });
        filter.until().ifPresent(u -> {
            where.append(" AND a.at < ?");
            args.add(u);
        });
        if (filter.patientText().isPresent()) {
            where.append(" AND a.patient_id IN (SELECT p2.id FROM patients p2 WHERE TRUE");
            for (String word : filter.patientWords()) {
                where.append(" AND (p2.mrn LIKE ? ESCAPE '\\' OR p2.family_folded LIKE ? ESCAPE '\\'"
                        + " OR p2.given_folded LIKE ? ESCAPE '\\')");
                args.add("%" + Jdbc.likePrefix(word.toUpperCase(Locale.ROOT)));
                args.add("%" + Jdbc.likePrefix(word));
                args.add("%" + Jdbc.likePrefix(word));
            }
            where.append(')');
        }
        return where.toString();
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    @Override
    public AuditVerification verify() {
        return Jdbc.run(tx, "verify the audit log", JdbcAuditLog::walk);
    }

    private static AuditVerification walk(Connection c) throws SQLException {
        long rows = 0;
        long expected = 1;
        String previous = AuditHash.GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    long seq = rs.getLong("seq");
                    if (seq != expected) {
                        return AuditVerification.broken(rows, expected,
                                "Audit row " + expected + " is missing (deleted)");
                    }
                    String prevHash = rs.getString("prev_hash");
                    if (!previous.equals(prevHash)) {
                        return AuditVerification.broken(rows, seq,
                                "Audit row " + seq + " does not link to the row before it");
                    }
                    UUID patient = rs.getObject("patient_id", UUID.class);
                    String computed = AuditHash.of(prevHash, seq, Jdbc.instant(rs, "at"), rs.getString("username"),
                            rs.getString("action"), patient == null ? null : patient.toString(), rs.getString("detail"));
                    String stored = rs.getString("hash");
                    if (!computed.equals(stored)) {
                        return AuditVerification.broken(rows, seq,
                                "Audit row " + seq + " was changed after it was written");
                    }
                    previous = stored;
                    expected++;
                }
            }
        }
        long last = expected - 1;
        final String lastHash = previous;
        Optional<AuditVerification> headProblem = Jdbc.queryOne(c, "SELECT last_seq, last_hash FROM audit_head WHERE id = 1",
                ps -> { }, rs -> {
                    long headSeq = rs.getLong(1);
                    if (headSeq > last) {
                        return AuditVerification.broken(0, last + 1, "Audit rows after " + last + " are missing (deleted)");
                    }
                    if (headSeq < last) {
                        return AuditVerification.broken(0, headSeq + 1,
                                "Audit row " + (headSeq + 1) + " was added outside the audit log");
                    }
                    if (!lastHash.equals(rs.getString(2))) {
                        return AuditVerification.broken(0, last, "Audit row " + last + " does not match the chain's head");
                    }
                    return null;
                });
        if (headProblem.isPresent()) {
            AuditVerification p = headProblem.get();
            return AuditVerification.broken(rows, p.firstBroken().getAsLong(), p.reason());
        }
        return AuditVerification.ok(rows);
    }

    /** The chain's head as {@code audit_head} holds it. */
    public ChainHead head() {
        return Jdbc.run(tx, "read the audit log", c -> Jdbc.queryOne(c,
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1", ps -> { },
                rs -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .orElseThrow(() -> new StoreException(SqlErrors.DAMAGED)));
    }

    /** The stored hash of row {@code seq}, if the log has that row. */
    public Optional<String> hashAt(long seq) {
        return Jdbc.run(tx, "read the audit log", c -> Jdbc.queryOne(c, "SELECT hash FROM audit_log WHERE seq = ?",
                ps -> ps.setLong(1, seq), rs -> rs.getString(1)));
    }

    /** True when some row records that the log was anchored outside the database. */
    public boolean wasEverAnchored() {
        return Jdbc.run(tx, "read the audit log", c -> Jdbc.queryOne(c, WAS_ANCHORED,
                ps -> ps.setString(1, AuditAction.AUDIT_ANCHORED.name()), rs -> true).orElse(false));
    }

    @Override
    public long count() {
        return Jdbc.run(tx, "read the audit log", c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM audit_log", ps -> { },
                rs -> rs.getLong(1)).orElse(0L));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        UUID patient = rs.getObject("patient_id", UUID.class);
        Instant at = Jdbc.instant(rs, "at");
        AuditAction action;
        try {
            action = AuditAction.valueOf(rs.getString("action"));
        } catch (IllegalArgumentException e) {
            throw new StoreException("The audit log has an entry this version of Outpost does not know; update Outpost");
        }
        AuditEvent event = new AuditEvent(at, rs.getString("username"), action,
                Optional.ofNullable(patient).map(PatientId::new), rs.getString("detail"));
        return new AuditEntry(rs.getLong("seq"), event, rs.getString("prev_hash"), rs.getString("hash"));
    }
}
