package org.outpost.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.PatientId;
import org.outpost.app.port.MedicationRepository;
import org.outpost.app.port.StoreException;

/**
 * The medication list; RxNorm code and stop date may be absent (NULL). A dose change or stop of an id that
 * is not on the list fails with a {@link StoreException} instead of changing nothing silently.
 */
public final class JdbcMedicationRepository implements MedicationRepository {
    /** Every column and the row's MAC, so reads can check it. */
    private static final String COLUMNS = SealedTable.MEDICATIONS.select("");

    private final Tx tx;

    public JdbcMedicationRepository(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public void insert(Medication m) {
        tx.requireWritable();
        Jdbc.runChanging(tx, "save the medication", m.patient().value(), c -> Jdbc.updateSealed(c, tx.seal(), SealedTable.MEDICATIONS, m.id(),
                "INSERT INTO medications (id, patient_id, name, rxnorm, dose, route, frequency, start_date, stop_date) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, m.id());
                    ps.setObject(2, m.patient().value());
                    ps.setString(3, m.name());
                    ps.setString(4, m.rxnorm().orElse(null));
                    ps.setString(5, m.dose());
                    ps.setString(6, m.route());
                    ps.setString(7, m.frequency());
                    ps.setObject(8, m.start());
                    ps.setObject(9, m.stop().orElse(null));
                }));
    }

    @Override
    public List<Medication> forPatient(PatientId patient) {
        return Jdbc.run(tx, "read medications", c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM medications WHERE patient_id = ? ORDER BY start_date, name, id",
                ps -> ps.setObject(1, patient.value()), this::map));
    }

    @Override
    public Optional<Medication> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return Jdbc.run(tx, "read the medication", c -> Jdbc.queryOne(c,
                "SELECT " + COLUMNS + " FROM medications WHERE id = ?", ps -> ps.setObject(1, id), this::map));
    }

    @Override
    public void changeDose(UUID id, String dose, String frequency) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dose, "dose");
        Objects.requireNonNull(frequency, "frequency");
        tx.requireWritable();
        int changed = Jdbc.run(tx, "change the dose", c -> {
            int n = Jdbc.updateSealed(c, tx.seal(), SealedTable.MEDICATIONS, id,
                    "UPDATE medications SET dose = ?, frequency = ? WHERE id = ?", ps -> {
                        ps.setString(1, dose);
                        ps.setString(2, frequency);
                        ps.setObject(3, id);
                    });
            JdbcOutbox.medicationChanged(tx, c, id);
            return n;
        });
        if (changed == 0) {
            throw new StoreException("Could not change the dose: the medication is not on the list");
        }
    }

    @Override
    public void stop(UUID id, LocalDate day) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(day, "day");
        tx.requireWritable();
        int changed = Jdbc.run(tx, "stop the medication", c -> {
            int n = Jdbc.updateSealed(c, tx.seal(), SealedTable.MEDICATIONS, id,
                    "UPDATE medications SET stop_date = ? WHERE id = ?", ps -> {
                        ps.setObject(1, day);
                        ps.setObject(2, id);
                    });
            JdbcOutbox.medicationChanged(tx, c, id);
            return n;
        });
        if (changed == 0) {
            throw new StoreException("Could not stop the medication: it is not on the list");
        }
    }

    private Medication map(ResultSet rs) throws SQLException {
        tx.seal().check(SealedTable.MEDICATIONS, rs);
        return new Medication(Jdbc.uuid(rs, "id"), new PatientId(Jdbc.uuid(rs, "patient_id")), rs.getString("name"),
                Optional.ofNullable(rs.getString("rxnorm")), rs.getString("dose"), rs.getString("route"),
                rs.getString("frequency"), Jdbc.date(rs, "start_date"),
                Optional.ofNullable(rs.getObject("stop_date", LocalDate.class)));
    }
}
