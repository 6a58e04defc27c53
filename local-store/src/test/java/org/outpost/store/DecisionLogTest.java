package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.decision.Decision;
import org.outpost.app.decision.DecisionKind;
import org.outpost.app.usecase.RiskDecisions;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Patient;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.port.Store;
import org.outpost.app.usecase.Session;

/** Decisions round-trip through a real encrypted H2 file, with their audit row in the same transaction. */
class DecisionLogTest {
    private static final ModelRef CHA = new ModelRef("cha2ds2-vasc", "1.0.0", "CHA2DS2-VASc", "Lip 2010");
    private static final ModelRef PCE = new ModelRef("pce-2013", "1.0.0", "PCE", "Goff 2014");

    @TempDir
    Path dir;
    Store store;
    Patient patient;
    RiskDecisions decisions;

    @BeforeEach
    void setUp() {
        var unlocked = TestVaults.fast(dir.resolve("data"), new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw());
        store = unlocked.store();
        patient = Fixtures.patient("DEC-0001", "Decider", "Dora", LocalDate.of(1950, 5, 5));
        store.write(r -> {
            r.patients().insert(patient);
            return null;
        });
        decisions = new RiskDecisions(store, new TestClock(), new Session(unlocked.user()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<Decision> history(Patient p) {
        return store.read(r -> r.decisions().forPatient(p.id()));
    }

    private long auditCount() {
        return store.read(r -> r.audit().count());
    }

    private static ModelInputs inputs(double age) {
        return ModelInputs.of(Map.of("age", age, "sex", "female", "hypertension", true));
    }

    @Test
    void aDecisionRoundTripsWithItsInputsAndIsAuditedWithoutPatientData() {
        Decision saved = decisions.record(patient.id(), Evaluation.of(CHA, 3, "points", "high", List.of()), inputs(76),
                DecisionKind.OVERRIDDEN, "Dora Decider prefers to wait");

        List<Decision> read = history(patient);
        assertThat(read).containsExactly(saved);
        Decision d = read.getFirst();
        assertThat(d.inputs()).isEqualTo("age=76;hypertension=true;sex=female");
        assertThat(d.value()).isEqualTo(OptionalDouble.of(3));
        assertThat(d.category()).contains("high");
        assertThat(d.reason()).isEqualTo("Dora Decider prefers to wait");
        assertThat(d.username()).isEqualTo(Fixtures.ADMIN);

        AuditEntry audit = store.read(r -> r.audit().newest(1)).getFirst();
        assertThat(audit.event().action()).isEqualTo(AuditAction.RISK_DECISION_RECORDED);
        assertThat(audit.event().patient()).contains(patient.id());
        assertThat(audit.event().detail()).isEqualTo("model=cha2ds2-vasc;version=1.0.0;kind=OVERRIDDEN")
                .doesNotContain("Dora").doesNotContain("76");
        assertThat(store.read(r -> r.audit().verify()).intact()).isTrue();
    }

    @Test
    void aNotApplicableResultIsStoredWithoutAValue() {
        decisions.record(patient.id(), Evaluation.notApplicable(PCE, List.of("totalCholesterol"), List.of()),
                inputs(76), DecisionKind.ACKNOWLEDGED, "");
        Decision d = history(patient).getFirst();
        assertThat(d.value()).isEmpty();
        assertThat(d.category()).isEmpty();
        assertThat(d.reason()).isEmpty();
    }

    @Test
    void theLatestDecisionPerModelWinsEvenWithinOneClockTick() {
        Evaluation cha = Evaluation.of(CHA, 3, "points", "high", List.of());
        decisions.record(patient.id(), cha, inputs(76), DecisionKind.ACKNOWLEDGED, "");
        decisions.record(patient.id(), Evaluation.of(PCE, 12.5, "%", "intermediate", List.of()), inputs(76),
                DecisionKind.ACCEPTED_INTO_PLAN, "");
        Decision newest = decisions.record(patient.id(), cha, inputs(77), DecisionKind.OVERRIDDEN, "frail");

        Map<String, Decision> latest = decisions.latest(patient.id());
        assertThat(latest).containsOnlyKeys("cha2ds2-vasc", "pce-2013");
        assertThat(latest.get("cha2ds2-vasc")).isEqualTo(newest);
        assertThat(latest.get("pce-2013").kind()).isEqualTo(DecisionKind.ACCEPTED_INTO_PLAN);
        assertThat(history(patient)).hasSize(3).first().isEqualTo(newest);
    }

    @Test
    void aFailedWriteLeavesNeitherDecisionNorAuditRow() {
        long audit = auditCount();
        Patient stranger = Fixtures.patient("DEC-0002", "Not", "Saved", LocalDate.of(1960, 1, 1));
        assertThatThrownBy(() -> decisions.record(stranger.id(), Evaluation.of(CHA, 1, "points", "low", List.of()),
                inputs(70), DecisionKind.ACKNOWLEDGED, "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(auditCount()).isEqualTo(audit);
        assertThat(history(stranger)).isEmpty();
    }

    @Test
    void theReasonIsEncryptedOnDisk() throws Exception {
        decisions.record(patient.id(), Evaluation.of(CHA, 3, "points", "high", List.of()), inputs(76),
                DecisionKind.OVERRIDDEN, "UNMISTAKABLE-REASON-TEXT");
        store.close();
        assertThat(Fixtures.filesContaining(dir, "UNMISTAKABLE-REASON-TEXT".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
