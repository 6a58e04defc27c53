package org.outpost.app.port;

/** The repositories available inside one {@link Store#read} or {@link Store#write} call. */
public interface Repositories {
    PatientRepository patients();

    ObservationRepository observations();

    MedicationRepository medications();

    GenotypeRepository genotypes();

    EncounterRepository encounters();

    AuditLog audit();

    /** Decisions on model results (acknowledged, accepted into the plan, overridden). */
    DecisionLog decisions();

    /** Medication orders, their alerts and pharmacist reviews. */
    OrderBook orders();
}
