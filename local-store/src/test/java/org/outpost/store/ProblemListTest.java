package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.CodeSystem;
import org.outpost.app.domain.Condition;
import org.outpost.app.domain.ConditionCode;
import org.outpost.app.domain.ConditionStatus;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.ProblemList;
import org.outpost.app.domain.SmokingRecord;
import org.outpost.app.domain.SmokingStatus;
import org.outpost.app.model.ResolvedInputs;
import org.outpost.app.port.DamagedRecordException;
import org.outpost.app.port.Store;
import org.outpost.app.risk.Cha2ds2Vasc;
import org.outpost.app.usecase.ChartService;
import org.outpost.app.usecase.ProblemListService;
import org.outpost.app.usecase.Session;
import org.outpost.app.validation.ValidationException;

/**
 * Issue 14 item 1: the problem list and smoking history on a real encrypted store — written through
 * {@link ProblemListService} (checked, audited), read back into the chart, sealed like every record, and read by the
 * models straight from the chart.
 */
class ProblemListTest {
    private static final ConditionCode AF = new ConditionCode(CodeSystem.ICD_10, "I48.0", "Paroxysmal atrial fibrillation");
    private static final ConditionCode HYPERTENSION = new ConditionCode(CodeSystem.SNOMED_CT, "38341003",
            "Hypertensive disorder");

    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock();
    private H2Vault vault;
    private Store store;
    private Session session;
    private ProblemListService problems;
    private Patient patient;

