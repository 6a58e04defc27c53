package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.PatientId;
import org.outpost.app.port.Outbox;
import org.outpost.app.port.StoreException;
import org.outpost.app.sharing.OutboxCounts;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.sharing.SentSummary;

/**
 * The outbox in table {@code outbox} (V11), one row per patient, and what was last sent in {@code sent_summaries}
 * (sealed). The repositories that change what a summary holds call {@link #changed(Tx, Connection, UUID, boolean)}
 * from inside their own write, so the entry is in the change's transaction and no caller can forget it; a
 * transaction raises a patient's entry once however many rows it writes for them (a transaction is one change).
 * A raise takes the next value of the sequence {@code outbox_generation}, so generations are unique and only grow,
 * and {@link #confirmed} deletes the row only while it still holds the generation the sync run read.
 *
 * <p>Only patients whose consent is given get a row; a change for anyone else removes any row they had (their
 * consent was changed by a plain patient update). {@link #pending} checks the consent again, so no row of a
 * patient without consent is ever handed out. Errors and reasons are cut to their columns (500 characters); they
 * must hold no patient data, which the caller sees to.
 */
public final class JdbcOutbox implements Outbox {
    /** Width of {@code last_error} and {@code held_back_reason}. */
    static final int MAX_TEXT = 500;

    private static final String ENTRY_COLUMNS = "o.patient_id, o.generation, o.first_changed_at, o.changed_at, o.attempts, "
            + "o.last_attempt_at, o.held_back_reason, o.last_error";
    private static final String GIVEN = " JOIN patients p ON p.id = o.patient_id WHERE p.consent = '"
            + Consent.GIVEN.name() + "'";

    /*
     * The counts the sync indicator reads after sign-in, after sync events and every 30 s, on the store's one thread: each reads only what it counts
     * (issue 17; V18's indexes), never the whole outbox. No join to the patients' consent as pending() makes: only
     * consenting patients have a row (see above), so the total is COUNT(*), which H2 answers without reading rows
     * (a row written around the store for someone else is counted, and still never handed out by pending()).
     * H2 uses an index for a range ("'>= ''", ">= the year 1") but not for "IS NOT NULL"; both exclude NULL.
     */
    public static final String COUNT_ALL = "SELECT COUNT(*) FROM outbox";
    public static final String COUNT_HELD_BACK = "SELECT COUNT(*) FROM outbox WHERE held_back_reason >= ''";
    public static final String NEWEST_ERROR = "SELECT last_error, last_attempt_at FROM outbox "
            + "WHERE last_attempt_at >= TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00Z' AND last_error IS NOT NULL "
            + "ORDER BY last_attempt_at DESC FETCH FIRST 1 ROW ONLY";

    private final Tx tx;

