package org.outpost.app.usecase;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.outpost.app.decision.Decision;
import org.outpost.app.decision.DecisionInputs;
import org.outpost.app.decision.DecisionKind;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Permission;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.port.Store;

/**
 * Recording and reading clinicians' decisions on risk model results. A decision and its audit row
 * ({@link AuditAction#RISK_DECISION_RECORDED}, detail = model id, version and kind only — never inputs or
 * the reason) are written in one transaction. Recording needs the right to write to the chart
 * ({@link Permission#RECORD_OBSERVATION}); reading needs {@link Permission#VIEW_CHART}.
 */
public final class RiskDecisions {
    private final Store store;
    private final Clock clock;
    private final Session session;

    public RiskDecisions(Store store, Clock clock, Session session) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.session = Objects.requireNonNull(session);
    }

    /**
     * Records the session user's decision on {@code result}, computed from {@code inputs}.
     *
     * @throws IllegalArgumentException when an override has no reason, or the patient does not exist
     */
    public Decision record(PatientId patient, Evaluation result, ModelInputs inputs, DecisionKind kind, String reason) {
        session.require(Permission.RECORD_OBSERVATION);
        Objects.requireNonNull(result, "result");
        Decision decision = new Decision(UUID.randomUUID(), patient, result.model().id(), result.model().version(),
                DecisionInputs.canonical(inputs), result.value(), result.category(), kind, reason,
                session.username(), clock.instant());
        return store.write(r -> {
            r.patients().find(patient).orElseThrow(() -> new IllegalArgumentException("No such patient"));
            r.decisions().insert(decision);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.RISK_DECISION_RECORDED,
                    patient, auditDetail(decision)));
            return decision;
        });
    }

    /** The newest decision per model for a patient, by model id. */
    public Map<String, Decision> latest(PatientId patient) {
        session.require(Permission.VIEW_CHART);
        Map<String, Decision> byModel = new LinkedHashMap<>();
        for (Decision d : store.read(r -> r.decisions().latestPerModel(patient))) {
            byModel.putIfAbsent(d.modelId(), d);
        }
        return byModel;
    }

    /** The audit detail of a decision: which model and version, and what kind. No patient data. */
    static String auditDetail(Decision d) {
        return "model=" + d.modelId() + ";version=" + d.modelVersion() + ";kind=" + d.kind().name();
    }
}
