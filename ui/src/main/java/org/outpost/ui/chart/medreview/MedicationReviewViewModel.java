package org.outpost.ui.chart.medreview;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.PatientId;
import org.outpost.app.prescribing.MedicineReview;
import org.outpost.app.usecase.Prescribing;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * The medication review of the open chart: every active medicine the checks know, with the alerts the
 * prescribing check raises for it today. Runs again, off the FX thread, whenever the chart is reloaded (a new
 * result, a medicine started or stopped), so a genotype recorded today shows against the clopidogrel the
 * patient has taken for a year.
 */
public final class MedicationReviewViewModel {
    private final Prescribing prescribing;
    private final PatientId patient;
    private final TaskRunner tasks;
    private final UiText text;
    private final ObservableList<MedicineReview> reviews = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper needingAttention = new ReadOnlyIntegerWrapper(this, "needingAttention");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public MedicationReviewViewModel(Prescribing prescribing, PatientId patient, TaskRunner tasks, UiText text) {
        this.prescribing = Objects.requireNonNull(prescribing);
        this.patient = Objects.requireNonNull(patient);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
    }

    /** Reviews again each time the chart is (re)loaded. */
    public void follow(ObservableValue<Chart> chart) {
        chart.addListener((o, a, c) -> {
            if (c != null) {
                refresh();
            }
        });
        if (chart.getValue() != null) {
            refresh();
        }
    }

    /** The reviewed medicines, in list order. */
    public ObservableList<MedicineReview> reviews() {
        return reviews;
    }

    /** How many medicines have an alert above information. */
    public ReadOnlyIntegerProperty needingAttentionProperty() {
        return needingAttention.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void refresh() {
        busy.set(true);
        tasks.run("medication-review", () -> prescribing.reviewMedicines(patient), this::show, failure -> {
            busy.set(false);
            status.set(text.get("medreview.failed"));
            tasks.reporter().report(failure);
        });
    }

    private void show(List<MedicineReview> result) {
        busy.set(false);
        reviews.setAll(result);
        int attention = (int) result.stream().filter(MedicineReview::needsAttention).count();
        needingAttention.set(attention);
        status.set(result.isEmpty() ? text.get("medreview.none")
                : attention == 0 ? text.get("medreview.clear", result.size())
                : text.get("medreview.attention", attention, result.size()));
    }
}
