package org.outpost.ui.chart.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.decision.Decision;
import org.outpost.app.usecase.RiskDecisions;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.PatientId;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.model.InputResolver;
import org.outpost.app.model.ResolvedInputs;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * The chart's risk panel: one {@link RiskCardViewModel} per bundled model, in the registry's order, built
 * from the open chart and the patient's latest decisions. Reading the decisions and resolving the inputs
 * run on the task runner; each newly loaded chart rebuilds the cards (a what-if is never saved).
 */
public final class RiskPanelViewModel {
    private final RiskDecisions decisions;
    private final PatientId patient;
    private final List<ClinicalModel> models;
    private final TaskRunner tasks;
    private final UiText text;
    private final Clock clock;
    private final InputResolver resolver;

    private final ObservableList<RiskCardViewModel> cards = FXCollections.observableArrayList();
    private final ObservableList<RiskCardViewModel> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long generation;

    public RiskPanelViewModel(RiskDecisions decisions, PatientId patient, List<ClinicalModel> models, TaskRunner tasks,
                              UiText text, Clock clock) {
        this.decisions = Objects.requireNonNull(decisions);
        this.patient = Objects.requireNonNull(patient);
        this.models = List.copyOf(models);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.clock = Objects.requireNonNull(clock);
        this.resolver = BundledModels.resolver(clock.getZone());
    }

    /** Shows every chart {@code chart} holds from now on (the chart view model's loaded chart). */
    public void follow(ObservableValue<Chart> chart) {
        chart.addListener((o, a, c) -> {
            if (c != null) {
                show(c);
            }
        });
        if (chart.getValue() != null) {
            show(chart.getValue());
        }
    }

    private record Prepared(ClinicalModel model, ResolvedInputs inputs, Optional<Decision> latest) { }

    /** Resolves every model's inputs from {@code chart} and reads the latest decisions, off the FX thread. */
    public void show(Chart chart) {
        if (!chart.patient().id().equals(patient)) {
            throw new IllegalArgumentException("Another patient's chart");
        }
        LocalDate today = LocalDate.now(clock);
        long gen = ++generation;
        loading.set(true);
        tasks.run("risk-load", () -> {
            Map<String, Decision> latest = decisions.latest(patient);
            return models.stream().map(m -> new Prepared(m, resolver.resolve(m, chart, today),
                    Optional.ofNullable(latest.get(m.ref().id())))).toList();
        }, prepared -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            error.set("");
            cards.setAll(prepared.stream().map(p -> new RiskCardViewModel(p.model(), p.inputs(), p.latest(), patient,
                    decisions, tasks, text, clock.getZone())).toList());
        }, failure -> {
            loading.set(false);
            error.set(text.get("chart.risk.loadFailed", tasks.reporter().report(failure).errorId()));
        });
    }

    /** One card per model, in the order the registry lists them. */
    public ObservableList<RiskCardViewModel> cards() {
        return cardsView;
    }

    /** The card of a model, by id. */
    public Optional<RiskCardViewModel> card(String modelId) {
        return cards.stream().filter(c -> c.ref().id().equals(modelId)).findFirst();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
