package org.outpost.app.usecase;

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
import org.outpost.app.prescribing.AlertResponse;
import org.outpost.app.prescribing.AnsweredAlert;
import org.outpost.app.prescribing.MedicationOrder;
import org.outpost.app.prescribing.MedicineReview;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.prescribing.OrderDraft;
import org.outpost.app.prescribing.OrderReview;
import org.outpost.app.prescribing.OrderStatus;
import org.outpost.app.prescribing.PharmacistSnapshot;
import org.outpost.app.prescribing.PrescribingCheck;
import org.outpost.app.prescribing.ReviewAction;
import org.outpost.app.prescribing.ReviewItem;
import org.outpost.app.prescribing.UnansweredAlertsException;

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
            List<OrderAlert> answered = answer(alerts(r, patient, valid), reasons);
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
     * What the prescribing check says about the order with another dose — the pharmacist's change, or the
     * suggestion being accepted — as {@link #review} will check it. Nothing is written.
     *
     * @throws IllegalArgumentException when the order does not exist
     */
    public List<OrderAlert> checkReview(UUID orderId, SuggestedDose newDose) {
        session.require(Permission.REVIEW_ORDERS);
        validDose(newDose);
        return store.read(r -> {
            MedicationOrder order = r.orders().find(orderId)
                    .orElseThrow(() -> new IllegalArgumentException("No such order"));
            return recheck(r, order, newDose);
        });
    }

    /** {@link #review(UUID, ReviewAction, Optional, String, Map)} with no answers to a new check's alerts. */
    public OrderReview review(UUID orderId, ReviewAction action, Optional<SuggestedDose> newDose, String reason) {
        return review(orderId, action, newDose, reason, Map.of());
    }

    /**
     * Records the pharmacist's review of an order waiting for one. A dose the review sets — a change, or an
     * accepted suggestion — goes through the whole prescribing check again, inside the write, on the chart as
     * it is now; every alert of that check that needs an answer must have a reason in {@code alertReasons}, as
     * when ordering, or nothing is saved. Answers the prescriber gave to this order do not count for the new
     * dose: the pharmacist answers for it. Where the advice is to avoid the drug a new dose does not make the
     * alert go away: the pharmacist stops the order ({@link ReviewAction#STOP}), or keeps it with a reason.
     *
     * @param newDose      the dose for {@link ReviewAction#CHANGE_DOSE}; ignored otherwise
     * @param reason       required for {@link ReviewAction#OVERRIDE}; a note otherwise
     * @param alertReasons the pharmacist's reason for each alert of the new check that needs one, by fingerprint
     * @throws UnansweredAlertsException when an alert about the new dose needs a reason and has none
     * @throws IllegalArgumentException  when the order does not exist, is not waiting, an override has no
     *                                   reason, a change has no dose, or accepting has no single suggestion
     */
    public OrderReview review(UUID orderId, ReviewAction action, Optional<SuggestedDose> newDose, String reason,
                              Map<String, String> alertReasons) {
        session.require(Permission.REVIEW_ORDERS);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(alertReasons, "alertReasons");
        String why = reason == null ? "" : reason.strip();
        if (action == ReviewAction.OVERRIDE && why.isEmpty()) {
            throw new IllegalArgumentException("Give the reason to keep the order against the suggestion");
        }
        if (action == ReviewAction.CHANGE_DOSE) {
            validDose(newDose.orElseThrow(() -> new IllegalArgumentException("Enter the new dose")));
        }
        return store.write(r -> {
            MedicationOrder order = r.orders().find(orderId)
                    .orElseThrow(() -> new IllegalArgumentException("No such order"));
            if (!order.status().awaitingReview()) {
                throw new IllegalArgumentException("This order was already reviewed");
            }
            LocalDate today = LocalDate.now(clock.withZone(zone));
            Optional<SuggestedDose> dose = switch (action) {
                case OVERRIDE, STOP -> Optional.empty();
                case CHANGE_DOSE -> newDose;
                case ACCEPT_SUGGESTION -> suggestion(order);
            };
            List<OrderAlert> answered = dose.isPresent()
                    ? answer(recheck(r, order, dose.get()), alertReasons) : List.of();
            if (dose.isPresent()) {
                r.medications().changeDose(order.medicationId(), dose.get().amountText() + " " + dose.get().unit(),
                        dose.get().frequency());
            } else if (action == ReviewAction.STOP || action == ReviewAction.ACCEPT_SUGGESTION) {
                r.medications().stop(order.medicationId(), today);
            }
            OrderStatus status = switch (action) {
                case OVERRIDE -> OrderStatus.OVERRIDDEN;
                case CHANGE_DOSE -> OrderStatus.DOSE_CHANGED;
                case ACCEPT_SUGGESTION -> OrderStatus.SUGGESTION_ACCEPTED;
                case STOP -> OrderStatus.STOPPED;
            };
            OrderReview review = new OrderReview(orderId, action, dose, why, session.username(), clock.instant(),
                    modelVersions(order), answered);
            r.orders().recordReview(review, status);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.ORDER_REVIEWED,
                    order.patient(), "order=" + orderId + ";action=" + action.name() + ";models=" + review.modelVersions()
                            + (dose.isPresent() ? ";recheck=" + alertCounts(answered) : "")));
            return review;
        });
    }

    private static void validDose(SuggestedDose d) {
        List<org.outpost.app.validation.Violation> problems = OrderDraft.doseViolations(d.amount(), d.unit(),
                d.frequency());
        if (!problems.isEmpty()) {
            throw new org.outpost.app.validation.ValidationException(problems);
        }
    }

    /** The alerts with the reasons given; throws when one that needs an answer has none. */
    private static List<OrderAlert> answer(List<OrderAlert> alerts, Map<String, String> reasons) {
        List<OrderAlert> answered = new ArrayList<>();
        boolean missingReason = false;
        for (OrderAlert a : alerts) {
            if (a.needsAnswer()) {
                String reason = reasons.getOrDefault(a.fingerprint(), "").strip();
                missingReason |= reason.isEmpty();
                answered.add(reason.isEmpty() ? a : a.answered(AlertResponse.OVERRIDDEN, reason));
            } else {
                answered.add(a);
            }
        }
        if (missingReason) {
            throw new UnansweredAlertsException(alerts);
        }
        return answered;
    }

    /**
     * The check on the order with another dose: the chart without the order's own medication-list entry (it is
     * the order being changed, not another medicine), and without the answers this order's prescriber gave.
     */
    private List<OrderAlert> recheck(Repositories r, MedicationOrder order, SuggestedDose dose) {
        Chart full = ChartService.load(r, order.patient());
        Chart chart = new Chart(full.patient(), full.observations(), full.medications().stream()
                .filter(m -> !m.id().equals(order.medicationId())).toList(), full.genotypes(), full.encounters());
        Map<String, AnsweredAlert> before = new java.util.LinkedHashMap<>(r.orders().answeredAlerts(order.patient()));
        order.alerts().forEach(a -> before.remove(a.fingerprint()));
        return check.check(chart, order.draft().withDose(dose), LocalDate.now(clock.withZone(zone)), before);
    }

    /**
     * The medication review of a patient's active medicines (see {@link PrescribingCheck#review}), on the chart
     * as it is now. Nothing is written.
     */
    public List<MedicineReview> reviewMedicines(PatientId patient) {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> check.review(ChartService.load(r, patient), LocalDate.now(clock.withZone(zone)),
                r.orders().answeredAlerts(patient)));
    }

    /** What the pharmacist sees beside an order for this patient ({@link PrescribingCheck#snapshot}). */
    public PharmacistSnapshot snapshot(PatientId patient) {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> check.snapshot(ChartService.load(r, patient), LocalDate.now(clock.withZone(zone))));
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
     * against the drug and suggest no dose — none (the order is stopped today).
     */
    private static Optional<SuggestedDose> suggestion(MedicationOrder order) {
        List<SuggestedDose> doses = order.alerts().stream().filter(OrderAlert::differs)
                .flatMap(a -> a.suggested().stream()).distinct().toList();
        if (doses.size() > 1) {
            throw new IllegalArgumentException("The alerts suggest different doses: change the dose instead");
        }
        return doses.stream().findFirst();
    }

    private List<OrderAlert> alerts(Repositories r, PatientId patient, OrderDraft draft) {
        Chart chart = ChartService.load(r, patient);
        return check.check(chart, draft, LocalDate.now(clock.withZone(zone)), r.orders().answeredAlerts(patient));
    }

    private static String placedDetail(MedicationOrder order) {
        return "order=" + order.id() + ";alerts=" + alertCounts(order.alerts())
                + ";review=" + order.status().awaitingReview() + ";models=" + modelVersions(order);
    }

    /** "1 high/0 moderate/2 low;overridden=1": counts only, no drug, dose or reason. */
    private static String alertCounts(List<OrderAlert> alerts) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        alerts.forEach(a -> counts.merge(a.severity(), 1, Integer::sum));
        return counts.getOrDefault(Severity.HIGH, 0) + " high/" + counts.getOrDefault(Severity.MODERATE, 0)
                + " moderate/" + counts.getOrDefault(Severity.LOW, 0) + " low;overridden="
                + alerts.stream().filter(a -> a.response() == AlertResponse.OVERRIDDEN).count();
    }

    /** "model@version" of the order's alerts, sorted, comma separated. */
    static String modelVersions(MedicationOrder order) {
        TreeSet<String> v = new TreeSet<>();
        order.alerts().forEach(a -> v.add(a.modelId() + "@" + a.modelVersion()));
        return String.join(",", v);
    }
}
