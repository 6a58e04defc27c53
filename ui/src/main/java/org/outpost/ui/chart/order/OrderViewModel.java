package org.outpost.ui.chart.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.domain.PatientId;
import org.outpost.app.pgx.Indication;
import org.outpost.app.prescribing.DoseRefusedException;
import org.outpost.app.prescribing.MedicationOrder;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.prescribing.OrderDraft;
import org.outpost.app.usecase.Prescribing;
import org.outpost.app.prescribing.UnansweredAlertsException;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * A new medication order: the prescriber fills in drug and dose, the prescribing check runs in the background
 * and its alerts are shown with their suggested doses; an alert that needs an answer needs a reason before
 * the order can be saved. Changing the order makes the shown alerts stale, and saving waits for a fresh check.
 */
public final class OrderViewModel {
    private final Prescribing prescribing;
    private final PatientId patient;
    private final TaskRunner tasks;
    private final UiText text;
    private final Runnable onSaved;

    private final StringProperty drug = new SimpleStringProperty(this, "drug", "");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final StringProperty unit = new SimpleStringProperty(this, "unit", "mg");
    private final StringProperty frequency = new SimpleStringProperty(this, "frequency", "once daily");
    private final StringProperty route = new SimpleStringProperty(this, "route", "oral");
    private final javafx.beans.property.ObjectProperty<Indication> indication =
            new javafx.beans.property.SimpleObjectProperty<>(this, "indication");
    private final ObservableList<Indication> indications = FXCollections.observableArrayList();
    private final ObservableList<AlertItem> alerts = FXCollections.observableArrayList(
            a -> new Observable[] {a.reasonProperty()});
    private final Map<String, ReadOnlyStringWrapper> fieldErrors = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(this, "checked");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private OrderDraft checkedDraft;

    public OrderViewModel(Prescribing prescribing, PatientId patient, TaskRunner tasks, UiText text, Runnable onSaved) {
        this.prescribing = Objects.requireNonNull(prescribing);
        this.patient = Objects.requireNonNull(patient);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.onSaved = Objects.requireNonNull(onSaved);
        for (String field : List.of("drug", "amount", "unit", "frequency")) {
            fieldErrors.put(field, new ReadOnlyStringWrapper(this, field + "Error", ""));
        }
        for (StringProperty p : List.of(drug, amount, unit, frequency, route)) {
            p.addListener((o, a, b) -> changed());
        }
        indication.addListener((o, a, b) -> changed());
        drug.addListener((o, a, b) -> offerIndications());
        alerts.addListener((javafx.collections.ListChangeListener<AlertItem>) c -> updateCanSave());
        busy.addListener((o, a, b) -> updateCanSave());
    }

