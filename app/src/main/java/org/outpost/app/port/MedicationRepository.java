package org.outpost.app.port;

import java.util.List;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.PatientId;

/** The medication list. */
public interface MedicationRepository {
    void insert(Medication medication);

    /** All medications of a patient, oldest start first. */
    List<Medication> forPatient(PatientId patient);
}