    public JdbcOutbox(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    /**
     * The patient's summary changed in {@code tx}: raises their entry if their consent is given, drops it if not
     * (once per transaction and patient). {@code consentMayHaveChanged} is true for writes of the patient row itself,
     * which re-reads the consent even if this transaction raised the entry before.
     */
    static void changed(Tx tx, Connection c, UUID patient, boolean consentMayHaveChanged) throws SQLException {
        if (consentMayHaveChanged) {
            tx.outboxForget(patient);
        } else if (tx.outboxHandled(patient)) {
            return;
        }
        Optional<String> consent = Jdbc.queryOne(c, "SELECT consent FROM patients WHERE id = ?",
                ps -> ps.setObject(1, patient), rs -> rs.getString(1));
        if (consent.isEmpty()) {
            return; // no such patient: the write itself fails on its foreign key
        }
        if (!consent.get().equals(Consent.GIVEN.name())) {
            Jdbc.update(c, "DELETE FROM outbox WHERE patient_id = ?", ps -> ps.setObject(1, patient));
            tx.outboxHandle(patient);
            return;
        }
        Instant now = tx.now();
        int raised = Jdbc.update(c, "UPDATE outbox SET generation = NEXT VALUE FOR outbox_generation, changed_at = ? "
                + "WHERE patient_id = ?", ps -> {
                    ps.setObject(1, now);
                    ps.setObject(2, patient);
                });
        if (raised == 0) {
            Jdbc.update(c, "INSERT INTO outbox (patient_id, generation, first_changed_at, changed_at) "
                    + "VALUES (?, NEXT VALUE FOR outbox_generation, ?, ?)", ps -> {
                        ps.setObject(1, patient);
                        ps.setObject(2, now);
                        ps.setObject(3, now);
                    });
        }
        tx.outboxHandle(patient);
    }

    /** {@link #changed(Tx, Connection, UUID, boolean)} for the patient of a medication list entry. */
    /**
     * {@link #changed(Tx, Connection, UUID, boolean)} for many patients at once, in three set-based statements
     * ({@link BulkLoad}): entries of patients without consent are dropped, those of consenting patients raised (a
     * new row if they had none). Patients this transaction already dealt with are skipped unless
     * {@code consentMayHaveChanged}.
     */
    static void changedAll(Tx tx, Connection c, java.util.Collection<UUID> patients, boolean consentMayHaveChanged)
            throws SQLException {
        UUID[] all = patients.stream().distinct()
                .filter(p -> consentMayHaveChanged || !tx.outboxHandled(p)).toArray(UUID[]::new);
        Instant now = tx.now();
        // H2 finds each key of "= ANY(?)" through the index but then checks it against the whole array: small chunks
        for (int from = 0; from < all.length; from += BulkLoad.CHUNK) {
            UUID[] ids = java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + BulkLoad.CHUNK));
            Jdbc.update(c, "DELETE FROM outbox o WHERE o.patient_id = ANY(?) AND EXISTS (SELECT 1 FROM patients p "
                    + "WHERE p.id = o.patient_id AND p.consent <> ?)", ps -> {
                        ps.setObject(1, ids);
                        ps.setString(2, Consent.GIVEN.name());
                    });
            Jdbc.update(c, "UPDATE outbox SET generation = NEXT VALUE FOR outbox_generation, changed_at = ? "
                    + "WHERE patient_id = ANY(?)", ps -> {
                        ps.setObject(1, now);
                        ps.setObject(2, ids);
                    });
            Jdbc.update(c, "INSERT INTO outbox (patient_id, generation, first_changed_at, changed_at) SELECT p.id, "
                    + "NEXT VALUE FOR outbox_generation, ?, ? FROM patients p WHERE p.id = ANY(?) AND p.consent = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.patient_id = p.id)", ps -> {
                        ps.setObject(1, now);
                        ps.setObject(2, now);
                        ps.setObject(3, ids);
                        ps.setString(4, Consent.GIVEN.name());
                    });
        }
        for (UUID id : all) {
            tx.outboxHandle(id);
        }
    }

    static void medicationChanged(Tx tx, Connection c, UUID medication) throws SQLException {
        Optional<UUID> patient = Jdbc.queryOne(c, "SELECT patient_id FROM medications WHERE id = ?",
                ps -> ps.setObject(1, medication), rs -> Jdbc.uuid(rs, "patient_id"));
        if (patient.isPresent()) {
            changed(tx, c, patient.get(), false);
        }
    }

    /** {@link #changed(Tx, Connection, UUID, boolean)} for the patient of a medication order. */
    static void orderChanged(Tx tx, Connection c, UUID order) throws SQLException {
        Optional<UUID> patient = Jdbc.queryOne(c, "SELECT patient_id FROM medication_orders WHERE id = ?",
                ps -> ps.setObject(1, order), rs -> Jdbc.uuid(rs, "patient_id"));
        if (patient.isPresent()) {
            changed(tx, c, patient.get(), false);
        }
    }

    @Override
    public void changed(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        tx.requireWritable();
        Jdbc.run(tx, "queue the summary", c -> {
            changed(tx, c, patient.value(), false);
            return null;
        });
    }

    @Override
    public int changedAll() {
        tx.requireWritable();
        Instant now = tx.now();
        int n = Jdbc.run(tx, "queue every summary", c -> Jdbc.update(c, "MERGE INTO outbox o USING (SELECT id FROM "
                + "patients WHERE consent = ?) p ON o.patient_id = p.id "
                + "WHEN MATCHED THEN UPDATE SET generation = NEXT VALUE FOR outbox_generation, changed_at = ? "
                + "WHEN NOT MATCHED THEN INSERT (patient_id, generation, first_changed_at, changed_at) "
                + "VALUES (p.id, NEXT VALUE FOR outbox_generation, ?, ?)", ps -> {
                    ps.setString(1, Consent.GIVEN.name());
                    ps.setObject(2, now);
                    ps.setObject(3, now);
                    ps.setObject(4, now);
                }));
        tx.outboxForgetAll();
        return n;
    }

    @Override
    public List<OutboxEntry> pending(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return Jdbc.run(tx, "read the outbox", c -> Jdbc.query(c, "SELECT " + ENTRY_COLUMNS + " FROM outbox o" + GIVEN
                + " ORDER BY CASE WHEN o.held_back_reason IS NULL THEN 0 ELSE 1 END, o.first_changed_at, o.patient_id"
                + " FETCH FIRST ? ROWS ONLY", ps -> ps.setInt(1, limit), JdbcOutbox::entry));
    }

    @Override
    public Optional<OutboxEntry> find(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        return Jdbc.run(tx, "read the outbox", c -> Jdbc.queryOne(c, "SELECT " + ENTRY_COLUMNS + " FROM outbox o"
                + GIVEN + " AND o.patient_id = ?", ps -> ps.setObject(1, patient.value()), JdbcOutbox::entry));
    }

    @Override
    public boolean confirmed(OutboxEntry entry, SentSummary sent) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(sent, "sent");
        if (!sent.patient().equals(entry.patient()) || sent.generation() != entry.generation()) {
            throw new IllegalArgumentException("The sent summary is not the one built for this outbox entry");
        }
        tx.requireWritable();
        UUID patient = entry.patient().value();
        return Jdbc.run(tx, "record what was sent", c -> {
            byte[] deflated = DeflatedText.deflate(sent.bundleJson());
            Jdbc.updateSealed(c, tx.seal(), SealedTable.SENT_SUMMARIES, patient, "MERGE INTO sent_summaries "
                    + "(patient_id, generation, bundle, bundle_deflated, sent_at) KEY (patient_id) "
                    + "VALUES (?, ?, NULL, ?, ?)", ps -> {
                        ps.setObject(1, patient);
                        ps.setLong(2, sent.generation());
                        ps.setBytes(3, deflated);
                        ps.setObject(4, sent.sentAt());
                    });
            boolean removed = Jdbc.update(c, "DELETE FROM outbox WHERE patient_id = ? AND generation = ?", ps -> {
                ps.setObject(1, patient);
                ps.setLong(2, entry.generation());
            }) == 1;
            if (removed) {
                tx.outboxForget(patient); // a later change in this transaction makes a new entry
            }
            return removed;
        });
    }

    @Override
    public void heldBack(OutboxEntry entry, String reason) {
        Objects.requireNonNull(entry, "entry");
        String text = cut(reason, "held back");
        tx.requireWritable();
        Instant now = tx.now();
        Jdbc.run(tx, "hold the summary back", c -> Jdbc.update(c, "UPDATE outbox SET held_back_reason = ?, "
                + "held_back_at = ? WHERE patient_id = ?", ps -> {
                    ps.setString(1, text);
                    ps.setObject(2, now);
                    ps.setObject(3, entry.patient().value());
                }));
    }

    @Override
    public void failed(OutboxEntry entry, String error) {
        Objects.requireNonNull(entry, "entry");
        String text = cut(error, "sending failed");
        tx.requireWritable();
        Instant now = tx.now();
        Jdbc.run(tx, "note the failed sending", c -> Jdbc.update(c, "UPDATE outbox SET attempts = attempts + 1, "
                + "last_attempt_at = ?, last_error = ?, held_back_reason = NULL, held_back_at = NULL "
                + "WHERE patient_id = ?", ps -> {
                    ps.setObject(1, now);
                    ps.setString(2, text);
                    ps.setObject(3, entry.patient().value());
                }));
    }

    @Override
    public int drop(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        tx.requireWritable();
        tx.outboxForget(patient.value());
        return Jdbc.run(tx, "drop the pending summary", c -> Jdbc.update(c,
                "DELETE FROM outbox WHERE patient_id = ?", ps -> ps.setObject(1, patient.value())));
    }

    @Override
    public OutboxCounts counts() {
        return Jdbc.run(tx, "count the outbox", c -> {
            long all = Jdbc.queryOne(c, COUNT_ALL, ps -> { }, rs -> rs.getLong(1)).orElse(0L);
            long heldBack = Jdbc.queryOne(c, COUNT_HELD_BACK, ps -> { }, rs -> rs.getLong(1)).orElse(0L);
            Optional<Instant> lastSuccess = Jdbc.queryOne(c, "SELECT MAX(sent_at) AS last_sent FROM sent_summaries",
                    ps -> { }, rs -> Jdbc.instant(rs, "last_sent"));
            Optional<OutboxCounts.LastError> lastError = Jdbc.queryOne(c, NEWEST_ERROR, ps -> { },
                    rs -> new OutboxCounts.LastError(rs.getString("last_error"), Jdbc.instant(rs, "last_attempt_at")));
            return new OutboxCounts(all - heldBack, heldBack, lastSuccess, lastError);
        });
    }

    @Override
    public Optional<SentSummary> lastSent(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        return Jdbc.run(tx, "read what was sent", c -> Jdbc.queryOne(c, "SELECT "
                + SealedTable.SENT_SUMMARIES.select("") + " FROM sent_summaries WHERE patient_id = ?",
                ps -> ps.setObject(1, patient.value()), rs -> {
                    tx.seal().check(SealedTable.SENT_SUMMARIES, rs);
                    byte[] deflated = rs.getBytes("bundle_deflated");
                    // rows from before V12 hold the text itself
                    String bundle = deflated == null ? rs.getString("bundle")
                            : inflated(deflated);
                    return new SentSummary(patient, rs.getLong("generation"), bundle, Jdbc.instant(rs, "sent_at"));
                }));
    }

    /** A sealed row's compressed bundle; a sealed row that does not inflate is damage, reported as such. */
    private static String inflated(byte[] deflated) {
        try {
            return DeflatedText.inflate(deflated, 4 * SentSummary.MAX_BUNDLE_CHARS);
        } catch (IllegalStateException e) {
            throw new StoreException("What was sent for this patient cannot be read back: " + e.getMessage(), e);
        }
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(new PatientId(Jdbc.uuid(rs, "patient_id")), rs.getLong("generation"),
                Jdbc.instant(rs, "first_changed_at"), Jdbc.instant(rs, "changed_at"), rs.getInt("attempts"),
                Optional.ofNullable(Jdbc.instant(rs, "last_attempt_at")),
                Optional.ofNullable(rs.getString("held_back_reason")), Optional.ofNullable(rs.getString("last_error")));
    }

    /** The text cut to its column with a final "…"; blank becomes {@code otherwise}. */
    private static String cut(String text, String otherwise) {
        String t = text == null || text.isBlank() ? otherwise : text.strip();
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT - 1) + "\u2026";
    }
}
