package org.outpost.app.port;

import java.util.List;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.SmokingRecord;

/** The smoking history: each answer kept, the latest is the status. */
public interface SmokingHistoryRepository {
    void insert(SmokingRecord record);

    /** Every answer, oldest first. */
    List<SmokingRecord> forPatient(PatientId patient);
}
