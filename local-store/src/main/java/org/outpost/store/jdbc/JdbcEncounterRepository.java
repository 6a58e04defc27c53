package org.outpost.store.jdbc;

import java.util.List;
import java.util.Objects;
import org.outpost.app.domain.Encounter;
import org.outpost.app.domain.PatientId;
import org.outpost.app.port.EncounterRepository;

/** Visits and contacts, oldest first. */
public final class JdbcEncounterRepository implements EncounterRepository {
    private final Tx tx;

    public JdbcEncounterRepository(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public void insert(Encounter e) {
        tx.requireWritable();
        Jdbc.run(tx, "save the encounter", c -> Jdbc.updateSealed(c, tx.seal(), SealedTable.ENCOUNTERS, e.id(),
                "INSERT INTO encounters (id, patient_id, start_at, encounter_type, reason, clinician) VALUES (?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, e.id());
                    ps.setObject(2, e.patient().value());
                    ps.setObject(3, e.start());
                    ps.setString(4, e.type());
                    ps.setString(5, e.reason());
                    ps.setString(6, e.clinician());
                }));
    }

    @Override
    public List<Encounter> forPatient(PatientId patient) {
        return Jdbc.run(tx, "read encounters", c -> Jdbc.query(c,
                "SELECT " + SealedTable.ENCOUNTERS.select("") + " FROM encounters WHERE patient_id = ? "
                        + "ORDER BY start_at, id",
                ps -> ps.setObject(1, patient.value()),
                rs -> {
                    tx.seal().check(SealedTable.ENCOUNTERS, rs);
                    return new Encounter(Jdbc.uuid(rs, "id"), patient, Jdbc.instant(rs, "start_at"),
                            rs.getString("encounter_type"), rs.getString("reason"), rs.getString("clinician"));
                }));
    }
}
