package org.outpost.app.port;

/** The repositories available inside one {@link Store#read} or {@link Store#write} call. */
public interface Repositories {
    PatientRepository patients();

    ObservationRepository observations();

    MedicationRepository medications();

    GenotypeRepository genotypes();

    EncounterRepository encounters();

    /** Coded problems and the list's last review (issue 14). */
    ProblemListRepository problems();

    /** Smoking status answers (issue 14). */
    SmokingHistoryRepository smoking();

    AuditLog audit();

    /** Decisions on model results (acknowledged, accepted into the plan, overridden). */
    DecisionLog decisions();

    /** Medication orders, their alerts and pharmacist reviews. */
    OrderBook orders();

    /** Patients whose de-identified summary waits to be sent, and what was last sent (issue 12). */
    Outbox outbox();

    /** Sync settings and the site secret behind pseudonyms (issue 12). */
    SyncSettingsRepository syncSettings();

    /** The unit each measure is shown in at this site (issue 14). */
    ResultUnitRepository resultUnits();

    /** Home and wearable readings and the flags raised on them (issue 15). */
    MonitoringRepository monitoring();
}
