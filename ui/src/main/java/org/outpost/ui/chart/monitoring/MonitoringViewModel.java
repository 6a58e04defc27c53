package org.outpost.ui.chart.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.PatientId;
import org.outpost.app.monitoring.Assessment;
import org.outpost.app.monitoring.BandSegment;
import org.outpost.app.monitoring.CgmSummary;
import org.outpost.app.monitoring.Deviation;
import org.outpost.app.monitoring.GlucoseReading;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.MonitoringFlag;
import org.outpost.app.monitoring.Reading;
import org.outpost.app.monitoring.SeriesExtent;
import org.outpost.app.port.MonitoringRepository;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.app.usecase.NotPermittedException;
import org.outpost.app.validation.ValidationException;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * The chart's monitoring tab: the measures the patient has home or wearable readings of, one measure's readings
 * over a window (a day to a year, stepped back and forward, zoomed) against the patient's own baseline band, the
 * flags raised on them, and the clinician's confirm or dismiss of a flag. Readings and the assessment load off the
 * FX thread; what is drawn is reduced to the chart's width ({@link DownSampler}), so a year of per-minute heart rate
 * draws as fast as a day. For glucose, the window's CGM summary as the international consensus defines it.
 */
public final class MonitoringViewModel {
    /** The CGM sampling interval the summary assumes (Dexcom G6: every 5 minutes). */
    public static final Duration CGM_INTERVAL = Duration.ofMinutes(5);
    /** A dense series' line breaks after this long without a reading (the device was off or not worn). */
    static final long DENSE_BREAK_SECONDS = Duration.ofHours(1).toSeconds();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** How much of the series the chart shows at once. */
    public enum Span {
        DAY(1), WEEK(7), MONTH(30), QUARTER(91), YEAR(365);

        private final int days;

        Span(int days) {
            this.days = days;
        }

        public Duration length() {
            return Duration.ofDays(days);
        }

        Span shorter() {
            return this == DAY ? DAY : values()[ordinal() - 1];
        }

        Span longer() {
            return this == YEAR ? YEAR : values()[ordinal() + 1];
        }
    }

    private final MonitoringService service;
    private final PatientId patient;
    private final boolean mayDecide;
    private final TaskRunner tasks;
    private final UiText text;
    private final ZoneId zone;

