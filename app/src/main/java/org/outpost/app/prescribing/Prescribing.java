package org.outpost.app.prescribing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Permission;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;
import org.outpost.app.usecase.ChartService;
import org.outpost.app.usecase.Session;

/**
 * Placing medication orders and reviewing them.
 *
 * <ol>
 *   <li>{@link #check}: the prescriber sees every alert before saving;</li>
 *   <li>{@link #place}: the check runs again inside the write (the chart may have changed); every alert that
 *       needs an answer must have a reason, or nothing is saved. The order, its medication-list entry, its
 *       alerts and an {@link AuditAction#ORDER_PLACED} row are written in one transaction. An order with an
 *       alert whose suggestion differs from it waits for a pharmacist;</li>
 *   <li>{@link #queue} and {@link #review}: the pharmacist accepts the suggestion, changes the dose, or
 *       overrides with a reason; the medication list follows, and an {@link AuditAction#ORDER_REVIEWED} row
 *       records the action with the models and versions the alerts came from.</li>
 * </ol>
 * Audit details hold the order id, counts, actions and model versions — never drug names, doses, reasons or
 * genotypes, which stay in the encrypted order tables.
 */
public final class Prescribing {
    private final Store store;
    private final Clock clock;
    private final ZoneId zone;
    private final Session session;
    private final PrescribingCheck check;

