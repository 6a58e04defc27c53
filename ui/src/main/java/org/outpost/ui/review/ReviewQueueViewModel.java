package org.outpost.ui.review;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.prescribing.OrderDraft;
import org.outpost.app.usecase.Prescribing;
import org.outpost.app.prescribing.ReviewAction;
import org.outpost.app.prescribing.ReviewItem;
import org.outpost.app.prescribing.UnansweredAlertsException;
import org.outpost.ui.chart.order.AlertItem;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * The review queue: orders waiting for a pharmacist, oldest first. For the selected order the pharmacist
 * accepts the model's suggestion, changes the dose, or keeps the order as written with a reason; each is
 * saved with the model versions in the audit log and the order leaves the queue.
 */
public final class ReviewQueueViewModel {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Prescribing prescribing;
    private final TaskRunner tasks;
    private final UiText text;
    private final Clock clock;
    private final ObservableList<ReviewItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<ReviewItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final StringProperty unit = new SimpleStringProperty(this, "unit", "mg");
    private final StringProperty frequency = new SimpleStringProperty(this, "frequency", "once daily");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canAccept = new ReadOnlyBooleanWrapper(this, "canAccept");
    private final ReadOnlyStringWrapper acceptLabel = new ReadOnlyStringWrapper(this, "acceptLabel", "");
    private final ReadOnlyBooleanWrapper canChangeDose = new ReadOnlyBooleanWrapper(this, "canChangeDose");
    /** What the check says about the dose being set (a change or an accepted suggestion), with the answers. */
    private final ObservableList<AlertItem> recheck = FXCollections.observableArrayList();
    private final ObservableList<PatientLine> patientLines = FXCollections.observableArrayList();
    private java.util.function.Consumer<org.outpost.app.domain.PatientId> chartOpener = id -> { };
    /** The dose {@link #recheck} belongs to, and the action that set it. */
    private SuggestedDose recheckedDose;

    public ReviewQueueViewModel(Prescribing prescribing, TaskRunner tasks, UiText text, Clock clock) {
        this.prescribing = Objects.requireNonNull(prescribing);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.clock = Objects.requireNonNull(clock);
        selected.addListener((o, a, b) -> select(b));
    }

    public ObservableList<ReviewItem> items() {
        return items;
    }

    public ObjectProperty<ReviewItem> selectedProperty() {
        return selected;
    }

    /** The reason to keep an order against the suggestion (required), or a note with another action. */
    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty unitProperty() {
        return unit;
    }