    private final ObservableList<SeriesRow> series = FXCollections.observableArrayList();
    private final ObservableList<FlagRow> flags = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Measure> measure = new ReadOnlyObjectWrapper<>(this, "measure");
    private final ReadOnlyObjectWrapper<Span> span = new ReadOnlyObjectWrapper<>(this, "span", Span.WEEK);
    private final ReadOnlyObjectWrapper<Instant> end = new ReadOnlyObjectWrapper<>(this, "end");
    private final IntegerProperty columns = new SimpleIntegerProperty(this, "columns", 800);
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final ReadOnlyObjectWrapper<Plot> plot = new ReadOnlyObjectWrapper<>(this, "plot");
    private final ReadOnlyObjectWrapper<FlagRow> selectedFlag = new ReadOnlyObjectWrapper<>(this, "selectedFlag");
    private final ReadOnlyStringWrapper seriesLine = new ReadOnlyStringWrapper(this, "seriesLine", "");
    private final ReadOnlyStringWrapper windowLine = new ReadOnlyStringWrapper(this, "windowLine", "");
    private final ReadOnlyStringWrapper baselineLine = new ReadOnlyStringWrapper(this, "baselineLine", "");
    private final ReadOnlyStringWrapper cgmLine = new ReadOnlyStringWrapper(this, "cgmLine", "");
    private final ReadOnlyStringWrapper dismissRates = new ReadOnlyStringWrapper(this, "dismissRates", "");
    private final ReadOnlyStringWrapper selectedLine = new ReadOnlyStringWrapper(this, "selectedLine", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private List<SeriesExtent> extents = List.of();
    private List<MonitoringFlag> allFlags = List.of();
    private Window loaded;
    private int generation;
    /** A window was asked for while the tab was not on show: it loads when the tab is shown. */
    private boolean pending;

    /**
     * @param mayDecide whether the user may confirm or dismiss flags (RECORD_OBSERVATION); the buttons are hidden
     *                  otherwise and the service checks again
     * @param clock     the clinic's clock and time zone: the days and times shown
     */
    public MonitoringViewModel(MonitoringService service, PatientId patient, boolean mayDecide, TaskRunner tasks,
                               UiText text, Clock clock) {
        this.service = Objects.requireNonNull(service);
        this.patient = Objects.requireNonNull(patient);
        this.mayDecide = mayDecide;
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.zone = clock.getZone();
        columns.addListener((o, a, b) -> replot());
        shown.addListener((o, a, now) -> {
            if (now && pending) {
                load();
            }
        });
        note.addListener((o, a, b) -> error.set(""));
    }

    /** Loads the monitoring of the chart on show whenever it is opened or reloaded. */
    public void follow(ReadOnlyObjectProperty<Chart> chart) {
        chart.addListener((o, a, c) -> {
            if (c != null && c.patient().id().equals(patient)) {
                refresh();
            }
        });
        Chart now = chart.get();
        if (now != null && now.patient().id().equals(patient)) {
            refresh();
        }
    }

    /** What is stored: the measures, the flags and the dismiss rates; then the window of the measure on show. */
    public void refresh() {
        tasks.run("monitoring-overview", () -> new Overview(service.series(patient), service.flags(patient),
                service.decisionCounts()), this::showOverview, this::failed);
    }

    private record Overview(List<SeriesExtent> extents, List<MonitoringFlag> flags,
                            Map<Measure, MonitoringRepository.DecisionCounts> counts) { }

    private void showOverview(Overview o) {
        extents = o.extents();
        series.setAll(o.extents().stream().map(e -> new SeriesRow(e.measure(), measureLabel(e.measure()),
                text.get("chart.monitoring.series", e.readings(), DAY.format(e.first().atZone(zone)),
                        DAY.format(e.last().atZone(zone)), e.bytesPerReading()))).toList());
        allFlags = o.flags();
        showFlags();
        dismissRates.set(o.counts().entrySet().stream()
                .filter(e -> e.getValue().confirmed() + e.getValue().dismissed() > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> text.get("chart.monitoring.dismissRate", e.getValue().dismissed(),
                        e.getValue().confirmed() + e.getValue().dismissed(),
                        measureLabel(e.getKey()).toLowerCase(text.locale()),
                        Math.round(100 * e.getValue().dismissRate())))
                .reduce((a, b) -> a + "\n" + b).orElseGet(() -> text.get("chart.monitoring.noDecisions")));
        if (extents.isEmpty()) {
            measure.set(null);
            plot.set(null);
            seriesLine.set(text.get("chart.monitoring.noReadings"));
            windowLine.set("");
            baselineLine.set("");
            cgmLine.set("");
            return;
        }
        Measure m = measure.get();
        if (m == null || extent(m).isEmpty()) {
            select(extents.getFirst().measure());
        } else {
            seriesLine.set(seriesText(m));
            load();
        }
    }

    /** Shows a measure, from its latest reading back over the current span. */
    public void select(Measure m) {
        Optional<SeriesExtent> e = extent(m);
        if (e.isEmpty()) {
            return;
        }
        measure.set(m);
        seriesLine.set(seriesText(m));
        end.set(latestEnd(e.get()));
        load();
    }

    /** Shows {@code s} of the current measure, ending where the window ends now. */
    public void show(Span s) {
        span.set(Objects.requireNonNull(s));
        load();
    }

    /** One window earlier. */
    public void back() {
        if (end.get() != null) {
            end.set(end.get().minus(span.get().length()));
            load();
        }
    }

    /** One window later (not past the latest reading). */
    public void forward() {
        Optional<SeriesExtent> e = measure.get() == null ? Optional.empty() : extent(measure.get());
        if (end.get() != null && e.isPresent()) {
            Instant next = end.get().plus(span.get().length());
            Instant latest = latestEnd(e.get());
            end.set(next.isAfter(latest) ? latest : next);
            load();
        }
    }

    /** Back to the latest readings. */
    public void latest() {
        Optional<SeriesExtent> e = measure.get() == null ? Optional.empty() : extent(measure.get());
        e.ifPresent(x -> {
            end.set(latestEnd(x));
            load();
        });
    }

    /** A shorter span, ending at the same time. */
    public void zoomIn() {
        show(span.get().shorter());
    }

    /** A longer span, ending at the same time. */
    public void zoomOut() {
        show(span.get().longer());
    }

    /**
     * Zooms to a shorter span centred on a time (a scroll on the chart), or out to a longer one.
     *
     * @param at seconds since the epoch
     */
    public void zoom(boolean in, long at) {
        Span next = in ? span.get().shorter() : span.get().longer();
        if (next == span.get() || end.get() == null) {
            return;
        }
        span.set(next);
        Instant to = Instant.ofEpochSecond(at).plus(next.length().dividedBy(2));
        Optional<SeriesExtent> e = extent(measure.get());
        end.set(e.isPresent() && to.isAfter(latestEnd(e.get())) ? latestEnd(e.get()) : to);
        load();
    }

    private static Instant latestEnd(SeriesExtent e) {
        return e.last().plusSeconds(1);
    }

    private Optional<SeriesExtent> extent(Measure m) {
        return extents.stream().filter(x -> x.measure() == m).findFirst();
    }

    /** What one window's load brought: the readings as arrays, the assessment and, for glucose, the summary. */
    private record Window(Measure measure, long from, long to, long[] times, double[] values, int count,
                          Assessment assessment, Optional<CgmSummary> cgm) { }

    private void load() {
        Measure m = measure.get();
        Instant to = end.get();
        if (m == null || to == null) {
            return;
        }
        Instant from = to.minus(span.get().length());
        windowLine.set(text.get("chart.monitoring.window", windowText(from, to)));
        int mine = ++generation;
        if (!shown.get()) {
            pending = true; // opening a chart does not read a year of readings for a tab nobody looks at
            return;
        }
        pending = false;
        loading.set(true);
        tasks.run("monitoring-window", () -> read(m, from, to), w -> {
            if (mine == generation) {
                loading.set(false);
                showWindow(w);
            }
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                failed(failure);
            }
        });
    }