    public Prescribing(Store store, Clock clock, ZoneId zone, Session session, PrescribingCheck check) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.session = Objects.requireNonNull(session);
        this.check = Objects.requireNonNull(check);
    }

    /** The alerts the order would raise now. Nothing is written. */
    public List<OrderAlert> check(PatientId patient, OrderDraft draft) {
        session.require(Permission.PRESCRIBE);
        OrderDraft valid = draft.validated();
        return store.read(r -> alerts(r, patient, valid));
    }

    /**
     * Saves the order.
     *
     * @param reasons the prescriber's reason to go ahead, by alert fingerprint, for each alert that
     *                {@linkplain OrderAlert#needsAnswer() needs an answer}
     * @throws UnansweredAlertsException when an alert that needs an answer has no reason; nothing is saved
     */
    public MedicationOrder place(PatientId patient, OrderDraft draft, Map<String, String> reasons) {
        session.require(Permission.PRESCRIBE);
        OrderDraft valid = draft.validated();
        return store.write(r -> {
            List<OrderAlert> now = alerts(r, patient, valid);
            List<OrderAlert> answered = new ArrayList<>();
            boolean missingReason = false;
            for (OrderAlert a : now) {
                if (a.needsAnswer()) {
                    String reason = reasons.getOrDefault(a.fingerprint(), "").strip();
                    missingReason |= reason.isEmpty();
                    answered.add(reason.isEmpty() ? a : a.answered(AlertResponse.OVERRIDDEN, reason));
                } else {
                    answered.add(a);
                }
            }
            if (missingReason) {
                throw new UnansweredAlertsException(now);
            }
            LocalDate today = LocalDate.now(clock.withZone(zone));
            Medication med = new Medication(UUID.randomUUID(), patient, valid.drug(), Optional.empty(),
                    valid.amountText() + " " + valid.unit(), valid.route(), valid.frequency(), today, Optional.empty());
            boolean review = answered.stream().anyMatch(OrderAlert::differs);
            MedicationOrder order = new MedicationOrder(UUID.randomUUID(), patient, med.id(), valid,
                    session.username(), clock.instant(), review ? OrderStatus.AWAITING_REVIEW : OrderStatus.NO_REVIEW_NEEDED,
                    answered);
            r.medications().insert(med);
            r.orders().insert(order);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.ORDER_PLACED, patient,
                    placedDetail(order)));
            return order;
        });
    }

    /** Orders waiting for a pharmacist, oldest first, with their patients. */
    public List<ReviewItem> queue() {
        session.require(Permission.REVIEW_ORDERS);
        return store.read(r -> r.orders().awaitingReview().stream()
                .map(o -> new ReviewItem(o, r.patients().find(o.patient()).orElseThrow(
                        () -> new IllegalStateException("An order refers to a patient that does not exist"))))
                .toList());
    }

    /** How many orders wait for a pharmacist. */
    public int waiting() {
        session.require(Permission.REVIEW_ORDERS);
        return store.read(r -> r.orders().awaitingReview().size());
    }

    /**
     * Records the pharmacist's review of an order waiting for one.
     *
     * @param newDose the dose for {@link ReviewAction#CHANGE_DOSE}; ignored otherwise
     * @param reason  required for {@link ReviewAction#OVERRIDE}; a note otherwise
     * @throws IllegalArgumentException when the order does not exist, is not waiting, an override has no reason,
     *                                  a change has no dose, or accepting has no single suggestion to accept
     */
    public OrderReview review(UUID orderId, ReviewAction action, Optional<SuggestedDose> newDose, String reason) {
        session.require(Permission.REVIEW_ORDERS);
        Objects.requireNonNull(action, "action");
        String why = reason == null ? "" : reason.strip();
        if (action == ReviewAction.OVERRIDE && why.isEmpty()) {
            throw new IllegalArgumentException("Give the reason to keep the order against the suggestion");
        }
        if (action == ReviewAction.CHANGE_DOSE) {
            SuggestedDose d = newDose.orElseThrow(() -> new IllegalArgumentException("Enter the new dose"));
            List<org.outpost.app.validation.Violation> problems = OrderDraft.doseViolations(d.amount(), d.unit(),
                    d.frequency());
            if (!problems.isEmpty()) {
                throw new org.outpost.app.validation.ValidationException(problems);
            }
        }
        return store.write(r -> {
            MedicationOrder order = r.orders().find(orderId)
                    .orElseThrow(() -> new IllegalArgumentException("No such order"));
            if (!order.status().awaitingReview()) {
                throw new IllegalArgumentException("This order was already reviewed");
            }
            LocalDate today = LocalDate.now(clock.withZone(zone));
            Optional<SuggestedDose> dose = switch (action) {
                case OVERRIDE -> Optional.empty();
                case CHANGE_DOSE -> newDose;
                case ACCEPT_SUGGESTION -> accept(r, order, today);
            };
            dose.ifPresent(d -> r.medications().changeDose(order.medicationId(), d.amountText() + " " + d.unit(),
                    d.frequency()));
            OrderStatus status = switch (action) {
                case OVERRIDE -> OrderStatus.OVERRIDDEN;
                case CHANGE_DOSE -> OrderStatus.DOSE_CHANGED;
                case ACCEPT_SUGGESTION -> OrderStatus.SUGGESTION_ACCEPTED;
            };
            OrderReview review = new OrderReview(orderId, action, dose, why, session.username(), clock.instant(),
                    modelVersions(order));
            r.orders().recordReview(review, status);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.ORDER_REVIEWED,
                    order.patient(), "order=" + orderId + ";action=" + action.name() + ";models=" + review.modelVersions()));
            return review;
        });
    }

    /** The reviews of an order, oldest first. */
    public List<OrderReview> reviews(UUID orderId) {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> r.orders().reviews(orderId));
    }

    /** The orders of a patient, newest first. */
    public List<MedicationOrder> orders(PatientId patient) {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> r.orders().forPatient(patient));
    }

    public PrescribingCheck engine() {
        return check;
    }

    /**
     * Accepting the suggestion: the single suggested dose of the differing alerts, or — when they advise
     * against the drug and suggest no dose — stopping the medication today.
     */
    private static Optional<SuggestedDose> accept(Repositories r, MedicationOrder order, LocalDate today) {
        List<SuggestedDose> doses = order.alerts().stream().filter(OrderAlert::differs)
                .flatMap(a -> a.suggested().stream()).distinct().toList();
        if (doses.size() > 1) {
            throw new IllegalArgumentException("The alerts suggest different doses: change the dose instead");
        }
        if (doses.isEmpty()) {
            r.medications().stop(order.medicationId(), today);
            return Optional.empty();
        }
        return Optional.of(doses.getFirst());
    }

    private List<OrderAlert> alerts(Repositories r, PatientId patient, OrderDraft draft) {
        Chart chart = ChartService.load(r, patient);
        return check.check(chart, draft, LocalDate.now(clock.withZone(zone)), r.orders().answeredAlerts(patient));
    }

    private static String placedDetail(MedicationOrder order) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        order.alerts().forEach(a -> counts.merge(a.severity(), 1, Integer::sum));
        return "order=" + order.id() + ";alerts=" + counts.getOrDefault(Severity.HIGH, 0) + " high/"
                + counts.getOrDefault(Severity.MODERATE, 0) + " moderate/" + counts.getOrDefault(Severity.LOW, 0)
                + " low;overridden=" + order.alerts().stream().filter(a -> a.response() == AlertResponse.OVERRIDDEN).count()
                + ";review=" + order.status().awaitingReview() + ";models=" + modelVersions(order);
    }

    /** "model@version" of the order's alerts, sorted, comma separated. */
    static String modelVersions(MedicationOrder order) {
        TreeSet<String> v = new TreeSet<>();
        order.alerts().forEach(a -> v.add(a.modelId() + "@" + a.modelVersion()));
        return String.join(",", v);
    }
}
