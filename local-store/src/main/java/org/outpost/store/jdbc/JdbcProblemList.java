package org.outpost.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.outpost.app.domain.CodeSystem;
import org.outpost.app.domain.Condition;
import org.outpost.app.domain.ConditionCode;
import org.outpost.app.domain.ConditionStatus;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.ProblemList;
import org.outpost.app.domain.Recorded;
import org.outpost.app.port.ProblemListRepository;
import org.outpost.app.port.StoreException;

/** The problem list in {@code conditions} and its last review in {@code problem_list_reviews} (V14), sealed rows. */
public final class JdbcProblemList implements ProblemListRepository {
    private static final String COLUMNS = SealedTable.CONDITIONS.select("");

    private final Tx tx;

    public JdbcProblemList(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public void insert(Condition condition) {
        tx.requireWritable();
        Jdbc.run(tx, "save the problem", c -> Jdbc.updateSealed(c, tx.seal(), SealedTable.CONDITIONS, condition.id(),
                "INSERT INTO conditions (id, patient_id, code_system, code, display, onset_date, status, resolved_date, "
                        + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, condition.id());
                    ps.setObject(2, condition.patient().value());
                    ps.setString(3, condition.code().system().name());
                    ps.setString(4, condition.code().code());
                    ps.setString(5, condition.code().display());
                    ps.setObject(6, condition.onset().orElse(null));
                    ps.setString(7, condition.status().name());
                    ps.setObject(8, condition.resolved().orElse(null));
                    ps.setString(9, condition.recorded().by());
                    ps.setObject(10, condition.recorded().at());
                }));
    }

    @Override
    public Optional<Condition> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return Jdbc.run(tx, "read the problem", c -> Jdbc.queryOne(c,
                "SELECT " + COLUMNS + " FROM conditions WHERE id = ?", ps -> ps.setObject(1, id), this::map));
    }

    @Override
    public void update(Condition changed) {
        tx.requireWritable();
        int n = Jdbc.run(tx, "change the problem", c -> Jdbc.updateSealed(c, tx.seal(), SealedTable.CONDITIONS,
                changed.id(), "UPDATE conditions SET status = ?, resolved_date = ?, recorded_by = ?, recorded_at = ? "
                        + "WHERE id = ? AND patient_id = ?", ps -> {
                    ps.setString(1, changed.status().name());
                    ps.setObject(2, changed.resolved().orElse(null));
                    ps.setString(3, changed.recorded().by());
                    ps.setObject(4, changed.recorded().at());
                    ps.setObject(5, changed.id());
                    ps.setObject(6, changed.patient().value());
                }));
        if (n == 0) {
            throw new StoreException("Could not change the problem: it is not on this patient's list");
        }
    }

    @Override
    public ProblemList forPatient(PatientId patient) {
        return Jdbc.run(tx, "read the problem list", c -> {
            List<Condition> conditions = Jdbc.query(c, "SELECT " + COLUMNS + " FROM conditions WHERE patient_id = ? "
                    + "ORDER BY recorded_at, _ROWID_", ps -> ps.setObject(1, patient.value()), this::map);
            Optional<Recorded> reviewed = Jdbc.queryOne(c, "SELECT " + SealedTable.PROBLEM_LIST_REVIEWS.select("")
                    + " FROM problem_list_reviews WHERE patient_id = ?", ps -> ps.setObject(1, patient.value()), rs -> {
                        tx.seal().check(SealedTable.PROBLEM_LIST_REVIEWS, rs);
                        return new Recorded(rs.getString("reviewed_by"), Jdbc.instant(rs, "reviewed_at"));
                    });
            return new ProblemList(conditions, reviewed);
        });
    }

    @Override
    public void markReviewed(PatientId patient, Recorded by) {
        tx.requireWritable();
        Jdbc.run(tx, "record the problem list review", c -> {
            Jdbc.update(c, "DELETE FROM problem_list_reviews WHERE patient_id = ?", ps -> ps.setObject(1, patient.value()));
            return Jdbc.updateSealed(c, tx.seal(), SealedTable.PROBLEM_LIST_REVIEWS, patient.value(),
                    "INSERT INTO problem_list_reviews (patient_id, reviewed_by, reviewed_at) VALUES (?, ?, ?)", ps -> {
                        ps.setObject(1, patient.value());
                        ps.setString(2, by.by());
                        ps.setObject(3, by.at());
                    });
        });
    }

    private Condition map(ResultSet rs) throws SQLException {
        tx.seal().check(SealedTable.CONDITIONS, rs);
        return new Condition(Jdbc.uuid(rs, "id"), new PatientId(Jdbc.uuid(rs, "patient_id")),
                new ConditionCode(CodeSystem.valueOf(rs.getString("code_system")), rs.getString("code"),
                        rs.getString("display")),
                Optional.ofNullable(rs.getObject("onset_date", LocalDate.class)),
                ConditionStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getObject("resolved_date", LocalDate.class)),
                new Recorded(rs.getString("recorded_by"), Jdbc.instant(rs, "recorded_at")));
    }
}