    @BeforeEach
    void setUp() {
        vault = TestVaults.fast(tmp.resolve("data"), clock);
        var unlocked = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw());
        store = unlocked.store();
        session = new Session(unlocked.user());
        problems = new ProblemListService(store, clock, session);
        patient = Fixtures.patient("PL-0001", "Problem", "Paula", LocalDate.of(1950, 4, 2));
        store.write(r -> {
            r.patients().insert(patient);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Chart chart() {
        return store.read(r -> ChartService.load(r, patient.id()));
    }

    @Test
    void problemsAndSmokingAreStoredReadIntoTheChartAndAudited() {
        problems.add(patient.id(), AF, Optional.of(LocalDate.of(2019, 5, 1)), ConditionStatus.ACTIVE, Optional.empty());
        problems.add(patient.id(), HYPERTENSION, Optional.empty(), ConditionStatus.ACTIVE, Optional.empty());
        problems.recordSmoking(patient.id(), SmokingStatus.CURRENT, OptionalInt.of(15), today().minusDays(3));

        Chart chart = chart();
        assertThat(chart.problems().conditions()).extracting(c -> c.code().code())
                .containsExactlyInAnyOrder("I48.0", "38341003");
        assertThat(chart.problems().conditions()).filteredOn(c -> c.code().equals(AF))
                .singleElement().satisfies(c -> assertThat(c.onset()).contains(LocalDate.of(2019, 5, 1)));
        assertThat(chart.problems().conditions()).allMatch(c -> c.recorded().by().equals(Fixtures.ADMIN));
        assertThat(chart.problems().isReviewed()).isFalse();
        assertThat(chart.latestSmoking()).map(SmokingRecord::cigarettesPerDay).contains(OptionalInt.of(15));

        List<AuditEntry> audit = store.read(r -> r.audit().newest(10));
        assertThat(audit).isNotEmpty();
        assertThat(audit).extracting(e -> e.event().action()).contains(AuditAction.PROBLEM_RECORDED,
                AuditAction.SMOKING_STATUS_RECORDED);
        // codes and states only: no free text in the detail
        assertThat(audit).filteredOn(e -> e.event().action() == AuditAction.PROBLEM_RECORDED)
                .extracting(e -> e.event().detail()).containsExactlyInAnyOrder("ICD_10 I48.0 ACTIVE", "SNOMED_CT 38341003 ACTIVE");
        assertThat(store.verifyIntegrity().intact()).isTrue();
    }

    @Test
    void theModelsReadTheListAndItsReviewFromTheStoredChart() {
        problems.add(patient.id(), AF, Optional.empty(), ConditionStatus.ACTIVE, Optional.empty());
        problems.add(patient.id(), new ConditionCode(CodeSystem.SNOMED_CT, "230690007", "Stroke"),
                Optional.of(LocalDate.of(2015, 1, 10)), ConditionStatus.RESOLVED, Optional.of(LocalDate.of(2015, 2, 1)));
        Cha2ds2Vasc model = new Cha2ds2Vasc();

        ResolvedInputs before = BundledModels.resolver(clock.getZone()).resolve(model, chart(), today());
        assertThat(before.inputs().flag("atrialFibrillation")).contains(true);
        assertThat(before.inputs().flag("strokeTiaThromboembolism")).contains(true); // history counts resolved
        assertThat(before.unresolved()).contains("heartFailure", "hypertension", "vascularDisease");

        problems.markReviewed(patient.id());
        ResolvedInputs after = BundledModels.resolver(clock.getZone()).resolve(model, chart(), today());
        assertThat(after.inputs().flag("heartFailure")).contains(false);
        assertThat(after.inputs().flag("hypertension")).contains(false);
        assertThat(after.unresolved()).doesNotContain("heartFailure", "hypertension", "vascularDisease");
    }

    @Test
    void aResolvedProblemStopsCountingAndTheChangeIsAudited() {
        Condition htn = problems.add(patient.id(), HYPERTENSION, Optional.empty(), ConditionStatus.ACTIVE, Optional.empty());
        problems.changeStatus(patient.id(), htn.id(), ConditionStatus.RESOLVED, Optional.of(today()));

        ProblemList list = chart().problems();
        assertThat(list.active()).isEmpty();
        assertThat(list.conditions().getFirst().resolved()).contains(today());
        List<AuditEntry> last = store.read(r -> r.audit().newest(1));
        assertThat(last).extracting(e -> e.event().action())
                .containsExactly(AuditAction.PROBLEM_STATUS_CHANGED);
        // and active again: the same entry, no end date
        problems.changeStatus(patient.id(), htn.id(), ConditionStatus.ACTIVE, Optional.empty());
        assertThat(chart().problems().active()).hasSize(1).allMatch(c -> c.resolved().isEmpty());
    }

    @Test
    void impossibleDatesAndAmountsAreRefusedOnTheirFieldAndChangeNothing() {
        long audits = store.read(r -> r.audit().count());
        assertThatThrownBy(() -> problems.add(patient.id(), AF, Optional.of(today().plusDays(1)), ConditionStatus.ACTIVE,
                Optional.empty())).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(v -> v.field() + ":" + v.key()).containsExactly("onset:problem.dateInFuture"));
        assertThatThrownBy(() -> problems.add(patient.id(), AF, Optional.of(LocalDate.of(1949, 1, 1)),
                ConditionStatus.ACTIVE, Optional.empty())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.key()).containsExactly("problem.dateBeforeBirth"));
        assertThatThrownBy(() -> problems.add(patient.id(), AF, Optional.of(LocalDate.of(2020, 1, 1)),
                ConditionStatus.RESOLVED, Optional.of(LocalDate.of(2019, 1, 1)))).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field() + ":" + v.key())
                        .containsExactly("resolved:problem.endBeforeOnset"));
        // a tired clinician typing 150 instead of 15
        assertThatThrownBy(() -> problems.recordSmoking(patient.id(), SmokingStatus.CURRENT, OptionalInt.of(150), today()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.key()).containsExactly("cigarettesPerDay:smoking.amountRange"));
        assertThatThrownBy(() -> problems.recordSmoking(patient.id(), SmokingStatus.NEVER, OptionalInt.of(5), today()))
                .isInstanceOf(ValidationException.class);
        // the same problem twice while active
        problems.add(patient.id(), AF, Optional.empty(), ConditionStatus.ACTIVE, Optional.empty());
        assertThatThrownBy(() -> problems.add(patient.id(), AF, Optional.empty(), ConditionStatus.ACTIVE, Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.key()).containsExactly("problem.alreadyActive"));

        Chart chart = chart();
        assertThat(chart.problems().conditions()).hasSize(1);
        assertThat(chart.smoking()).isEmpty();
        long auditsAfter = store.read(r -> r.audit().count());
        assertThat(auditsAfter).isEqualTo(audits + 1);
    }

    @Test
    void aReviewOrSmokingAnswerEditedInTheFileIsFound() throws Exception {
        problems.recordSmoking(patient.id(), SmokingStatus.CURRENT, OptionalInt.of(20), today());
        problems.markReviewed(patient.id());
        store.close();
        // turning a current smoker into a never-smoker in the file is found by the row's MAC
        try (Connection c = Fixtures.rawConnection(tmp.resolve("data"), Fixtures.ADMIN, Fixtures.pw());
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE smoking_history SET status = 'NEVER', cigarettes_per_day = NULL WHERE patient_id = ?")) {
            ps.setObject(1, patient.id().value());
            assertThat(ps.executeUpdate()).isOne();
        }
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        assertThatThrownBy(this::chart).isInstanceOf(DamagedRecordException.class);
        assertThat(store.verifyIntegrity().intact()).isFalse();
    }
}
