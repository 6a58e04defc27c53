package org.outpost.ui.chart;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Encounter;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.port.DamagedRecordException;
import org.outpost.app.usecase.ChartService;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.AllergyText;
import org.outpost.ui.text.UiText;

/**
 * One open chart: the header, the summary, the observations with a trend per measure, medications,
 * genotypes and encounters. Opening is audited by {@link ChartService#open}; refreshing after a
 * recording is not.
 */
public final class ChartViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ChartService service;
    private final PatientId patientId;
    private final TaskRunner tasks;
    private final UiText text;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<Chart> chart = new ReadOnlyObjectWrapper<>(this, "chart");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper allergies = new ReadOnlyStringWrapper(this, "allergies", "");
    private final ReadOnlyBooleanWrapper hasAllergies = new ReadOnlyBooleanWrapper(this, "hasAllergies");
    private final ReadOnlyBooleanWrapper allergiesRecorded = new ReadOnlyBooleanWrapper(this, "allergiesRecorded", true);
    private final ObservableList<ObservationRow> observations = FXCollections.observableArrayList();
    private final ObservableList<ObservationRow> observationsView = FXCollections.unmodifiableObservableList(observations);
    private final ObservableList<Measure> measures = FXCollections.observableArrayList();
    private final ObservableList<Measure> measuresView = FXCollections.unmodifiableObservableList(measures);
    private final ObjectProperty<Measure> selectedMeasure = new SimpleObjectProperty<>(this, "selectedMeasure");
    private final ObservableList<SeriesPoint> series = FXCollections.observableArrayList();
    private final ObservableList<SeriesPoint> seriesView = FXCollections.unmodifiableObservableList(series);
    private final ReadOnlyStringWrapper seriesUnit = new ReadOnlyStringWrapper(this, "seriesUnit", "");
    private final ObservableList<SummaryRow> latest = FXCollections.observableArrayList();
    private final ObservableList<SummaryRow> latestView = FXCollections.unmodifiableObservableList(latest);
    private final ObservableList<SummaryRow> medications = FXCollections.observableArrayList();
    private final ObservableList<SummaryRow> medicationsView = FXCollections.unmodifiableObservableList(medications);
    private final ObservableList<SummaryRow> genotypes = FXCollections.observableArrayList();
    private java.util.function.Function<Genotype, Optional<String>> phenotypes = g -> Optional.empty();
    private final ObservableList<SummaryRow> genotypesView = FXCollections.unmodifiableObservableList(genotypes);
    private final ObservableList<SummaryRow> encounters = FXCollections.observableArrayList();
    private final ObservableList<SummaryRow> encountersView = FXCollections.unmodifiableObservableList(encounters);

    public ChartViewModel(ChartService service, PatientId patientId, TaskRunner tasks, UiText text, Clock clock) {
        this.service = Objects.requireNonNull(service);
        this.patientId = Objects.requireNonNull(patientId);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.clock = Objects.requireNonNull(clock);
        selectedMeasure.addListener((o, a, b) -> updateSeries());
    }

    /**
     * How a lab result reads as a phenotype ("CYP2C19 poor metabolizer"), shown beside the diplotype; by
     * default none.
     */
    public void interpretGenotypesWith(java.util.function.Function<Genotype, Optional<String>> interpreter) {
        this.phenotypes = Objects.requireNonNull(interpreter);
    }

    public PatientId patientId() {
        return patientId;
    }

    /** Opens the chart (audited). */
    public void open() {
        load("chart-open", () -> service.open(patientId));
    }

    /** Reloads after a change made from this chart (not audited as a second opening). */
    public void reload() {
        load("chart-reload", () -> service.reload(patientId));
    }

    private void load(String name, java.util.concurrent.Callable<Chart> work) {
        loading.set(true);
        tasks.run(name, work, loaded -> {
            loading.set(false);
            show(loaded);
        }, failure -> {
            loading.set(false);
            if (failure instanceof DamagedRecordException damaged) {
                // expected, and handled here: nothing of the chart is shown rather than a possibly wrong value
                chart.set(null);
                error.set(text.get("chart.damaged", damaged.table(), damaged.rowId()));
            } else {
                error.set(text.get("chart.loadFailed", tasks.reporter().report(failure).errorId()));
            }
        });
    }

    private void show(Chart c) {
        chart.set(c);
        Patient p = c.patient();
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        name.set(p.displayName());
        details.set(text.get("chart.details", p.ageOn(today), text.sex(p.sex()), p.mrn().value(),
                p.birthDate().toString()));
        hasAllergies.set(p.allergies() instanceof AllergyStatus.Listed);
        allergiesRecorded.set(p.allergies().isRecorded());
        allergies.set(AllergyText.status(text, p.allergies(), zone));

        List<ObservationRow> rows = new ArrayList<>();
        List<Observation> newestFirst = c.observations().stream()
                .sorted(Comparator.comparing(Observation::effective).reversed()
                        .thenComparing(o -> o.measure().ordinal()))
                .toList();
        for (Observation o : newestFirst) {
            rows.add(new ObservationRow(o.effective(), WHEN.format(o.effective().atZone(zone)), o.measure(),
                    text.measure(o.measure()), format(o.measure(), o.value().value()), o.value().unit().display()));
        }
        observations.setAll(rows);

        List<Measure> present = java.util.Arrays.stream(Measure.values()).filter(m -> c.latest(m).isPresent()).toList();
        Measure keep = selectedMeasure.get();
        measures.setAll(present);
        if (keep != null && present.contains(keep)) {
            updateSeries();
        } else {
            selectedMeasure.set(present.isEmpty() ? null : present.getFirst());
        }

        latest.setAll(present.stream().map(m -> {
            Observation o = c.latest(m).orElseThrow();
            return new SummaryRow(text.measure(m), format(m, o.value().value()) + " " + o.value().unit().display(),
                    WHEN.format(o.effective().atZone(zone)));
        }).toList());
        medications.setAll(c.medications().stream().filter(m -> m.activeOn(today))
                .sorted(Comparator.comparing(Medication::name)).map(m -> new SummaryRow(m.name(),
                        String.join(" ", List.of(m.dose(), m.route(), m.frequency()).stream()
                                .filter(s -> !s.isBlank()).toList()), m.start().toString())).toList());
        genotypes.setAll(c.genotypes().stream().sorted(Comparator.comparing(Genotype::gene))
                .map(g -> new SummaryRow(g.gene(), phenotypes.apply(g).map(ph -> g.diplotype() + " \u2014 " + ph)
                        .orElse(g.diplotype()), g.resultDate().toString())).toList());
        encounters.setAll(c.encounters().reversed().stream().map((Encounter e) -> new SummaryRow(e.type(),
                e.reason(), WHEN.format(e.start().atZone(zone)))).toList());
    }

    private static String format(Measure m, double value) {
        return Measure.format(value);
    }

    private void updateSeries() {
        Chart c = chart.get();
        Measure m = selectedMeasure.get();
        if (c == null || m == null) {
            series.clear();
            seriesUnit.set("");
            return;
        }
        series.setAll(c.series(m).stream().map(o -> new SeriesPoint(o.effective(), o.canonical().value())).toList());
        seriesUnit.set(m.canonicalUnit().display());
    }

    public ReadOnlyObjectProperty<Chart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Family, Given". */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** Age, sex, MRN and birth date in one line. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty allergiesProperty() {
        return allergies.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasAllergiesProperty() {
        return hasAllergies.getReadOnlyProperty();
    }

    /** False while the patient's allergies have never been recorded (the header asks for them). */
    public ReadOnlyBooleanProperty allergiesRecordedProperty() {
        return allergiesRecorded.getReadOnlyProperty();
    }

    /** Every observation, newest first. */
    public ObservableList<ObservationRow> observations() {
        return observationsView;
    }

    /** The measures that have at least one value, to pick a trend from. */
    public ObservableList<Measure> measures() {
        return measuresView;
    }

    /** The measure whose trend is shown. */
    public ObjectProperty<Measure> selectedMeasureProperty() {
        return selectedMeasure;
    }

    /** The selected measure's values, oldest first, in its canonical unit. */
    public ObservableList<SeriesPoint> series() {
        return seriesView;
    }

    public ReadOnlyStringProperty seriesUnitProperty() {
        return seriesUnit.getReadOnlyProperty();
    }

    public String measureName(Measure m) {
        return text.measure(m);
    }

    /** Latest value of each measure. */
    public ObservableList<SummaryRow> latest() {
        return latestView;
    }

    /** Medications active today. */
    public ObservableList<SummaryRow> medications() {
        return medicationsView;
    }

    public ObservableList<SummaryRow> genotypes() {
        return genotypesView;
    }

    /** Encounters, newest first. */
    public ObservableList<SummaryRow> encounters() {
        return encountersView;
    }

    /** When a point was measured, as days since the epoch in the clinic's time zone (the chart's x axis). */
    public double epochDay(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate().toEpochDay()
                + at.atZone(clock.getZone()).toLocalTime().toSecondOfDay() / 86_400.0;
    }
}
