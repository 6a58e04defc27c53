package org.outpost.app.port;

import java.util.List;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.PatientId;

/** Vitals and lab results. */
public interface ObservationRepository {
    void insert(Observation observation);

    /** All observations of a patient, oldest first. */
    List<Observation> forPatient(PatientId patient);
}