    public StringProperty frequencyProperty() {
        return frequency;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The selected order: what was ordered, by whom, and the prescriber's reasons. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The selected order's alerts suggest one dose, or advise against the drug: there is one thing to accept. */
    public ReadOnlyBooleanProperty canAcceptProperty() {
        return canAccept.getReadOnlyProperty();
    }

    /** What accepting does for the selected order: take the suggested dose, or stop the order. */
    public ReadOnlyStringProperty acceptLabelProperty() {
        return acceptLabel.getReadOnlyProperty();
    }

    /**
     * A dose may be changed: false where the advice is to avoid the drug (a new dose does not answer that: stop
     * or switch, or keep the order with a reason).
     */
    public ReadOnlyBooleanProperty canChangeDoseProperty() {
        return canChangeDose.getReadOnlyProperty();
    }

    /**
     * The alerts the prescribing check raised on the dose being set, each needing the pharmacist's own reason
     * where it needs an answer; empty until a new dose raised one.
     */
    public ObservableList<AlertItem> recheck() {
        return recheck;
    }

    /** The checks in force, "model version" per line, so the pharmacist knows which CPIC tables apply. */
    public List<String> versions() {
        return prescribing.engine().versions();
    }

    /** When an item was ordered, in the clinic's time. */
    public String orderedAt(ReviewItem item) {
        return WHEN.format(item.order().orderedAt().atZone(clock.getZone()));
    }

    /** Problems with the tables in force, e.g. a refused update; usually none. */
    public List<String> notices() {
        return prescribing.engine().notices();
    }

    /** The selected order's alerts. */
    public List<OrderAlert> alerts() {
        return selected.get() == null ? List.of() : selected.get().order().alerts();
    }

    /** One line of what the pharmacist sees about the patient: "eGFR (CKD-EPI 2021)" → "61 mL/min/1.73m²". */
    public record PatientLine(String label, String value) { }

    /**
     * The patient beside the selected order, loaded in the background: indication, allergies, active medicines,
     * latest creatinine and weight with dates, creatinine clearance and eGFR as the dosing checks compute them
     * (or why not), genotype results with their meaning.
     */
    public ObservableList<PatientLine> patientLines() {
        return patientLines;
    }

    /** Where "Open chart" goes (the shell opens the patient's chart). */
    public void onOpenChart(java.util.function.Consumer<org.outpost.app.domain.PatientId> opener) {
        chartOpener = Objects.requireNonNull(opener);
    }

    /** Opens the selected order's patient's chart. */
    public void openChart() {
        ReviewItem item = selected.get();
        if (item != null) {
            chartOpener.accept(item.patient().id());
        }
    }

    private void loadPatient(ReviewItem item) {
        patientLines.clear();
        tasks.run("review-patient", () -> prescribing.snapshot(item.patient().id()), snapshot -> {
            if (item.equals(selected.get())) {
                patientLines.setAll(lines(item, snapshot));
            }
        }, this::failed);
    }

    private List<PatientLine> lines(ReviewItem item, org.outpost.app.prescribing.PharmacistSnapshot s) {
        List<PatientLine> out = new java.util.ArrayList<>();
        String indication = item.order().draft().indication();
        if (!indication.isEmpty()) {
            String label = prescribing.engine().indications(item.order().draft().drug()).stream()
                    .filter(i -> i.key().equals(indication)).map(org.outpost.app.pgx.Indication::label)
                    .findFirst().orElse(indication);
            out.add(new PatientLine(text.get("review.patient.indication"), label));
        }
        out.add(new PatientLine(text.get("review.patient.allergies"),
                org.outpost.ui.text.AllergyText.status(text, item.patient().allergies(), clock.getZone())));
        out.add(new PatientLine(text.get("review.patient.medicines"), s.activeMedicines().isEmpty()
                ? text.get("review.patient.none")
                : String.join("; ", s.activeMedicines().stream().map(m -> (m.name() + " " + m.dose() + " "
                        + m.frequency()).strip().replaceAll("\\s+", " ")
                        + text.get("review.patient.since", m.start().toString())).toList())));
        out.add(new PatientLine(text.get("review.patient.creatinine"), s.creatinine().map(this::observed)
                .orElse(text.get("review.patient.notRecorded"))));
        out.add(new PatientLine(text.get("review.patient.weight"), s.weight().map(this::observed)
                .orElse(text.get("review.patient.notRecorded"))));
        out.add(kidney(s.creatinineClearance()));
        out.add(kidney(s.egfr()));
        out.add(new PatientLine(text.get("review.patient.genotypes"), s.genotypes().isEmpty()
                ? text.get("review.patient.noGenotypes")
                : String.join("; ", s.genotypes().stream().map(g -> g.gene() + " " + g.diplotype()
                        + (g.meaning().isEmpty() ? "" : ": " + g.meaning())
                        + text.get("review.patient.reported", g.reported().toString())).toList())));
        return out;
    }

    private String observed(org.outpost.app.domain.Observation o) {
        return text.get("review.patient.observed", o.value().toString(),
                WHEN.format(o.effective().atZone(clock.getZone())));
    }

    private PatientLine kidney(org.outpost.app.prescribing.PharmacistSnapshot.KidneyFunction k) {
        return new PatientLine(k.model(), k.value().isPresent()
                ? text.get("review.patient.kidneyValue", Math.round(k.value().getAsDouble()), k.unit())
                : text.get("review.patient.kidneyNone", k.why()));
    }

    /** Reloads the queue in the background. */
    public void refresh() {
        busy.set(true);
        tasks.run("review-queue", prescribing::queue, list -> {
            busy.set(false);
            ReviewItem was = selected.get();
            items.setAll(list);
            selected.set(was == null ? null : list.stream()
                    .filter(i -> i.order().id().equals(was.order().id())).findFirst().orElse(null));
            if (selected.get() == null && !list.isEmpty()) {
                selected.set(list.getFirst());
            }
            if (list.isEmpty() && status.get().isEmpty()) {
                status.set(text.get("review.empty")); // the table says so too; a review's outcome stays on show
            }
        }, this::failed);
    }

    /** Takes the suggested dose (checked again like any dose), or stops the order where the advice is to avoid. */
    public void accept() {
        ReviewItem item = selected.get();
        if (item == null) {
            return;
        }
        List<SuggestedDose> doses = suggestedDoses(item);
        if (doses.isEmpty()) {
            decide(ReviewAction.STOP, Optional.empty());
        } else if (doses.size() == 1) {
            decide(ReviewAction.ACCEPT_SUGGESTION, Optional.of(doses.getFirst()));
        }
    }

    public void changeDose() {
        double value;
        try {
            value = Double.parseDouble(amount.get().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            status.set(text.get("review.doseInvalid"));
            return;
        }
        var problems = OrderDraft.doseViolations(value, unit.get(), frequency.get());
        if (!problems.isEmpty()) {
            status.set(text.violation(problems.getFirst()));
            return;
        }
        if (!canChangeDose.get()) {
            status.set(text.get("review.avoidNoDoseChange"));
            return;
        }
        decide(ReviewAction.CHANGE_DOSE, Optional.of(new SuggestedDose(value, unit.get(),
                OrderDraft.canonicalFrequency(frequency.get()))));
    }

    public void override() {
        if (reason.get().isBlank()) {
            status.set(text.get("review.reasonRequired"));
            return;
        }
        decide(ReviewAction.OVERRIDE, Optional.empty());
    }

    /**
     * Saves the review. A dose (changed or accepted) is first checked again; when that raises alerts that need
     * an answer they are shown, and the review is saved once each has the pharmacist's reason.
     */
    private void decide(ReviewAction action, Optional<SuggestedDose> dose) {
        ReviewItem item = selected.get();
        if (item == null || busy.get()) {
            return;
        }
        if (dose.isPresent() && !(dose.get().equals(recheckedDose) && recheck.stream().allMatch(AlertItem::answered))) {
            if (dose.get().equals(recheckedDose)) {
                status.set(text.get("review.recheckNeedsReasons"));
                return;
            }
            busy.set(true);
            tasks.run("order-recheck", () -> prescribing.checkReview(item.order().id(), dose.get()), alerts -> {
                busy.set(false);
                showRecheck(dose.get(), alerts);
                if (alerts.stream().noneMatch(OrderAlert::needsAnswer)) {
                    save(item, action, dose);
                } else {
                    status.set(text.get("review.recheckNeedsReasons"));
                }
            }, this::failed);
            return;
        }
        save(item, action, dose);
    }

    private void save(ReviewItem item, ReviewAction action, Optional<SuggestedDose> dose) {
        String why = reason.get();
        Map<String, String> answers = new LinkedHashMap<>();
        recheck.forEach(a -> answers.put(a.alert().fingerprint(), a.reasonProperty().get()));
        busy.set(true);
        tasks.run("order-review", () -> prescribing.review(item.order().id(), action, dose, why, answers), review -> {
            busy.set(false);
            reason.set("");
            status.set(text.get(switch (action) {
                case ACCEPT_SUGGESTION -> "review.done.accepted";
                case CHANGE_DOSE -> "review.done.changed";
                case OVERRIDE -> "review.done.overridden";
                case STOP -> "review.done.stopped";
            }, item.order().draft().drug()));
            selected.set(null);
            refresh();
        }, failure -> {
            if (failure instanceof UnansweredAlertsException u && dose.isPresent()) {
                busy.set(false);
                showRecheck(dose.get(), u.alerts()); // the chart changed since the check: answer the new alerts
                status.set(text.get("review.recheckNeedsReasons"));
            } else {
                failed(failure);
            }
        });
    }

    private void showRecheck(SuggestedDose dose, List<OrderAlert> alerts) {
        Map<String, String> kept = new LinkedHashMap<>();
        recheck.forEach(a -> kept.put(a.alert().fingerprint(), a.reasonProperty().get()));
        recheckedDose = dose;
        recheck.setAll(alerts.stream().sorted((a, b) -> b.severity().compareTo(a.severity())).map(a -> {
            AlertItem item = new AlertItem(a);
            item.reasonProperty().set(kept.getOrDefault(a.fingerprint(), ""));
            return item;
        }).toList());
    }

    private static List<SuggestedDose> suggestedDoses(ReviewItem item) {
        return item.order().alerts().stream().filter(OrderAlert::differs).flatMap(a -> a.suggested().stream())
                .distinct().toList();
    }

    /** Advice to avoid the drug: a differing alert of moderate or high severity that suggests no dose. */
    private static boolean adviceToAvoid(ReviewItem item) {
        return item.order().alerts().stream().anyMatch(a -> a.differs() && a.suggested().isEmpty()
                && a.severity() != org.outpost.app.model.Severity.LOW);
    }

    private void select(ReviewItem item) {
        recheck.clear();
        recheckedDose = null;
        patientLines.clear();
        if (item == null) {
            canChangeDose.set(false);
            details.set("");
            canAccept.set(false);
            acceptLabel.set(text.get("review.accept"));
            return;
        }
        var o = item.order();
        var p = item.patient();
        details.set(text.get("review.details", p.familyName(), p.givenName(), p.mrn().value(), o.draft().drug(),
                o.draft().dose().toString(), o.draft().route(), o.orderedBy(), WHEN.format(o.orderedAt().atZone(clock.getZone()))));
        amount.set(o.draft().amountText());
        unit.set(o.draft().unit());
        frequency.set(o.draft().frequency());
        List<SuggestedDose> doses = suggestedDoses(item);
        canChangeDose.set(!adviceToAvoid(item));
        canAccept.set(doses.size() <= 1);
        acceptLabel.set(doses.size() == 1 ? text.get("review.acceptDose", doses.getFirst().toString())
                : doses.isEmpty() ? text.get("review.acceptStop") : text.get("review.accept"));
        loadPatient(item);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof org.outpost.app.validation.ValidationException v && !v.violations().isEmpty()) {
            status.set(text.violation(v.violations().getFirst())); // e.g. a dose refused as impossible
        } else if (failure instanceof IllegalArgumentException e) {
            status.set(e.getMessage());
            refresh();
        } else {
            status.set(text.get("review.failed"));
            tasks.reporter().report(failure);
        }
    }
}
