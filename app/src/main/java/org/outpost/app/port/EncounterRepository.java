package org.outpost.app.port;

import java.util.List;
import org.outpost.app.domain.Encounter;
import org.outpost.app.domain.PatientId;

/** Visits and contacts. */
public interface EncounterRepository {
    void insert(Encounter encounter);

    /** All encounters of a patient, oldest first. */
    List<Encounter> forPatient(PatientId patient);
}
