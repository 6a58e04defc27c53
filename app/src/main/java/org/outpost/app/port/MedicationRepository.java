package org.outpost.app.port;

import java.util.List;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.PatientId;

/** The medication list. */
public interface MedicationRepository {
    void insert(Medication medication);

    /** All medications of a patient, oldest start first. */
    List<Medication> forPatient(PatientId patient);

    java.util.Optional<Medication> find(java.util.UUID id);

    /** Changes the dose and frequency of a listed medication (a pharmacist's change). */
    void changeDose(java.util.UUID id, String dose, String frequency);

    /** Marks a listed medication stopped on {@code day}. */
    void stop(java.util.UUID id, java.time.LocalDate day);
}
