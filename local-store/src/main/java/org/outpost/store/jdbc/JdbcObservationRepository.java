package org.outpost.store.jdbc;

import java.util.List;
import java.util.Objects;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Unit;
import org.outpost.app.port.ObservationRepository;
import org.outpost.app.port.StoreException;

/** Observations by LOINC code, with the value in the UCUM unit it was entered in. */
public final class JdbcObservationRepository implements ObservationRepository {
    private final Tx tx;

    public JdbcObservationRepository(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public void insert(Observation o) {
        tx.requireWritable();
        Jdbc.runChanging(tx, "save the observation", o.patient().value(), c -> Jdbc.updateSealed(c, tx.seal(), SealedTable.OBSERVATIONS, o.id(),
                INSERT, ps -> bind(ps, o)));
    }

    /** A new observation row, bound by {@link #bind}. */
    static final String INSERT = "INSERT INTO observations (id, patient_id, loinc, amount, ucum_unit, effective_at, "
            + "recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** Binds {@link #INSERT}'s parameters. */
    static void bind(java.sql.PreparedStatement ps, Observation o) throws java.sql.SQLException {
        ps.setObject(1, o.id());
        ps.setObject(2, o.patient().value());
        ps.setString(3, o.measure().loinc());
        ps.setDouble(4, o.value().value());
        ps.setString(5, o.value().unit().ucum());
        ps.setObject(6, o.effective());
        ps.setString(7, o.recordedBy());
    }

    @Override
    public List<Observation> forPatient(PatientId patient) {
        return Jdbc.run(tx, "read observations", c -> Jdbc.query(c,
                "SELECT " + SealedTable.OBSERVATIONS.select("") + " FROM observations "
                        + "WHERE patient_id = ? ORDER BY effective_at, id",
                ps -> ps.setObject(1, patient.value()),
                rs -> {
                    tx.seal().check(SealedTable.OBSERVATIONS, rs);
                    Measure measure = Measure.byLoinc(rs.getString("loinc"))
                            .orElseThrow(() -> new StoreException("An observation has a code this version of Outpost does not know; update Outpost"));
                    Unit unit = Unit.parse(rs.getString("ucum_unit"))
                            .orElseThrow(() -> new StoreException("An observation has a unit this version of Outpost does not know; update Outpost"));
                    return new Observation(Jdbc.uuid(rs, "id"), patient, measure,
                            Quantity.of(rs.getDouble("amount"), unit), Jdbc.instant(rs, "effective_at"),
                            rs.getString("recorded_by"));
                }));
    }
}
