package org.outpost.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.decision.Decision;
import org.outpost.app.decision.DecisionKind;
import org.outpost.app.domain.PatientId;
import org.outpost.app.port.DecisionLog;
import org.outpost.app.port.StoreException;

/**
 * Decisions on model results; value and category are NULL when the model was not applicable. "Newest" is by
 * insertion order ({@code seq}), which with one writer is the order decisions were made in.
 */
public final class JdbcDecisionLog implements DecisionLog {
    /** Every column and the row's MAC, so reads can check it. */
    private static final String SEALED_COLUMNS = SealedTable.DECISIONS.select("");
    private static final String COLUMNS = "id, patient_id, model_id, model_version, inputs, result_value, category, "
            + "kind, reason, username, decided_at";

    private final Tx tx;

    public JdbcDecisionLog(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public void insert(Decision d) {
        tx.requireWritable();
        Jdbc.runChanging(tx, "save the decision", d.patient().value(), c -> Jdbc.updateSealed(c, tx.seal(), SealedTable.DECISIONS, d.id(),
                "INSERT INTO decisions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, d.id());
                    ps.setObject(2, d.patient().value());
                    ps.setString(3, d.modelId());
                    ps.setString(4, d.modelVersion());
                    ps.setString(5, d.inputs());
                    if (d.value().isPresent()) {
                        ps.setDouble(6, d.value().getAsDouble());
                    } else {
                        ps.setNull(6, Types.DOUBLE);
                    }
                    ps.setString(7, d.category().orElse(null));
                    ps.setString(8, d.kind().name());
                    ps.setString(9, d.reason());
                    ps.setString(10, d.username());
                    ps.setObject(11, d.decidedAt());
                }));
    }

    @Override
    public List<Decision> forPatient(PatientId patient) {
        return Jdbc.run(tx, "read decisions", c -> Jdbc.query(c,
                "SELECT " + SEALED_COLUMNS + " FROM decisions WHERE patient_id = ? ORDER BY seq DESC",
                ps -> ps.setObject(1, patient.value()), this::map));
    }

    @Override
    public List<Decision> latestPerModel(PatientId patient) {
        return Jdbc.run(tx, "read decisions", c -> Jdbc.query(c,
                "SELECT " + SEALED_COLUMNS + " FROM decisions d WHERE patient_id = ? AND NOT EXISTS ("
                        + "SELECT 1 FROM decisions n WHERE n.patient_id = d.patient_id AND n.model_id = d.model_id "
                        + "AND n.seq > d.seq) ORDER BY seq DESC",
                ps -> ps.setObject(1, patient.value()), this::map));
    }

    private Decision map(ResultSet rs) throws SQLException {
        tx.seal().check(SealedTable.DECISIONS, rs);
        double v = rs.getDouble("result_value");
        OptionalDouble value = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
        DecisionKind kind;
        try {
            kind = DecisionKind.valueOf(rs.getString("kind"));
        } catch (IllegalArgumentException e) {
            throw new StoreException("A decision has a kind this version of Outpost does not know; update Outpost");
        }
        return new Decision(Jdbc.uuid(rs, "id"), new PatientId(Jdbc.uuid(rs, "patient_id")), rs.getString("model_id"),
                rs.getString("model_version"), rs.getString("inputs"), value,
                Optional.ofNullable(rs.getString("category")), kind, rs.getString("reason"), rs.getString("username"),
                Jdbc.instant(rs, "decided_at"));
    }
}
