package org.outpost.ui.patient.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.usecase.PatientRegistry;
import org.outpost.ui.concurrent.Debouncer;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * Finding a patient as the user types: each change of the query is debounced, the search runs in the
 * background, and an answer to an older query than the latest is dropped.
 */
public final class PatientSearchViewModel {
    private final PatientRegistry registry;
    private final TaskRunner tasks;
    private final Debouncer debouncer;
    private final UiText text;
    private final Clock clock;
    private final Consumer<PatientId> onOpen;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<PatientSummary> results = FXCollections.observableArrayList();
    private final ObservableList<PatientSummary> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private long generation;

    public PatientSearchViewModel(PatientRegistry registry, TaskRunner tasks, Debouncer debouncer, UiText text,
                                  Clock clock, Consumer<PatientId> onOpen) {
        this.registry = Objects.requireNonNull(registry);
        this.tasks = Objects.requireNonNull(tasks);
        this.debouncer = Objects.requireNonNull(debouncer);
        this.text = Objects.requireNonNull(text);
        this.clock = Objects.requireNonNull(clock);
        this.onOpen = Objects.requireNonNull(onOpen);
        status.set(text.get("search.hint"));
        query.addListener((o, old, now) -> queryChanged(now));
    }

    /** What the user types: name prefixes, an MRN or a date of birth. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The patients matching the latest query, in the store's order. */
    public ObservableList<PatientSummary> results() {
        return resultsView;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** A line under the results: how many were found, or what to type. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Opens the chart of a found patient. */
    public void open(PatientSummary patient) {
        if (patient != null) {
            onOpen.accept(patient.id());
        }
    }

    /** Runs the current query again now (after a patient was added, say). */
    public void refresh() {
        String q = query.get();
        long mine = ++generation;
        search(q, mine);
    }

    /** Age in completed years today, for the results table. */
    public int age(LocalDate birthDate) {
        return java.time.Period.between(birthDate, LocalDate.now(clock)).getYears();
    }

    private void queryChanged(String now) {
        long mine = ++generation;
        if (now == null || now.isBlank()) {
            results.clear();
            searching.set(false);
            status.set(text.get("search.hint"));
            return;
        }
        searching.set(true);
        debouncer.submit(() -> search(now, mine));
    }

    private void search(String q, long mine) {
        if (mine != generation) {
            return;
        }
        if (q == null || q.isBlank()) {
            results.clear();
            return;
        }
        searching.set(true);
        tasks.run("patient-search", () -> registry.search(q), found -> show(found, mine), failure -> {
            if (mine == generation) {
                searching.set(false);
                status.set(text.get("search.failed", tasks.reporter().report(failure).errorId()));
            }
        });
    }

    private void show(List<PatientSummary> found, long mine) {
        if (mine != generation) {
            return; // an older query answered late
        }
        searching.set(false);
        results.setAll(found);
        status.set(found.isEmpty() ? text.get("search.none")
                : found.size() >= PatientRegistry.SEARCH_LIMIT ? text.get("search.limited", found.size())
                : text.get("search.count", found.size()));
    }
}
