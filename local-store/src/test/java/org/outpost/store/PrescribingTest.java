package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Unit;
import org.outpost.app.domain.User;
import org.outpost.app.model.Severity;
import org.outpost.app.port.Store;
import org.outpost.app.prescribing.AlertResponse;
import org.outpost.app.prescribing.MedicationOrder;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.prescribing.OrderDraft;
import org.outpost.app.prescribing.OrderStatus;
import org.outpost.app.usecase.Prescribing;
import org.outpost.app.prescribing.ReviewAction;
import org.outpost.app.prescribing.UnansweredAlertsException;
import org.outpost.app.usecase.Session;

/**
 * Placing and reviewing orders through the use case on a real encrypted store: all-or-nothing saves, alert
 * memory, permissions, and what the medication list and the audit log show afterwards.
 */
class PrescribingTest {
    static final OrderDraft METFORMIN = new OrderDraft("metformin", 500, "mg", "twice daily", "oral");
    static final String REASON = "Nephrologist agrees, eGFR recovering";

    @TempDir
    Path dir;
    TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
    Store store;
    Patient patient;
    Prescribing doctor;
    Prescribing pharmacist;

    @BeforeEach
    void setUp() {
        store = TestVaults.fast(dir.resolve("data"), clock).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store();
        // a woman of 70; CKD-EPI 2021 with creatinine 2.0 mg/dL: 142 x (2.0/0.7)^-1.2 x 0.9938^70 x 1.012 = 26.4,
        // below the metformin label's eGFR 30 contraindication
        patient = Fixtures.noKnownAllergies(Fixtures.patient("RX-0001", "Renal", "Rita", LocalDate.of(1955, 2, 1)));
        store.write(r -> {
            r.patients().insert(patient);
            r.observations().insert(new Observation(UUID.randomUUID(), patient.id(), Measure.CREATININE,
                    Quantity.of(2.0, Unit.MG_PER_DL), Instant.parse("2025-02-25T09:00:00Z"), "lab"));
            return null;
        });
        doctor = as("dr.dee", Role.CLINICIAN);
        pharmacist = as("ph.pat", Role.PHARMACIST);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Prescribing as(String username, Role role) {
        User user = store.accounts().add(Fixtures.ADMIN, username, username, role, "a long enough password 1".toCharArray());
        return new Prescribing(store, clock, ZoneOffset.UTC, new Session(user), BundledModels.prescribingCheck(ZoneOffset.UTC));
    }

    private List<org.outpost.app.domain.Medication> medications() {
        return store.read(r -> r.medications().forPatient(patient.id()));
    }

    private List<MedicationOrder> orders() {
        return store.read(r -> r.orders().forPatient(patient.id()));
    }

    private List<AuditEntry> audit() {
        return store.read(r -> r.audit().newest(100));
    }

    private MedicationOrder placeWithReason() {
        OrderAlert alert = doctor.check(patient.id(), METFORMIN).getFirst();
        return doctor.place(patient.id(), METFORMIN, Map.of(alert.fingerprint(), REASON));
    }

    @Test
    void anAlertWithoutAReasonSavesNothing() {
        int auditRows = audit().size();
        List<OrderAlert> alerts = doctor.check(patient.id(), METFORMIN);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.needsAnswer()).isTrue();
        });

        assertThatThrownBy(() -> doctor.place(patient.id(), METFORMIN, Map.of(alerts.getFirst().fingerprint(), "  ")))
                .isInstanceOf(UnansweredAlertsException.class);
        assertThat(medications()).isEmpty();
        assertThat(orders()).isEmpty();
        assertThat(audit()).hasSize(auditRows);
    }

    @Test
    void anOverriddenAlertWaitsForThePharmacistAndIsNotAskedAgainForTheSameResults() {
        MedicationOrder order = placeWithReason();
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_REVIEW);
        assertThat(order.alerts().getFirst().response()).isEqualTo(AlertResponse.OVERRIDDEN);
        assertThat(medications()).singleElement()
                .satisfies(m -> assertThat(m.dose()).isEqualTo("500 mg"));
        AuditEntry placed = audit().getFirst();
        assertThat(placed.event().action()).isEqualTo(AuditAction.ORDER_PLACED);
        assertThat(placed.event().detail()).contains("alerts=1 high/0 moderate/0 low", "overridden=1", "review=true",
                "models=renal-dose-rules@").doesNotContain("metformin").doesNotContain("Nephrologist");

        List<OrderAlert> second = doctor.check(patient.id(), METFORMIN);
        OrderAlert again = second.stream().filter(a -> a.modelId().equals("renal-dose-rules")).findFirst().orElseThrow();
        assertThat(again.response()).isEqualTo(AlertResponse.ANSWERED_BEFORE);
        assertThat(again.reason()).isEqualTo(REASON);
        // the first order is on the medication list now: ordering it again is a duplicate, with its own question
        assertThat(second).filteredOn(OrderAlert::needsAnswer).extracting(OrderAlert::modelId)
                .containsExactly("drug-classes");
        Map<String, String> duplicateReason = Map.of(second.stream().filter(OrderAlert::needsAnswer).findFirst()
                .orElseThrow().fingerprint(), "second supply while travelling");
        assertThat(doctor.place(patient.id(), METFORMIN, duplicateReason).status())
                .as("still differs from the advice, so still reviewed").isEqualTo(OrderStatus.AWAITING_REVIEW);

        // a new creatinine is a new input: the alert fires again
        clock.advance(java.time.Duration.ofDays(1));
        store.write(r -> {
            r.observations().insert(new Observation(UUID.randomUUID(), patient.id(), Measure.CREATININE,
                    Quantity.of(2.4, Unit.MG_PER_DL), clock.instant(), "lab"));
            return null;
        });
        assertThat(doctor.check(patient.id(), METFORMIN).getFirst().needsAnswer()).isTrue();
    }

    @Test
    void acceptingAdviceToAvoidTheDrugStopsItAndASecondReviewIsRefused() {
        MedicationOrder order = placeWithReason();
        assertThat(pharmacist.queue()).singleElement().satisfies(i -> {
            assertThat(i.order().id()).isEqualTo(order.id());
            assertThat(i.patient().mrn().value()).isEqualTo("RX-0001");
        });

        pharmacist.review(order.id(), ReviewAction.ACCEPT_SUGGESTION, Optional.empty(), "Discussed with Dr Dee");

        assertThat(store.read(r -> r.medications().find(order.medicationId())).orElseThrow().stop())
                .contains(LocalDate.of(2025, 3, 1));
        assertThat(pharmacist.queue()).isEmpty();
        assertThat(pharmacist.reviews(order.id())).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(ReviewAction.ACCEPT_SUGGESTION);
            assertThat(r.pharmacist()).isEqualTo("ph.pat");
            assertThat(r.modelVersions()).startsWith("renal-dose-rules@");
        });
        assertThat(audit().getFirst().event().detail()).isEqualTo("order=" + order.id()
                + ";action=ACCEPT_SUGGESTION;models=" + pharmacist.reviews(order.id()).getFirst().modelVersions());
        assertThatThrownBy(() -> pharmacist.review(order.id(), ReviewAction.OVERRIDE, Optional.empty(), "again"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("This order was already reviewed");
    }

    @Test
    void rolesArePrescriberOrReviewerAndAnOverrideNeedsAReason() {
        MedicationOrder order = placeWithReason();
        assertThatThrownBy(() -> pharmacist.check(patient.id(), METFORMIN)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(doctor::queue).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> doctor.review(order.id(), ReviewAction.OVERRIDE, Optional.empty(), "mine"))
                .isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> pharmacist.review(order.id(), ReviewAction.OVERRIDE, Optional.empty(), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pharmacist.review(UUID.randomUUID(), ReviewAction.OVERRIDE, Optional.empty(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No such order");
        assertThat(pharmacist.queue()).hasSize(1);
    }

    @Test
    void aBadDraftIsRefusedWithEveryProblem() {
        assertThatThrownBy(() -> doctor.check(patient.id(), new OrderDraft(" ", -1, "tablets", "sometimes", "")))
                .isInstanceOfSatisfying(org.outpost.app.validation.ValidationException.class, e ->
                        assertThat(e.violations()).extracting(v -> v.field())
                                .containsExactly("drug", "amount", "unit", "frequency"));
    }

    /**
     * Issue 11, item 1: a pharmacist's dose change goes through the whole check again. The metformin order is
     * against advice to avoid it (eGFR 26.4, label contraindication below 30); changing the dose does not
     * make that go away, and the prescriber's reason does not answer for the pharmacist.
     */
    @Test
    void aDoseChangedAtReviewIsCheckedAgainAndItsAlertsNeedThePharmacistsOwnReason() {
        MedicationOrder order = placeWithReason();
        org.outpost.app.model.SuggestedDose lower = new org.outpost.app.model.SuggestedDose(250, "mg", "twice daily");
        int auditRows = audit().size();

        List<OrderAlert> recheck = pharmacist.checkReview(order.id(), lower).stream()
                .filter(a -> !a.modelId().equals("dose-limits")).toList(); // 250 mg: below the usual dose, information
        assertThat(recheck).singleElement().satisfies(a -> {
            assertThat(a.modelId()).isEqualTo("renal-dose-rules");
            assertThat(a.needsAnswer()).as("the prescriber's override does not count for the pharmacist").isTrue();
        });
        assertThatThrownBy(() -> pharmacist.review(order.id(), ReviewAction.CHANGE_DOSE, Optional.of(lower), ""))
                .isInstanceOf(UnansweredAlertsException.class);
        assertThat(pharmacist.queue()).as("nothing saved").hasSize(1);
        assertThat(medications()).singleElement().satisfies(m -> assertThat(m.dose()).isEqualTo("500 mg"));
        assertThat(audit()).hasSize(auditRows);

        pharmacist.review(order.id(), ReviewAction.CHANGE_DOSE, Optional.of(lower), "",
                Map.of(recheck.getFirst().fingerprint(), "Renal team: half dose while eGFR recovers"));
        assertThat(medications()).singleElement().satisfies(m -> assertThat(m.dose()).isEqualTo("250 mg"));
        assertThat(pharmacist.reviews(order.id())).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(ReviewAction.CHANGE_DOSE);
            assertThat(r.alerts()).filteredOn(a -> a.modelId().equals("renal-dose-rules")).singleElement().satisfies(a -> {
                assertThat(a.response()).isEqualTo(AlertResponse.OVERRIDDEN);
                assertThat(a.reason()).isEqualTo("Renal team: half dose while eGFR recovers");
            });
        });
        assertThat(audit().getFirst().event().detail()).contains("action=CHANGE_DOSE",
                "recheck=1 high/0 moderate/1 low;overridden=1").doesNotContain("metformin").doesNotContain("Renal team");
    }

    @Test
    void stoppingAnOrderToSwitchDrugsStopsItsMedicationToday() {
        MedicationOrder order = placeWithReason();
        pharmacist.review(order.id(), ReviewAction.STOP, Optional.empty(), "switch to a DPP-4 inhibitor");
        assertThat(store.read(r -> r.medications().find(order.medicationId())).orElseThrow().stop())
                .contains(LocalDate.of(2025, 3, 1));
        assertThat(orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.STOPPED));
        assertThat(pharmacist.reviews(order.id())).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("switch to a DPP-4 inhibitor"));
    }
}