    public StringProperty drugProperty() {
        return drug;
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

    public StringProperty routeProperty() {
        return route;
    }

    /**
     * The indication the order is for, among {@link #indications()}; null when not stated (the check then
     * shows the strictest advice and says so).
     */
    public javafx.beans.property.ObjectProperty<Indication> indicationProperty() {
        return indication;
    }

    /**
     * The indications the drug's advice depends on (clopidogrel: ACS/PCI, other cardiovascular, stroke or TIA);
     * empty for most drugs, and then the form does not ask.
     */
    public ObservableList<Indication> indications() {
        return indications;
    }

    private void offerIndications() {
        List<Indication> now = prescribing.engine().indications(drug.get());
        if (!now.equals(indications)) {
            indications.setAll(now);
            if (indication.get() != null && !now.contains(indication.get())) {
                indication.set(null);
            }
        }
    }

    /** The alerts of the last check, most severe first. */
    public ObservableList<AlertItem> alerts() {
        return alerts;
    }

    /** The message for a field ("drug", "amount", "unit", "frequency"), empty when it is fine. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return fieldErrors.get(field).getReadOnlyProperty();
    }

    /** What happened last: checked with N alerts, saved, or why not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The alerts on show belong to the order as it is now. */
    public ReadOnlyBooleanProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    /** Checked, every alert that needs a reason has one, and nothing is running. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** Runs the prescribing check on the order as filled in; shows field problems instead when it is incomplete. */
    public void check() {
        Optional<OrderDraft> draft = draft();
        if (draft.isEmpty()) {
            return;
        }
        busy.set(true);
        status.set(text.get("order.checking"));
        tasks.run("order-check", () -> prescribing.check(patient, draft.get()), result -> {
            busy.set(false);
            show(draft.get(), result);
        }, this::failed);
    }

    /** Takes an alert's suggested dose into the order, and checks again. */
    public void useSuggestion(AlertItem item) {
        item.alert().suggested().ifPresent(d -> {
            amount.set(d.amountText());
            unit.set(d.unit());
            frequency.set(OrderDraft.canonicalFrequency(d.frequency()));
            check();
        });
    }

    /** Saves the order with the reasons given; the check runs again inside the save. */
    public void save() {
        if (!canSave.get() || checkedDraft == null) {
            return;
        }
        OrderDraft draft = checkedDraft;
        Map<String, String> reasons = new LinkedHashMap<>();
        alerts.forEach(a -> reasons.put(a.alert().fingerprint(), a.reasonProperty().get()));
        busy.set(true);
        tasks.run("order-place", () -> prescribing.place(patient, draft, reasons), this::saved, failure -> {
            busy.set(false);
            if (failure instanceof UnansweredAlertsException u) {
                show(draft, u.alerts());
                status.set(text.get("order.changed"));
            } else {
                failed(failure);
            }
        });
    }

    /** Empties the form for the next order. */
    public void clear() {
        drug.set("");
        amount.set("");
        unit.set("mg");
        frequency.set("once daily");
        route.set("oral");
        alerts.clear();
        fieldErrors.values().forEach(e -> e.set(""));
        status.set("");
    }

    private void saved(MedicationOrder order) {
        busy.set(false);
        String name = order.draft().drug() + " " + order.draft().dose();
        clear();
        status.set(order.status().awaitingReview() ? text.get("order.savedForReview", name) : text.get("order.saved", name));
        onSaved.run();
    }

    private void show(OrderDraft draft, List<OrderAlert> result) {
        checkedDraft = draft;
        Map<String, String> kept = new LinkedHashMap<>();
        alerts.forEach(a -> kept.put(a.alert().fingerprint(), a.reasonProperty().get()));
        alerts.setAll(result.stream()
                .sorted((a, b) -> b.severity().compareTo(a.severity()))
                .map(a -> {
                    AlertItem item = new AlertItem(a);
                    item.reasonProperty().set(kept.getOrDefault(a.fingerprint(), ""));
                    return item;
                }).toList());
        checked.set(true);
        long needing = result.stream().filter(OrderAlert::needsAnswer).count();
        status.set(result.isEmpty() && !prescribing.engine().knows(draft.drug()) ? text.get("order.unknownDrug")
                : result.isEmpty() ? text.get("order.noAlerts")
                : needing > 0 ? text.get("order.alertsNeedReason", result.size(), needing)
                : text.get("order.alerts", result.size()));
        updateCanSave();
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof ValidationException v) {
            showViolations(v.violations());
            ReadOnlyStringWrapper amountError = fieldErrors.get("amount");
            if (failure instanceof DoseRefusedException refused && amountError != null) {
                // the dose-limit check's words in the reader's language (the violation holds their English)
                amountError.set(text.clinical(refused.advice()));
            }
        } else {
            status.set(text.get("order.failed"));
            tasks.reporter().report(failure);
        }
    }

    private Optional<OrderDraft> draft() {
        fieldErrors.values().forEach(e -> e.set(""));
        double value;
        try {
            value = Double.parseDouble(amount.get().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        OrderDraft d = new OrderDraft(drug.get(), value, unit.get(), frequency.get(), route.get(),
                indication.get() == null ? "" : indication.get().key());
        List<Violation> problems = d.violations();
        if (!problems.isEmpty()) {
            showViolations(problems);
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private void showViolations(List<Violation> problems) {
        for (Violation v : problems) {
            ReadOnlyStringWrapper target = fieldErrors.get(v.field());
            if (target != null && target.get().isEmpty()) {
                target.set(text.violation(v));
            }
        }
        status.set(text.get("order.fix"));
    }

    private void changed() {
        checked.set(false);
        updateCanSave();
    }

    private void updateCanSave() {
        canSave.set(checked.get() && !busy.get() && alerts.stream().allMatch(AlertItem::answered));
    }

    /** Drug names the checks know, for completion while typing. */
    public java.util.SortedSet<String> knownDrugs() {
        return prescribing.engine().drugs();
    }
}
