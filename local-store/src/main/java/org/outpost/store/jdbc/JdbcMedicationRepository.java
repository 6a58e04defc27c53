package org.outpost.store.jdbc;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.PatientId;
import org.outpost.app.port.MedicationRepository;

/** The medication list; RxNorm code and stop date may be absent (NULL). */
public final class JdbcMedicationRepository implements MedicationRepository {
    private final Tx tx;

    public JdbcMedicationRepository(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public void insert(Medication m) {
        tx.requireWritable();
        Jdbc.run(tx, "save the medication", c -> Jdbc.update(c,
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
                "SELECT id, name, rxnorm, dose, route, frequency, start_date, stop_date FROM medications "
                        + "WHERE patient_id = ? ORDER BY start_date, name, id",
                ps -> ps.setObject(1, patient.value()),
                rs -> new Medication(Jdbc.uuid(rs, "id"), patient, rs.getString("name"),
                        Optional.ofNullable(rs.getString("rxnorm")), rs.getString("dose"), rs.getString("route"),
                        rs.getString("frequency"), Jdbc.date(rs, "start_date"),
                        Optional.ofNullable(rs.getObject("stop_date", LocalDate.class)))));
    }
}