    private Window read(Measure m, Instant from, Instant to) {
        List<Reading> readings = service.readings(patient, m, from, to);
        Assessment assessment = service.assess(patient, m, from, to);
        int n = readings.size();
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            Reading r = readings.get(i);
            times[i] = r.at().getEpochSecond();
            values[i] = r.value();
        }
        Optional<CgmSummary> cgm = m == Measure.GLUCOSE && n >= 2
                ? Optional.of(CgmSummary.of(readings.stream().map(r -> new GlucoseReading(r.at(), r.value())).toList(),
                CGM_INTERVAL))
                : Optional.empty();
        return new Window(m, from.getEpochSecond(), to.getEpochSecond(), times, values, n, assessment, cgm);
    }

    /** Shows a loaded window: what it says, and the plot reduced to the current width. */
    private void showWindow(Window w) {
        loaded = w;
        error.set("");
        baselineLine.set(switch (w.assessment()) {
            case Assessment.NotEstablished ne -> text.get("chart.monitoring.notEstablished", ne.needed(), ne.days());
            case Assessment.Established e when e.band().isEmpty() -> text.get("chart.monitoring.noBand");
            // heart rate is judged by each hour's near-resting rate (HeartRateBaseline), so its band sits below the
            // active hours' readings: say so, or the trace above the band would read as a flag
            case Assessment.Established e when e.measure() == Measure.HEART_RATE -> text.get("chart.monitoring.band.restingHeartRate");
            case Assessment.Established e -> text.get("chart.monitoring.band");
        });
        if (w.count() == 0) {
            baselineLine.set(text.get("chart.monitoring.emptyWindow"));
        }
        cgmLine.set(w.measure() != Measure.GLUCOSE ? ""
                : w.cgm().map(this::cgmText).orElseGet(() -> text.get("chart.monitoring.cgm.tooFew")));
        replot();
    }

    private String cgmText(CgmSummary s) {
        String summary = text.get("chart.monitoring.cgm", s.inRangePercent(), s.lowPercent(), s.veryLowPercent(),
                s.highPercent(), s.veryHighPercent(), s.meanMgPerDl(), s.gmiPercent(), s.cvPercent(),
                s.activePercent());
        return s.enoughData() ? summary : summary + "\n" + text.get("chart.monitoring.cgm.tooLittle");
    }

    /** Reduces the loaded window to the chart's width (on the FX thread; one pass over the readings). */
    private void replot() {
        Window w = loaded;
        if (w == null) {
            return;
        }
        int width = Math.max(1, columns.get());
        long breakAfter = w.measure() == Measure.HEART_RATE || w.measure() == Measure.GLUCOSE
                ? DENSE_BREAK_SECONDS : Long.MAX_VALUE;
        DownSampler.Path path = DownSampler.sample(w.times(), w.values(), w.count(), w.from(), w.to(), width,
                breakAfter);
        double[] lower = new double[width];
        double[] centre = new double[width];
        double[] upper = new double[width];
        java.util.Arrays.fill(lower, Double.NaN);
        java.util.Arrays.fill(centre, Double.NaN);
        java.util.Arrays.fill(upper, Double.NaN);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (w.assessment() instanceof Assessment.Established e) {
            double span = w.to() - w.from();
            for (BandSegment b : e.band()) {
                int c0 = (int) Math.max(0, Math.floor((b.start().getEpochSecond() - w.from()) / span * width));
                int c1 = (int) Math.min(width, Math.ceil((b.end().getEpochSecond() - w.from()) / span * width));
                for (int c = c0; c < c1; c++) {
                    lower[c] = Double.isNaN(lower[c]) ? b.lower() : Math.min(lower[c], b.lower());
                    upper[c] = Double.isNaN(upper[c]) ? b.upper() : Math.max(upper[c], b.upper());
                    centre[c] = Double.isNaN(centre[c]) ? b.centre() : (centre[c] + b.centre()) / 2;
                }
                if (c1 > c0) {
                    min = Math.min(min, b.lower());
                    max = Math.max(max, b.upper());
                }
            }
        }
        for (double v : path.values()) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            min = w.measure().min();
            max = w.measure().max();
        }
        double pad = Math.max((max - min) * 0.06, w.measure().resolution() * 2);
        List<Plot.FlagSpan> spans = allFlags.stream().filter(f -> f.measure() == w.measure())
                .filter(f -> f.deviation().end().getEpochSecond() > w.from()
                        && f.deviation().start().getEpochSecond() < w.to())
                .map(f -> new Plot.FlagSpan(f.id(), f.deviation().start().getEpochSecond(),
                        f.deviation().end().getEpochSecond(), f.open()))
                .toList();
        FlagRow chosen = selectedFlag.get();
        plot.set(new Plot(w.measure(), w.from(), w.to(), width, path, lower, centre, upper, spans, min - pad,
                max + pad, chosen == null ? null : chosen.id()));
    }

    private void showFlags() {
        UUID chosen = selectedFlag.get() == null ? null : selectedFlag.get().id();
        flags.setAll(allFlags.stream()
                .sorted(Comparator.comparing((MonitoringFlag f) -> !f.open())
                        .thenComparing(f -> f.deviation().start(), Comparator.reverseOrder()))
                .map(this::row).toList());
        selectFlag(chosen);
    }

    private FlagRow row(MonitoringFlag f) {
        Deviation d = f.deviation();
        String direction = switch (d.kind()) {
            case SUSTAINED -> d.direction() == Deviation.Direction.ABOVE
                    ? text.get("chart.monitoring.flag.aboveSustained") : text.get("chart.monitoring.flag.belowSustained");
            case DRIFT -> d.direction() == Deviation.Direction.ABOVE
                    ? text.get("chart.monitoring.flag.aboveDrift") : text.get("chart.monitoring.flag.belowDrift");
        };
        String status = f.decision().map(x -> text.get(x.outcome() == MonitoringFlag.Outcome.CONFIRMED
                ? "chart.monitoring.flag.confirmed" : "chart.monitoring.flag.dismissed", x.by(),
                MINUTE.format(x.at().atZone(zone)))).orElseGet(() -> text.get("chart.monitoring.flag.open"));
        String decided = f.decision().flatMap(MonitoringFlag.Decision::note)
                .map(n -> text.get("chart.monitoring.flag.withNote", status, n)).orElse(status);
        return new FlagRow(f.id(), f.measure(), measureLabel(f.measure()), flagPeriod(d.start(), d.end()), direction,
                text.get("chart.monitoring.flag.change", value(f.measure(), d.baseline()),
                        value(f.measure(), d.observed()), f.measure().unit()),
                status, decided, f.open(), d.start(), d.end());
    }

    /**
     * A flag's period, short enough for its column: the end's day only when it differs from the start's, its year
     * only when that differs.
     */
    private String flagPeriod(Instant start, Instant end) {
        var s = start.atZone(zone);
        var e = end.atZone(zone);
        return text.get("chart.monitoring.flag.period", MINUTE.format(s),
                s.toLocalDate().equals(e.toLocalDate()) ? TIME.format(e)
                        : s.getYear() == e.getYear() ? DAY_TIME.format(e) : MINUTE.format(e));
    }

    /** Selects a flag (from the list or a click on its period in the chart); null clears the selection. */
    public void selectFlag(UUID id) {
        FlagRow row = id == null ? null : flags.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
        FlagRow before = selectedFlag.get();
        if (!Objects.equals(id, before == null ? null : before.id())) { // another flag: what was said was of the last
            message.set("");
            error.set("");
        }
        selectedFlag.set(row);
        selectedLine.set(row == null ? text.get("chart.monitoring.noFlagSelected")
                : text.get("chart.monitoring.selected", row.measureLabel(), row.period(), row.direction(), row.change(),
                row.decision()));
        replot();
    }

    /**
     * Selects a flag picked in the list and brings its period into the chart: its measure, and a window ending a
     * little after it (when the current window does not already show it all).
     */
    public void showFlag(UUID id) {
        selectFlag(id);
        FlagRow row = selectedFlag.get();
        if (row == null || extent(row.measure()).isEmpty()) {
            return;
        }
        Instant to = end.get();
        boolean sameMeasure = row.measure() == measure.get();
        boolean inView = sameMeasure && to != null && !row.start().isBefore(to.minus(span.get().length()))
                && !row.end().isAfter(to);
        if (inView) {
            return;
        }
        if (!sameMeasure) {
            measure.set(row.measure());
            seriesLine.set(seriesText(row.measure()));
        }
        Duration length = span.get().length();
        while (Duration.between(row.start(), row.end()).compareTo(length) > 0 && span.get() != Span.YEAR) {
            span.set(span.get().longer());
            length = span.get().length();
        }
        Instant wanted = row.end().plus(length.minus(Duration.between(row.start(), row.end())).dividedBy(2));
        Instant latest = latestEnd(extent(row.measure()).get());
        end.set(wanted.isAfter(latest) ? latest : wanted);
        load();
    }

    /** Confirms the selected flag: a real change worth acting on. */
    public void confirm() {
        decide(MonitoringFlag.Outcome.CONFIRMED);
    }

    /** Dismisses the selected flag: not meaningful. */
    public void dismiss() {
        decide(MonitoringFlag.Outcome.DISMISSED);
    }

    private void decide(MonitoringFlag.Outcome outcome) {
        FlagRow row = selectedFlag.get();
        if (!mayDecide || busy.get()) {
            return;
        }
        if (row == null) {
            error.set(text.get("chart.monitoring.chooseFlag"));
            return;
        }
        if (!row.open()) {
            error.set(text.get("chart.monitoring.alreadyDecided"));
            return;
        }
        String typed = note.get() == null ? "" : note.get().strip();
        if (typed.length() > MonitoringFlag.Decision.MAX_NOTE) {
            error.set(text.get("chart.monitoring.noteTooLong", MonitoringFlag.Decision.MAX_NOTE, typed.length()));
            return;
        }
        Optional<String> noteText = typed.isEmpty() ? Optional.empty() : Optional.of(typed);
        busy.set(true);
        error.set("");
        message.set("");
        tasks.run("monitoring-decide", () -> service.decide(patient, row.id(), outcome, noteText), decided -> {
            busy.set(false);
            note.set("");
            message.set(text.get(outcome == MonitoringFlag.Outcome.CONFIRMED ? "chart.monitoring.confirmedDone"
                    : "chart.monitoring.dismissedDone", row.measureLabel(), row.period()));
            refresh();
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    private void failed(Throwable failure) {
        if (failure instanceof ValidationException v) {
            error.set(String.join("\n", v.violations().stream().map(text::violation).toList()));
        } else if (failure instanceof NotPermittedException refused) {
            error.set(text.notPermitted(refused));
        } else {
            error.set(text.get("chart.monitoring.failed", tasks.reporter().report(failure).errorId()));
        }
    }

    private String seriesText(Measure m) {
        return series.stream().filter(s -> s.measure() == m).findFirst().map(SeriesRow::detail).orElse("");
    }

    private String windowText(Instant from, Instant to) {
        return text.get("chart.monitoring.period", MINUTE.format(from.atZone(zone)), MINUTE.format(to.atZone(zone)));
    }

    private String value(Measure m, double v) {
        return m.resolution() < 1 ? String.format(text.locale(), "%.1f", v) : String.format(text.locale(), "%.0f", v);
    }

    /** The words for a measure. */
    public String measureLabel(Measure m) {
        return switch (m) {
            case HEART_RATE -> text.get("chart.monitoring.measure.heartRate");
            case GLUCOSE -> text.get("chart.monitoring.measure.glucose");
            case SYSTOLIC_BP -> text.get("chart.monitoring.measure.systolic");
            case DIASTOLIC_BP -> text.get("chart.monitoring.measure.diastolic");
            case WEIGHT -> text.get("chart.monitoring.measure.weight");
        };
    }

    /** The words for a span, as its button shows them. */
    public String spanLabel(Span s) {
        return switch (s) {
            case DAY -> text.get("chart.monitoring.span.day");
            case WEEK -> text.get("chart.monitoring.span.week");
            case MONTH -> text.get("chart.monitoring.span.month");
            case QUARTER -> text.get("chart.monitoring.span.quarter");
            case YEAR -> text.get("chart.monitoring.span.year");
        };
    }

    public boolean mayDecide() {
        return mayDecide;
    }

    public ObservableList<SeriesRow> series() {
        return series;
    }

    /** The flags, open ones first, then newest first. */
    public ObservableList<FlagRow> flags() {
        return flags;
    }

    public ReadOnlyObjectProperty<Measure> measureProperty() {
        return measure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Span> spanProperty() {
        return span.getReadOnlyProperty();
    }

    /** The window's end (exclusive). */
    public ReadOnlyObjectProperty<Instant> endProperty() {
        return end.getReadOnlyProperty();
    }

    /** The chart's width in pixels: what the series is reduced to. */
    public IntegerProperty columnsProperty() {
        return columns;
    }

    /**
     * Whether the tab is on show (bound by the chart to its tab's selection): windows load only then, so opening a
     * chart reads the measures and flags but not the readings until someone looks.
     */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** What the chart draws; null before anything loaded. */
    public ReadOnlyObjectProperty<Plot> plotProperty() {
        return plot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FlagRow> selectedFlagProperty() {
        return selectedFlag.getReadOnlyProperty();
    }

    /** The measure's readings, period and bytes per reading. */
    public ReadOnlyStringProperty seriesLineProperty() {
        return seriesLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowLineProperty() {
        return windowLine.getReadOnlyProperty();
    }

    /** The baseline's state: established (band shown), or "not yet established (needs N days, has M)". */
    public ReadOnlyStringProperty baselineLineProperty() {
        return baselineLine.getReadOnlyProperty();
    }

    /** For glucose, the consensus CGM summary of the window; empty for other measures. */
    public ReadOnlyStringProperty cgmLineProperty() {
        return cgmLine.getReadOnlyProperty();
    }

    /** Per measure with decisions: how many flags were dismissed, of how many decided. */
    public ReadOnlyStringProperty dismissRatesProperty() {
        return dismissRates.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedLineProperty() {
        return selectedLine.getReadOnlyProperty();
    }

    /** The optional note on a decision (at most {@value MonitoringFlag.Decision#MAX_NOTE} characters). */
    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** All loaded readings of the window (for tests and the bench: how many the plot was reduced from). */
    public int loadedReadings() {
        return loaded == null ? 0 : loaded.count();
    }
}
