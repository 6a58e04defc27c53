package org.outpost.store.jdbc;

import java.util.Objects;
import org.outpost.app.domain.IntegrityReport;
import org.outpost.app.port.DecisionLog;
import org.outpost.app.port.EncounterRepository;
import org.outpost.app.port.GenotypeRepository;
import org.outpost.app.port.MedicationRepository;
import org.outpost.app.port.ObservationRepository;
import org.outpost.app.port.OrderBook;
import org.outpost.app.port.PatientRepository;
import org.outpost.app.port.Repositories;

/** All repositories of one read or write call, sharing its {@link Tx}; plus the store-internal users table. */
public final class JdbcRepositories implements Repositories {
    private final PatientRepository patients;
    private final ObservationRepository observations;
    private final MedicationRepository medications;
    private final GenotypeRepository genotypes;
    private final EncounterRepository encounters;
    private final JdbcAuditLog audit;
    private final DecisionLog decisions;
    private final OrderBook orders;
    private final JdbcUsers users;
    private final JdbcOutbox outbox;
    private final JdbcSyncSettings syncSettings;
    private final JdbcProblemList problems;
    private final JdbcSmokingHistory smoking;
    private final JdbcResultUnits resultUnits;
    private final JdbcMonitoring monitoring;
    private final Tx tx;

    public JdbcRepositories(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
        this.patients = new JdbcPatientRepository(tx);
        this.observations = new JdbcObservationRepository(tx);
        this.medications = new JdbcMedicationRepository(tx);
        this.genotypes = new JdbcGenotypeRepository(tx);
        this.encounters = new JdbcEncounterRepository(tx);
        this.audit = new JdbcAuditLog(tx);
        this.decisions = new JdbcDecisionLog(tx);
        this.orders = new JdbcOrderBook(tx);
        this.users = new JdbcUsers(tx);
        this.outbox = new JdbcOutbox(tx);
        this.syncSettings = new JdbcSyncSettings(tx);
        this.problems = new JdbcProblemList(tx);
        this.smoking = new JdbcSmokingHistory(tx);
        this.resultUnits = new JdbcResultUnits(tx);
        this.monitoring = new JdbcMonitoring(tx);
    }

    @Override
    public JdbcMonitoring monitoring() {
        return monitoring;
    }

    @Override
    public org.outpost.app.port.ProblemListRepository problems() {
        return problems;
    }

    @Override
    public org.outpost.app.port.SmokingHistoryRepository smoking() {
        return smoking;
    }

    @Override
    public PatientRepository patients() {
        return patients;
    }

    @Override
    public ObservationRepository observations() {
        return observations;
    }

    @Override
    public MedicationRepository medications() {
        return medications;
    }

    @Override
    public GenotypeRepository genotypes() {
        return genotypes;
    }

    @Override
    public EncounterRepository encounters() {
        return encounters;
    }

    @Override
    public JdbcAuditLog audit() {
        return audit;
    }

    @Override
    public DecisionLog decisions() {
        return decisions;
    }

    @Override
    public OrderBook orders() {
        return orders;
    }

    @Override
    public JdbcOutbox outbox() {
        return outbox;
    }

    @Override
    public JdbcSyncSettings syncSettings() {
        return syncSettings;
    }

    @Override
    public JdbcResultUnits resultUnits() {
        return resultUnits;
    }

    /** The full integrity check ({@link IntegrityCheck}) in this call's snapshot. */
    public IntegrityReport verifyIntegrity() {
        return IntegrityCheck.run(tx, audit::verify);
    }

    /** This call's transaction scope (for {@link BulkLoad}). */
    Tx tx() {
        return tx;
    }

    /** User accounts (not part of the app's ports: accounts change only through {@code Accounts}). */
    public JdbcUsers users() {
        return users;
    }
}
