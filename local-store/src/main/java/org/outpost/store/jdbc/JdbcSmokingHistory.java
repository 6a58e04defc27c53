package org.outpost.store.jdbc;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.SmokingRecord;
import org.outpost.app.domain.SmokingStatus;
import org.outpost.app.port.SmokingHistoryRepository;

/** Smoking status answers in {@code smoking_history} (V14), sealed rows, oldest first. */
public final class JdbcSmokingHistory implements SmokingHistoryRepository {
    private final Tx tx;

    public JdbcSmokingHistory(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public void insert(SmokingRecord r) {
        tx.requireWritable();
        Jdbc.run(tx, "save the smoking status", c -> Jdbc.updateSealed(c, tx.seal(), SealedTable.SMOKING_HISTORY, r.id(),
                "INSERT INTO smoking_history (id, patient_id, status, cigarettes_per_day, as_of, recorded_by, "
                        + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, r.id());
                    ps.setObject(2, r.patient().value());
                    ps.setString(3, r.status().name());
                    ps.setObject(4, r.cigarettesPerDay().isPresent() ? r.cigarettesPerDay().getAsInt() : null);
                    ps.setObject(5, r.asOf());
                    ps.setString(6, r.recorded().by());
                    ps.setObject(7, r.recorded().at());
                }));
    }

    @Override
    public List<SmokingRecord> forPatient(PatientId patient) {
        return Jdbc.run(tx, "read the smoking history", c -> Jdbc.query(c,
                "SELECT " + SealedTable.SMOKING_HISTORY.select("") + " FROM smoking_history WHERE patient_id = ? "
                        + "ORDER BY as_of, recorded_at, _ROWID_", ps -> ps.setObject(1, patient.value()), rs -> {
                    tx.seal().check(SealedTable.SMOKING_HISTORY, rs);
                    int n = rs.getInt("cigarettes_per_day");
                    OptionalInt perDay = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(n);
                    return new SmokingRecord(Jdbc.uuid(rs, "id"), patient, SmokingStatus.valueOf(rs.getString("status")),
                            perDay, Jdbc.date(rs, "as_of"),
                            new Recorded(rs.getString("recorded_by"), Jdbc.instant(rs, "recorded_at")));
                }));
    }
}
