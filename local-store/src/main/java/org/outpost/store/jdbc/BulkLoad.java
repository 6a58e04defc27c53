package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.StoreException;

/**
 * Inserts many new records inside one {@code Store.write} call, for loading a synthetic clinic (the benchmarks'
 * databases; the app never calls it). The rows are those the repositories' one-by-one inserts write — the same
 * statements and binders, the search rows ({@link NameTokens}, {@link NamePrefixes}), the outbox entries, the audit
 * chain ({@link JdbcAuditLog#appendAll}) — but sent as JDBC batches, and each call seals what it wrote with
 * {@link RowSeal#reseal} over all its keys at once instead of a read-back and an update per row. Only inserts: a
 * duplicate key fails the whole transaction, as it would one by one.
 */
public final class BulkLoad {
    /**
     * Keys per {@code = ANY(?)} statement: H2 looks each key up in the index, then checks the row against the whole
     * array, so the work grows with the square of the chunk (10,000 keys in one statement took 0.6 s in a test).
     */
    static final int CHUNK = 256;
    private final Tx tx;
    private final JdbcAuditLog audit;

    private BulkLoad(Tx tx, JdbcAuditLog audit) {
        this.tx = tx;
        this.audit = audit;
    }

    /** Bulk inserts into the write transaction that gave {@code repositories} (the local store's own). */
    public static BulkLoad in(Repositories repositories) {
        Objects.requireNonNull(repositories, "repositories");
        if (!(repositories instanceof JdbcRepositories r)) {
            throw new IllegalArgumentException("Bulk loading needs the local store's repositories");
        }
        r.tx().requireWritable();
        return new BulkLoad(r.tx(), r.audit());
    }

    /** New patients with their allergies, search rows and outbox entries, as {@code patients().insert} each. */
    public void patients(List<Patient> patients) {
        tx.requireWritable();
        if (patients.isEmpty()) {
            return;
        }
        UUID[] ids = patients.stream().map(p -> p.id().value()).toArray(UUID[]::new);
        run("save the patients", c -> {
            try (PreparedStatement rows = c.prepareStatement(JdbcPatientRepository.INSERT);
                 PreparedStatement tokens = c.prepareStatement(NameTokens.INSERT);
                 PreparedStatement prefixes = c.prepareStatement(NamePrefixes.INSERT)) {
                for (Patient p : patients) {
                    int i = JdbcPatientRepository.bindPatient(rows, p);
                    rows.setObject(i++, tx.now());
                    rows.setObject(i, tx.now());
                    rows.addBatch();
                    NameTokens.addRows(tokens, p.id().value(), p.familyName(), p.givenName(), p.birthDate());
                    NamePrefixes.addRows(prefixes, p.id().value(), p.mrn().value(), p.familyName(), p.givenName(),
                            p.sex().name(), p.birthDate());
                }
                rows.executeBatch();
                tokens.executeBatch();
                prefixes.executeBatch();
            }
            for (Patient p : patients) {
                if (!(p.allergies() instanceof AllergyStatus.NotRecorded)) {
                    JdbcPatientRepository.insertAllergies(c, p);
                }
            }
            reseal(c, SealedTable.PATIENTS, "id", ids);
            reseal(c, SealedTable.ALLERGY_STATUS, "patient_id", ids);
            reseal(c, SealedTable.ALLERGY_ENTRIES, "patient_id", ids);
            JdbcOutbox.changedAll(tx, c, List.of(ids), true);
        });
    }

    /** New observations of existing patients, as {@code observations().insert} each. */
    public void observations(List<Observation> observations) {
        tx.requireWritable();
        if (observations.isEmpty()) {
            return;
        }
        UUID[] ids = observations.stream().map(Observation::id).toArray(UUID[]::new);
        run("save the observations", c -> {
            try (PreparedStatement rows = c.prepareStatement(JdbcObservationRepository.INSERT)) {
                for (Observation o : observations) {
                    JdbcObservationRepository.bind(rows, o);
                    rows.addBatch();
                }
                rows.executeBatch();
            }
            reseal(c, SealedTable.OBSERVATIONS, "id", ids);
            JdbcOutbox.changedAll(tx, c, observations.stream().map(o -> o.patient().value()).toList(), false);
        });
    }

    /** Audit events, chained in order as {@code audit().append} each. */
    public void audit(List<AuditEvent> events) {
        audit.appendAll(events);
    }

    /** Seals the rows of {@code table} whose {@code column} is one of {@code keys}, {@link #CHUNK} keys at a time. */
    private void reseal(Connection c, SealedTable table, String column, UUID[] keys) throws SQLException {
        for (int from = 0; from < keys.length; from += CHUNK) {
            Object chunk = java.util.Arrays.copyOfRange(keys, from, Math.min(keys.length, from + CHUNK));
            tx.seal().reseal(c, table, column + " = ANY(?)", chunk);
        }
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void run(String action, Work work) {
        try {
            work.run(tx.connection());
        } catch (SQLException e) {
            if (SqlErrors.isDuplicate(e)) {
                throw new StoreException("A record to load is already in the database");
            }
            throw SqlErrors.translate(e, action);
        }
    }
}
