package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.port.OrderBook;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;
import org.outpost.app.prescribing.AlertResponse;
import org.outpost.app.prescribing.AnsweredAlert;
import org.outpost.app.prescribing.MedicationOrder;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.prescribing.OrderDraft;
import org.outpost.app.prescribing.OrderReview;
import org.outpost.app.prescribing.OrderStatus;
import org.outpost.app.prescribing.ReviewAction;
import org.outpost.store.jdbc.JdbcOrderBook;
import org.outpost.store.jdbc.Tx;

/**
 * Medication orders, their alerts and pharmacist reviews round-trip through a real encrypted H2 file built
 * by the real Flyway migrations; so do the medication list's dose changes and stops.
 */
class OrderBookTest {
    @TempDir
    Path tmp;
    Path dir;
    TestClock clock;
    H2Vault vault;
    Store store;
    Patient patient;
    Patient other;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("data");
        clock = new TestClock();
        vault = TestVaults.fast(dir, clock);
        store = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store();
        patient = Fixtures.patient("ORD-0001", "Orderly", "Olga", LocalDate.of(1941, 4, 4));
        other = Fixtures.patient("ORD-0002", "Other", "Otto", LocalDate.of(1970, 7, 7));
        store.write(r -> {
            r.patients().insert(patient);
            r.patients().insert(other);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    // --- fixtures -------------------------------------------------------------------------------------

    /** A renal dose alert with a suggested dose, answered by following it (nothing to answer). */
    private static OrderAlert renalAlert(String fingerprint) {
        return new OrderAlert("apixaban-label", "1.0.0", "Apixaban dose (label 2.2)", Severity.MODERATE,
                "2 of age >= 80, weight <= 60 kg, creatinine >= 1.5", "Reduce to 2.5 mg twice daily.",
                "Label section 2.2", Optional.of(new SuggestedDose(2.5, "mg", "twice daily")), true, fingerprint,
                AlertResponse.NONE, "");
    }

    /** A pharmacogenomic alert without a dose (advice to avoid), overridden with a reason. */
    private static OrderAlert pgxAlert(String fingerprint, AlertResponse response, String reason) {
        return new OrderAlert("pgx-cpic-clopidogrel", "2024.1", "CPIC clopidogrel / CYP2C19", Severity.HIGH,
                "CYP2C19 poor metabolizer", "Avoid standard-dose clopidogrel if possible.", "Strong",
                Optional.empty(), true, fingerprint, response, reason);
    }

    private Medication medication(Patient p, String drug) {
        Medication m = new Medication(UUID.randomUUID(), p.id(), drug, Optional.empty(), "5 mg", "oral",
                "twice daily", LocalDate.of(2025, 3, 1), Optional.empty());
        store.write(r -> {
            r.medications().insert(m);
            return null;
        });
        return m;
    }

    private MedicationOrder order(Patient p, OrderDraft draft, String by, OrderStatus status, OrderAlert... alerts) {
        Medication m = medication(p, draft.drug());
        return new MedicationOrder(UUID.randomUUID(), p.id(), m.id(), draft, by, clock.instant(), status,
                List.of(alerts));
    }

    private MedicationOrder place(MedicationOrder order) {
        store.write(r -> {
            r.orders().insert(order);
            return null;
        });
        return order;
    }

    private static OrderDraft apixaban() {
        return new OrderDraft("apixaban", 5, "mg", "twice daily", "oral");
    }

    private static OrderDraft clopidogrel() {
        return new OrderDraft("clopidogrel", 75, "mg", "once daily", "oral");
    }

    private Optional<MedicationOrder> find(UUID id) {
        return store.read(r -> r.orders().find(id));
    }

    private List<MedicationOrder> queue() {
        return store.read(r -> r.orders().awaitingReview());
    }

    private OrderReview review(MedicationOrder o, ReviewAction action, SuggestedDose dose, String reason) {
        return new OrderReview(o.id(), action, Optional.ofNullable(dose), reason, "phil", clock.instant(),
                "apixaban-label@1.0.0");
    }

    private List<OrderReview> reviews(UUID orderId) {
        return store.read(r -> r.orders().reviews(orderId));
    }

    private List<MedicationOrder> ordersOf(PatientId p) {
        return store.read(r -> r.orders().forPatient(p));
    }

    private Map<String, AnsweredAlert> answered(PatientId p) {
        return store.read(r -> r.orders().answeredAlerts(p));
    }

    private Optional<Medication> listed(UUID id) {
        return store.read(r -> r.medications().find(id));
    }

    private List<Medication> medicationsOf(PatientId p) {
        return store.read(r -> r.medications().forPatient(p));
    }

    private void record(OrderReview review, OrderStatus status) {
        store.write(r -> {
            r.orders().recordReview(review, status);
            return null;
        });
    }

    // --- orders and alerts ----------------------------------------------------------------------------

    @Test
    void anOrderRoundTripsWithItsAlertsInPositionOrder() {
        MedicationOrder placed = place(order(patient, apixaban(), "carla", OrderStatus.AWAITING_REVIEW,
                pgxAlert("fp-pgx", AlertResponse.OVERRIDDEN, "  no alternative tolerated  "), renalAlert("fp-renal")));

        MedicationOrder read = find(placed.id()).orElseThrow();
        assertThat(read).isEqualTo(placed);
        assertThat(read.orderedAt()).isEqualTo(Instant.parse("2025-03-01T08:00:00.123456789Z"));
        assertThat(read.draft()).isEqualTo(new OrderDraft("apixaban", 5, "mg", "twice daily", "oral"));
        assertThat(read.alerts()).extracting(OrderAlert::fingerprint).containsExactly("fp-pgx", "fp-renal");
        OrderAlert overridden = read.alerts().get(0);
        assertThat(overridden.response()).isEqualTo(AlertResponse.OVERRIDDEN);
        assertThat(overridden.reason()).isEqualTo("no alternative tolerated");
        assertThat(overridden.suggested()).isEmpty();
        assertThat(overridden.severity()).isEqualTo(Severity.HIGH);
        OrderAlert suggested = read.alerts().get(1);
        assertThat(suggested.suggested()).contains(new SuggestedDose(2.5, "mg", "twice daily"));
        assertThat(suggested.response()).isEqualTo(AlertResponse.NONE);
        assertThat(suggested.differs()).isTrue();

        assertThat(ordersOf(patient.id())).containsExactly(placed);
        assertThat(ordersOf(other.id())).isEmpty();
        assertThat(find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void anOrderWithoutAlertsRoundTrips() {
        MedicationOrder placed = place(order(patient, clopidogrel(), "carla", OrderStatus.NO_REVIEW_NEEDED));
        assertThat(find(placed.id())).contains(placed);
        assertThat(queue()).isEmpty();
    }

    @Test
    void aPatientsOrdersComeNewestFirstEachWithOnlyItsOwnAlerts() {
        MedicationOrder first = place(order(patient, apixaban(), "carla", OrderStatus.AWAITING_REVIEW,
                renalAlert("fp-1"), pgxAlert("fp-2", AlertResponse.NONE, "")));
        // same clock tick: insertion order decides
        MedicationOrder second = place(order(patient, clopidogrel(), "carla", OrderStatus.AWAITING_REVIEW,
                pgxAlert("fp-3", AlertResponse.OVERRIDDEN, "stent last week")));
        place(order(other, clopidogrel(), "carla", OrderStatus.AWAITING_REVIEW, renalAlert("fp-other")));

        assertThat(ordersOf(patient.id())).containsExactly(second, first);
    }

    @Test
    void theQueueHoldsAwaitingOrdersOldestFirstAndDropsReviewedOnes() {
        MedicationOrder oldest = place(order(patient, apixaban(), "carla", OrderStatus.AWAITING_REVIEW,
                renalAlert("fp-a")));
        place(order(patient, clopidogrel(), "carla", OrderStatus.NO_REVIEW_NEEDED,
                pgxAlert("fp-b", AlertResponse.NONE, "")));
        clock.advance(Duration.ofMinutes(5));
        MedicationOrder middle = place(order(other, clopidogrel(), "dave", OrderStatus.AWAITING_REVIEW,
                pgxAlert("fp-c", AlertResponse.OVERRIDDEN, "already on it for years"), renalAlert("fp-d")));
        // same clock tick as middle: insertion order decides
        MedicationOrder newest = place(order(patient, apixaban(), "carla", OrderStatus.AWAITING_REVIEW));

        assertThat(queue()).containsExactly(oldest, middle, newest);

        record(review(oldest, ReviewAction.ACCEPT_SUGGESTION, new SuggestedDose(2.5, "mg", "twice daily"), ""),
                OrderStatus.SUGGESTION_ACCEPTED);
        assertThat(queue()).containsExactly(middle, newest);
        assertThat(queue().getFirst().alerts()).extracting(OrderAlert::fingerprint).containsExactly("fp-c", "fp-d");
    }

    // --- reviews --------------------------------------------------------------------------------------

    @Test
    void aReviewSetsTheStatusAndReviewsAreListedOldestFirst() {
        MedicationOrder o = place(order(patient, apixaban(), "carla", OrderStatus.AWAITING_REVIEW, renalAlert("fp")));
        OrderReview change = review(o, ReviewAction.CHANGE_DOSE, new SuggestedDose(2.5, "mg", "twice daily"),
                "weight 52 kg today");
        record(change, OrderStatus.DOSE_CHANGED);
        assertThat(find(o.id()).orElseThrow()).isEqualTo(o.withStatus(OrderStatus.DOSE_CHANGED));

        clock.advance(Duration.ofHours(1));
        OrderReview override = review(o, ReviewAction.OVERRIDE, null, "prescriber called: keep as written");
        record(override, OrderStatus.OVERRIDDEN);

        assertThat(find(o.id()).orElseThrow().status()).isEqualTo(OrderStatus.OVERRIDDEN);
        List<OrderReview> reviews = reviews(o.id());
        assertThat(reviews).containsExactly(change, override);
        assertThat(reviews.get(0).newDose()).contains(new SuggestedDose(2.5, "mg", "twice daily"));
        assertThat(reviews.get(1).newDose()).isEmpty();
        assertThat(reviews.get(1).reviewedAt()).isEqualTo(Instant.parse("2025-03-01T09:00:00.123456789Z"));
        assertThat(reviews(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aReviewOfAnOrderThatDoesNotExistIsRefusedAndLeavesNothing() {
        MedicationOrder ghost = order(patient, apixaban(), "carla", OrderStatus.AWAITING_REVIEW);
        assertThatThrownBy(() -> record(review(ghost, ReviewAction.OVERRIDE, null, "keep"), OrderStatus.OVERRIDDEN))
                .isInstanceOf(StoreException.class).hasMessageContaining("order does not exist");
        assertThat(reviews(ghost.id())).isEmpty();
    }

    // --- answered alerts ------------------------------------------------------------------------------

    @Test
    void answeredAlertsAreTheNewestOverridePerFingerprintOfThatPatientOnly() {
        Instant firstAt = clock.instant();
        place(order(patient, clopidogrel(), "carla", OrderStatus.AWAITING_REVIEW,
                pgxAlert("fp-pgx", AlertResponse.OVERRIDDEN, "first reason"),
                pgxAlert("fp-kept", AlertResponse.OVERRIDDEN, "only once")));
        Instant secondAt = clock.advance(Duration.ofDays(2));
        place(order(patient, clopidogrel(), "dave", OrderStatus.AWAITING_REVIEW,
                pgxAlert("fp-pgx", AlertResponse.OVERRIDDEN, "second reason"),
                renalAlert("fp-none"),
                pgxAlert("fp-before", AlertResponse.ANSWERED_BEFORE, "")));
        clock.advance(Duration.ofDays(1));
        // a later answer that is not an override does not replace the override
        place(order(patient, clopidogrel(), "erin", OrderStatus.NO_REVIEW_NEEDED,
                pgxAlert("fp-pgx", AlertResponse.ANSWERED_BEFORE, "")));
        // another patient's overrides, even with the same fingerprint, are not this patient's
        place(order(other, clopidogrel(), "frank", OrderStatus.AWAITING_REVIEW,
                pgxAlert("fp-pgx", AlertResponse.OVERRIDDEN, "other patient's reason"),
                pgxAlert("fp-theirs", AlertResponse.OVERRIDDEN, "theirs")));

        Map<String, AnsweredAlert> answered = answered(patient.id());
        assertThat(answered).containsOnlyKeys("fp-pgx", "fp-kept");
        assertThat(answered.get("fp-pgx")).isEqualTo(
                new AnsweredAlert("fp-pgx", AlertResponse.OVERRIDDEN, "second reason", "dave", secondAt));
        assertThat(answered.get("fp-kept")).isEqualTo(
                new AnsweredAlert("fp-kept", AlertResponse.OVERRIDDEN, "only once", "carla", firstAt));

        Map<String, AnsweredAlert> theirs = answered(other.id());
        assertThat(theirs).containsOnlyKeys("fp-pgx", "fp-theirs");
        assertThat(theirs.get("fp-pgx").reason()).isEqualTo("other patient's reason");
        assertThat(theirs.get("fp-pgx").answeredBy()).isEqualTo("frank");

        Patient none = Fixtures.patient("ORD-0003", "None", "Nora", LocalDate.of(1980, 1, 1));
        assertThat(answered(none.id())).isEmpty();
    }

    @Test
    void theNewestOverrideWinsWithinOneClockTick() {
        place(order(patient, clopidogrel(), "carla", OrderStatus.AWAITING_REVIEW,
                pgxAlert("fp", AlertResponse.OVERRIDDEN, "older")));
        place(order(patient, clopidogrel(), "dave", OrderStatus.AWAITING_REVIEW,
                pgxAlert("fp", AlertResponse.OVERRIDDEN, "newer")));
        AnsweredAlert a = answered(patient.id()).get("fp");
        assertThat(a.reason()).isEqualTo("newer");
        assertThat(a.answeredBy()).isEqualTo("dave");
    }

    // --- transactions and integrity -------------------------------------------------------------------

    @Test
    void writesOutsideAWriteCallAreRefused() {
        MedicationOrder o = order(patient, apixaban(), "carla", OrderStatus.AWAITING_REVIEW, renalAlert("fp"));
        assertThatThrownBy(() -> store.read(r -> {
            r.orders().insert(o);
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("Store.write");
        assertThat(find(o.id())).isEmpty();

        place(o);
        assertThatThrownBy(() -> store.read(r -> {
            r.orders().recordReview(review(o, ReviewAction.OVERRIDE, null, "keep"), OrderStatus.OVERRIDDEN);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(find(o.id()).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_REVIEW);

        OrderBook kept = store.write(r -> r.orders());
        assertThatThrownBy(() -> kept.insert(order(patient, apixaban(), "carla", OrderStatus.AWAITING_REVIEW)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.read(r -> {
            r.medications().changeDose(o.medicationId(), "2.5 mg", "twice daily");
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.read(r -> {
            r.medications().stop(o.medicationId(), LocalDate.of(2025, 3, 2));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(listed(o.medicationId()).orElseThrow().dose()).isEqualTo("5 mg");
    }

    @Test
    void aRolledBackWriteLeavesNeitherOrderNorAlertsNorMedication() {
        Medication m = new Medication(UUID.randomUUID(), patient.id(), "apixaban", Optional.empty(), "5 mg", "oral",
                "twice daily", LocalDate.of(2025, 3, 1), Optional.empty());
        MedicationOrder o = new MedicationOrder(UUID.randomUUID(), patient.id(), m.id(), apixaban(), "carla",
                clock.instant(), OrderStatus.AWAITING_REVIEW,
                List.of(renalAlert("fp-rolled"), pgxAlert("fp-rolled-2", AlertResponse.OVERRIDDEN, "gone")));
        assertThatThrownBy(() -> store.write(r -> {
            r.medications().insert(m);
            r.orders().insert(o);
            throw new IllegalStateException("the audit row could not be written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(find(o.id())).isEmpty();
        assertThat(queue()).isEmpty();
        assertThat(ordersOf(patient.id())).isEmpty();
        assertThat(answered(patient.id())).isEmpty();
        assertThat(listed(m.id())).isEmpty();
    }

    @Test
    void aRolledBackReviewLeavesTheOrderWaiting() {
        MedicationOrder o = place(order(patient, apixaban(), "carla", OrderStatus.AWAITING_REVIEW, renalAlert("fp")));
        assertThatThrownBy(() -> store.write(r -> {
            r.orders().recordReview(review(o, ReviewAction.OVERRIDE, null, "keep"), OrderStatus.OVERRIDDEN);
            r.medications().stop(o.medicationId(), LocalDate.of(2025, 3, 2));
            throw new IllegalStateException("the audit row could not be written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(queue()).containsExactly(o);
        assertThat(reviews(o.id())).isEmpty();
        assertThat(listed(o.medicationId()).orElseThrow().stop()).isEmpty();
    }

    @Test
    void anOrderCannotPointAtAnotherPatientsMedicationOrAMissingOne() {
        Medication theirs = medication(other, "apixaban");
        MedicationOrder crossed = new MedicationOrder(UUID.randomUUID(), patient.id(), theirs.id(), apixaban(), "carla",
                clock.instant(), OrderStatus.AWAITING_REVIEW, List.of(renalAlert("fp")));
        assertThatThrownBy(() -> place(crossed)).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist");
        MedicationOrder dangling = new MedicationOrder(UUID.randomUUID(), patient.id(), UUID.randomUUID(), apixaban(),
                "carla", clock.instant(), OrderStatus.AWAITING_REVIEW, List.of());
        assertThatThrownBy(() -> place(dangling)).isInstanceOf(StoreException.class);
        assertThat(ordersOf(patient.id())).isEmpty();
    }

    @Test
    void statusesAndSeveritiesThisVersionDoesNotKnowAskForAnUpdate() throws Exception {
        MedicationOrder o = place(order(patient, apixaban(), "carla", OrderStatus.AWAITING_REVIEW, renalAlert("fp")));
        store.close();
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw());
             Statement s = c.createStatement()) {
            // what a newer Outpost, which widened the checks in a later migration, could have written
            s.execute("ALTER TABLE medication_orders DROP CONSTRAINT medication_orders_status_known");
            s.execute("ALTER TABLE order_alerts DROP CONSTRAINT order_alerts_severity_known");
            OrderBook book = new JdbcOrderBook(new Tx(c, clock, false));
            assertThat(book.find(o.id())).contains(o);

            s.execute("UPDATE order_alerts SET severity = 'CRITICAL'");
            assertThatThrownBy(() -> book.find(o.id())).isInstanceOf(StoreException.class)
                    .hasMessage("An order alert has a severity this version of Outpost does not know; update Outpost");

            s.execute("UPDATE medication_orders SET status = 'ON_HOLD'");
            assertThat(book.awaitingReview()).isEmpty();
            assertThatThrownBy(() -> book.forPatient(patient.id())).isInstanceOf(StoreException.class)
                    .hasMessage("An order has a status this version of Outpost does not know; update Outpost");
        }
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
    }

    @Test
    void reasonsAndAlertTextAreEncryptedOnDisk() throws Exception {
        place(order(patient, clopidogrel(), "carla", OrderStatus.AWAITING_REVIEW,
                pgxAlert("fp", AlertResponse.OVERRIDDEN, "UNMISTAKABLE-OVERRIDE-REASON")));
        store.close();
        assertThat(Fixtures.filesContaining(dir, "UNMISTAKABLE-OVERRIDE-REASON".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(Fixtures.filesContaining(dir, "CYP2C19 poor metabolizer".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
    }

    // --- medication list ------------------------------------------------------------------------------

    @Test
    void aMedicationIsFoundItsDoseChangedAndStopped() {
        Medication m = medication(patient, "apixaban");
        assertThat(listed(m.id())).contains(m);
        assertThat(listed(UUID.randomUUID())).isEmpty();

        store.write(r -> {
            r.medications().changeDose(m.id(), "2.5 mg", "twice daily");
            return null;
        });
        Medication changed = listed(m.id()).orElseThrow();
        assertThat(changed).isEqualTo(new Medication(m.id(), patient.id(), "apixaban", Optional.empty(), "2.5 mg",
                "oral", "twice daily", LocalDate.of(2025, 3, 1), Optional.empty()));

        store.write(r -> {
            r.medications().stop(m.id(), LocalDate.of(2025, 3, 4));
            return null;
        });
        Medication stopped = listed(m.id()).orElseThrow();
        assertThat(stopped.stop()).contains(LocalDate.of(2025, 3, 4));
        assertThat(stopped.dose()).isEqualTo("2.5 mg");
        assertThat(stopped.activeOn(LocalDate.of(2025, 3, 5))).isFalse();
        assertThat(medicationsOf(patient.id())).containsExactly(stopped);
    }

    @Test
    void changingOrStoppingAMedicationThatIsNotListedIsRefused() {
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> store.write(r -> {
            r.medications().changeDose(missing, "2.5 mg", "twice daily");
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("not on the list");
        assertThatThrownBy(() -> store.write(r -> {
            r.medications().stop(missing, LocalDate.of(2025, 3, 4));
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("not on the list");
    }
}
