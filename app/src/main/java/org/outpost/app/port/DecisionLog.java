package org.outpost.app.port;

import java.util.List;
import org.outpost.app.decision.Decision;
import org.outpost.app.domain.PatientId;

/** Clinicians' decisions on model results, kept with the inputs and model version they were made on. */
public interface DecisionLog {
    /** Stores a decision inside the current write transaction. */
    void insert(Decision decision);

    /** All decisions about a patient, newest first. */
    List<Decision> forPatient(PatientId patient);

    /** The newest decision per model for a patient, newest first. */
    List<Decision> latestPerModel(PatientId patient);
}
