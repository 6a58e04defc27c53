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
import org.outpost.app.results.ReferenceRange;
import org.outpost.app.results.ReferenceRanges;
import org.outpost.app.results.ResultFlag;
import org.outpost.app.results.ResultUnits;
import org.outpost.app.usecase.ChartService;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.chart.results.ResultText;
import org.outpost.ui.text.AllergyText;
import org.outpost.ui.text.UiText;

/**
 * One open chart: the header, the summary, the observations with a trend per measure, medications,
 * genotypes and encounters. Opening is audited by {@link ChartService#open}; refreshing after a
 * recording is not.
 */
public final class ChartViewModel {
    /** A day and a time as the reader's language writes them (the app's clinical bundle). */
    private final DateTimeFormatter when;

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
    private final ReadOnlyObjectWrapper<ReferenceRange> seriesRange = new ReadOnlyObjectWrapper<>(this, "seriesRange");
    private final ReadOnlyObjectWrapper<ResultUnits> units = new ReadOnlyObjectWrapper<>(this, "units",
            ResultUnits.defaults());
    private final ReferenceRanges ranges = ReferenceRanges.bundled();
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
        this.when = text.clinicalTexts().dateTimeFormatter();
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

    /** A chart with the site's result units, read together off the FX thread. */
    private record Loaded(Chart chart, ResultUnits units) { }

    private void load(String name, java.util.concurrent.Callable<Chart> work) {
        loading.set(true);
        tasks.run(name, () -> {
            Chart c = work.call();
            return new Loaded(c, service.resultUnits());
        }, loaded -> {
            loading.set(false);
            units.set(loaded.units());
            show(loaded.chart());
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
        name.set(p.displayName(text.clinicalTexts()));
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
        ResultUnits site = units.get();
        ResultText results = new ResultText(text);
        for (Observation o : newestFirst) {
            Measure m = o.measure();
            org.outpost.app.domain.Unit unit = site.unit(m);
            double shown = site.display(m, o.value()).value();
            Optional<ReferenceRange> range = ranges.range(m, p.sex()).map(r -> r.in(unit));
            Optional<ResultFlag> flag = range.map(r -> r.flag(shown));
            rows.add(new ObservationRow(o.effective(), when.format(o.effective().atZone(zone)), m,
                    text.measure(m), results.number(m, unit, shown), unit.display(),
                    range.map(r -> results.range(m, r)).orElse(""), flag,
                    flag.map(results::symbol).orElse(""), flag.map(results::name).orElse("")));
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
            org.outpost.app.domain.Unit unit = site.unit(m);
            double shown = site.display(m, o.value()).value();
            String flag = ranges.range(m, p.sex()).map(r -> r.in(unit).flag(shown)).map(results::symbol).orElse("");
            return new SummaryRow(text.measure(m), results.valueWithFlag(results.number(m, unit, shown),
                    unit.display(), flag), when.format(o.effective().atZone(zone)));
        }).toList());
        medications.setAll(c.medications().stream().filter(m -> m.activeOn(today))
                .sorted(Comparator.comparing(Medication::name)).map(m -> new SummaryRow(m.name(),
                        String.join(" ", List.of(m.dose(), m.route(), m.frequency()).stream()
                                .filter(s -> !s.isBlank()).toList()), m.start().toString())).toList());
        genotypes.setAll(c.genotypes().stream().sorted(Comparator.comparing(Genotype::gene))
                .map(g -> new SummaryRow(g.gene(), phenotypes.apply(g).map(ph -> g.diplotype() + " \u2014 " + ph)
                        .orElse(g.diplotype()), g.resultDate().toString())).toList());
        encounters.setAll(c.encounters().reversed().stream().map((Encounter e) -> new SummaryRow(e.type(),
                e.reason(), when.format(e.start().atZone(zone)))).toList());
    }

    private void updateSeries() {
        Chart c = chart.get();
        Measure m = selectedMeasure.get();
        if (c == null || m == null) {
            series.clear();
            seriesUnit.set("");
            seriesRange.set(null);
            return;
        }
        ResultUnits site = units.get();
        org.outpost.app.domain.Unit unit = site.unit(m);
        ReferenceRange range = ranges.range(m, c.patient().sex()).map(r -> r.in(unit)).orElse(null);
        List<Observation> all = c.series(m);
        List<Observation> shown = all.subList(Math.max(0, all.size() - TREND_POINTS), all.size());
        seriesRange.set(range);
        seriesUnit.set(unit.display());
        series.setAll(shown.stream().map(o -> {
            double v = site.display(m, o.value()).value();
            return new SeriesPoint(o.effective(), v, Optional.ofNullable(range).map(r -> r.flag(v)));
        }).toList());
    }

    /** The most points a trend shows: the newest, so a long record stays light to draw. */
    public static final int TREND_POINTS = 120;

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

    /** The selected measure's values (the newest {@link #TREND_POINTS}), oldest first, in the site's unit. */
    public ObservableList<SeriesPoint> series() {
        return seriesView;
    }

    public ReadOnlyStringProperty seriesUnitProperty() {
        return seriesUnit.getReadOnlyProperty();
    }

    /** The selected measure's reference range for this patient, in the unit of its trend; null when it has none. */
    public ReadOnlyObjectProperty<ReferenceRange> seriesRangeProperty() {
        return seriesRange.getReadOnlyProperty();
    }

    /** The unit each measure is shown in at this site, as read with the chart. */
    public ReadOnlyObjectProperty<ResultUnits> unitsProperty() {
        return units.getReadOnlyProperty();
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

    /** The clinic's date of an instant, written yyyy-mm-dd. */
    public String dateText(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate().toString();
    }

    /** When a point was measured, as days since the epoch in the clinic's time zone (the chart's x axis). */
    public double epochDay(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate().toEpochDay()
                + at.atZone(clock.getZone()).toLocalTime().toSecondOfDay() / 86_400.0;
    }
}
