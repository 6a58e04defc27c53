package org.outpost.app.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rolling personal baseline kept up to date one reading at a time (live readings from a wearable), giving the
 * same answers as {@link RollingBaseline#assess} on the same series: that method is this tracker fed the series
 * in order.
 *
 * <p><b>State.</b> The period summaries (medians, or the settings' quantile) of the days in the learning window, the current day's bands
 * (worked out once when the day begins, from the days before it only), the open period's readings, the current run
 * of deviating periods and the drift CUSUM. A period is judged when it closes, that is when the first reading of a
 * later period arrives; {@link #assessment()} also judges the open one, without changing the tracker.
 *
 * <p><b>Per period.</b> The period's summary against its band: outside on the same side for
 * {@link BaselineSettings#sustainedPeriods()} consecutive periods is a {@link Deviation.Kind#SUSTAINED} deviation,
 * extended for as long as the run goes on. Hourly periods must be adjacent in time (a gap breaks the run); days
 * need only be consecutive reading days (home readings skip days).
 *
 * <p><b>Per day.</b> The day's standardised residual — the median, over its periods, of (summary − centre) / σ,
 * σ = half-width / k — winsorised at ±{@value #DRIFT_CLIP}, feeds a {@link DriftCusum}; a signal is a
 * {@link Deviation.Kind#DRIFT} deviation from the first day of the run that crossed, merged with the previous drift
 * on that side if they touch.
 *
 * <p>Not thread-safe; one tracker per patient and measure.
 */
public final class BaselineTracker {
    /** Assessed hourly periods a day needs before its residual feeds the CUSUM. */
    static final int MIN_PERIODS_PER_DAY_FOR_DRIFT = 3;
    /**
     * Daily residuals are winsorised at ± this many standard units before the CUSUM: one wild day (a home reading
     * taken after a run on a day with only two) then adds at most 1 to the sum (with k = 0.5), so it takes several
     * days to signal. Winsorising the CUSUM's input limits isolated outliers "with little effect on its
     * out-of-control performance" (Hawkins DM. "Robustification of cumulative sum charts by winsorization." J Qual
     * Technol 1993;25:248–261); a drift's daily residuals are mostly below the limit anyway.
     */
    static final double DRIFT_CLIP = 1.5;

    private final BaselineSettings s;
    private final ZoneId zone;
    private final int bins;

    private final ArrayDeque<DaySummary> window;
    private int daysWithReadings;

    private LocalDate today;
    private Instant todayStart;
    private Instant todayEnd;
    private double[] todaySummary;
    private final double[] centre;
    private final double[] sigma;
    private final boolean[] known;
    private boolean todayEstablished;

    private Instant periodStart;
    private Instant periodEnd;
    private int periodBin;
    private double[] buffer;
    private int count;

    private Deviation.Direction runDirection;
    private Instant runStart;
    private Instant runEnd;
    private int runLength;
    private List<double[]> runValues;
    private int runIndex;

    private final DriftCusum cusum;
    private List<AssessedDay> assessedDays;
    private final int[] driftIndex;
    private final int[] driftFirstDay;

    private List<BandSegment> band;
    private List<Deviation> deviations;

    private record DaySummary(LocalDate date, double[] summary) { }

    private record AssessedDay(Instant start, Instant end, double centre, double observed) { }

    /** A tracker with no history yet, for {@code settings} in the patient's {@code zone}. */
    public BaselineTracker(BaselineSettings settings, ZoneId zone) {
        this.s = Objects.requireNonNull(settings, "settings");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.bins = settings.period() == BaselineSettings.Period.HOUR_OF_DAY ? 24 : 1;
        this.window = new ArrayDeque<>();
        this.centre = new double[bins];
        this.sigma = new double[bins];
        this.known = new boolean[bins];
        this.buffer = new double[64];
        this.runValues = new ArrayList<>();
        this.runIndex = -1;
        this.cusum = new DriftCusum(settings.cusumK(), settings.cusumH());
        this.assessedDays = new ArrayList<>();
        this.driftIndex = new int[] {-1, -1};
        this.driftFirstDay = new int[] {-1, -1};
        this.band = new ArrayList<>();
        this.deviations = new ArrayList<>();
    }

    private BaselineTracker(BaselineTracker o) {
        this.s = o.s;
        this.zone = o.zone;
        this.bins = o.bins;
        this.window = new ArrayDeque<>(o.window); // a day's summary is never changed once in the window
        this.daysWithReadings = o.daysWithReadings;
        this.today = o.today;
        this.todayStart = o.todayStart;
        this.todayEnd = o.todayEnd;
        this.todaySummary = o.todaySummary == null ? null : o.todaySummary.clone();
        this.centre = o.centre.clone();
        this.sigma = o.sigma.clone();
        this.known = o.known.clone();
        this.todayEstablished = o.todayEstablished;
        this.periodStart = o.periodStart;
        this.periodEnd = o.periodEnd;
        this.periodBin = o.periodBin;
        this.buffer = o.buffer.clone();
        this.count = o.count;
        this.runDirection = o.runDirection;
        this.runStart = o.runStart;
        this.runEnd = o.runEnd;
        this.runLength = o.runLength;
        this.runValues = new ArrayList<>(o.runValues);
        this.runIndex = o.runIndex;
        this.cusum = o.cusum.copy();
        this.assessedDays = new ArrayList<>(o.assessedDays);
        this.driftIndex = o.driftIndex.clone();
        this.driftFirstDay = o.driftFirstDay.clone();
        this.band = new ArrayList<>(o.band);
        this.deviations = new ArrayList<>(o.deviations);
    }

    /** The measure tracked. */
    public Measure measure() {
        return s.measure();
    }

    /**
     * Takes one reading (readings come oldest first; within the open period their order does not matter) and
     * returns the deviations it started or extended, as they now stand (empty mostly). A deviation returned again
     * later with a later end is the same episode ({@link Deviation#sameEpisodeAs}), grown.
     *
     * @throws IllegalArgumentException for an implausible value or a reading older than the open period (the
     *                                  tracker is then unchanged)
     */
    public List<Deviation> accept(Reading reading) {
        Objects.requireNonNull(reading, "reading");
        if (!s.measure().plausible(reading.value())) {
            throw new IllegalArgumentException("A " + s.measure().code() + " reading is " + s.measure().min()
                    + " to " + s.measure().max() + " " + s.measure().unit() + "; this one is not");
        }
        ZonedDateTime t = reading.at().atZone(zone);
        LocalDate day = t.toLocalDate();
        Instant start = s.period() == BaselineSettings.Period.HOUR_OF_DAY
                ? t.truncatedTo(ChronoUnit.HOURS).toInstant() : day.atStartOfDay(zone).toInstant();
        if (periodStart != null && start.isBefore(periodStart)) {
            throw new IllegalArgumentException("Readings are accepted oldest first: this one is older than the period"
                    + " already open");
        }
        List<Deviation> changed = List.of();
        if (periodStart == null || !start.equals(periodStart)) {
            changed = new ArrayList<>(1);
            if (periodStart != null) {
                closePeriod(changed);
            }
            if (!day.equals(today)) {
                if (today != null) {
                    closeDay(changed);
                }
                openDay(day);
            }
            periodStart = start;
            periodEnd = s.period() == BaselineSettings.Period.HOUR_OF_DAY ? start.plusSeconds(3600) : todayEnd;
            periodBin = s.period() == BaselineSettings.Period.HOUR_OF_DAY ? t.getHour() : 0;
        }
        if (count == buffer.length) {
            buffer = Arrays.copyOf(buffer, count * 2);
        }
        buffer[count++] = reading.value();
        return changed;
    }

    /** The assessment of everything accepted so far, the open period and day included; the tracker is unchanged. */
    public Assessment assessment() {
        BaselineTracker c = new BaselineTracker(this);
        if (c.periodStart != null) {
            List<Deviation> ignored = new ArrayList<>();
            c.closePeriod(ignored);
            c.closeDay(ignored);
        }
        if (c.daysWithReadings < s.minDays()) {
            return new Assessment.NotEstablished(s.measure(), c.daysWithReadings, s.minDays());
        }
        return new Assessment.Established(s.measure(), c.band, byStart(c.deviations));
    }

    /** The deviations found so far in closed periods and days, oldest first. */
    public List<Deviation> deviations() {
        return byStart(deviations);
    }

    private static List<Deviation> byStart(List<Deviation> list) {
        return list.stream().sorted(Comparator.comparing(Deviation::start)).toList();
    }

    private void openDay(LocalDate day) {
        today = day;
        todayStart = day.atStartOfDay(zone).toInstant();
        todayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        LocalDate oldest = day.minusDays(s.windowDays());
        while (!window.isEmpty() && window.peekFirst().date().isBefore(oldest)) {
            window.removeFirst();
        }
        todayEstablished = window.size() >= s.minDays();
        todaySummary = new double[bins];
        Arrays.fill(todaySummary, Double.NaN);
        double[] values = new double[window.size()];
        for (int b = 0; b < bins; b++) {
            int n = 0;
            for (DaySummary d : window) {
                double v = d.summary()[b];
                if (!Double.isNaN(v)) {
                    values[n++] = v;
                }
            }
            known[b] = n >= s.minDaysPerBin();
            if (known[b]) {
                double m = RobustStats.medianInPlace(values, n);
                centre[b] = m;
                sigma[b] = Math.max(RobustStats.scaledMad(values, n, m), s.minHalfWidth() / s.k());
            }
        }
        if (todayEstablished) {
            if (bins == 1) {
                addSegment(todayStart, todayEnd, 0);
            } else {
                for (ZonedDateTime h = day.atStartOfDay(zone); h.toLocalDate().equals(day); h = h.plusHours(1)) {
                    addSegment(h.toInstant(), h.plusHours(1).toInstant(), h.getHour());
                }
            }
        }
    }

    private void addSegment(Instant from, Instant to, int bin) {
        if (known[bin]) {
            double half = s.k() * sigma[bin];
            band.add(new BandSegment(from, to, centre[bin] - half, centre[bin], centre[bin] + half));
        }
    }

    private void closePeriod(List<Deviation> changed) {
        Deviation.Direction direction = null;
        double observed = Double.NaN;
        if (count >= s.minReadings()) {
            observed = RobustStats.quantileInPlace(buffer, count, s.summaryQuantile());
            todaySummary[periodBin] = observed;
            if (todayEstablished && known[periodBin]) {
                double d = observed - centre[periodBin];
                if (Math.abs(d) > s.k() * sigma[periodBin]) {
                    direction = d > 0 ? Deviation.Direction.ABOVE : Deviation.Direction.BELOW;
                }
            }
        }
        count = 0;
        boolean adjacent = s.period() == BaselineSettings.Period.DAY || periodStart.equals(runEnd);
        if (direction != null && direction == runDirection && adjacent) {
            runLength++;
            runEnd = periodEnd;
        } else {
            runDirection = direction;
            runLength = direction == null ? 0 : 1;
            runStart = periodStart;
            runEnd = periodEnd;
            runValues = new ArrayList<>();
            runIndex = -1;
        }
        if (direction == null) {
            return;
        }
        runValues.add(new double[] {centre[periodBin], observed});
        if (runLength >= s.sustainedPeriods()) {
            Deviation d = new Deviation(s.measure(), runStart, runEnd, Deviation.Kind.SUSTAINED, runDirection,
                    medianOf(runValues, 0), medianOf(runValues, 1));
            runIndex = put(runIndex, d);
            changed.add(d);
        }
    }

    private void closeDay(List<Deviation> changed) {
        if (todayEstablished) {
            double[] z = new double[bins];
            double[] c = new double[bins];
            double[] o = new double[bins];
            int n = 0;
            for (int b = 0; b < bins; b++) {
                if (known[b] && !Double.isNaN(todaySummary[b])) {
                    z[n] = (todaySummary[b] - centre[b]) / sigma[b];
                    c[n] = centre[b];
                    o[n] = todaySummary[b];
                    n++;
                }
            }
            if (n >= Math.min(bins, MIN_PERIODS_PER_DAY_FOR_DRIFT)) {
                assessedDays.add(new AssessedDay(todayStart, todayEnd, RobustStats.medianInPlace(c, n),
                        RobustStats.medianInPlace(o, n)));
                double residual = RobustStats.medianInPlace(z, n);
                Optional<DriftCusum.Signal> signal = cusum.add(Math.max(-DRIFT_CLIP, Math.min(DRIFT_CLIP, residual)));
                signal.ifPresent(sig -> drift(sig, changed));
            }
        }
        window.addLast(new DaySummary(today, todaySummary));
        daysWithReadings++;
    }

    private void drift(DriftCusum.Signal signal, List<Deviation> changed) {
        int side = signal.direction().ordinal();
        int first = assessedDays.size() - signal.observations();
        int previous = driftIndex[side];
        if (previous >= 0 && !assessedDays.get(first).start().isAfter(deviations.get(previous).end())) {
            first = driftFirstDay[side];
        } else {
            previous = -1;
        }
        List<AssessedDay> days = assessedDays.subList(first, assessedDays.size());
        double[] c = days.stream().mapToDouble(AssessedDay::centre).toArray();
        double[] o = days.stream().mapToDouble(AssessedDay::observed).toArray();
        Deviation d = new Deviation(s.measure(), days.getFirst().start(), days.getLast().end(), Deviation.Kind.DRIFT,
                signal.direction(), RobustStats.median(c), RobustStats.median(o));
        driftIndex[side] = put(previous, d);
        driftFirstDay[side] = first;
        changed.add(d);
    }

    /** Replaces the deviation at {@code index} (or adds it when -1) and returns its index. */
    private int put(int index, Deviation d) {
        if (index >= 0) {
            deviations.set(index, d);
            return index;
        }
        deviations.add(d);
        return deviations.size() - 1;
    }

    private static double medianOf(List<double[]> pairs, int which) {
        double[] v = new double[pairs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = pairs.get(i)[which];
        }
        return RobustStats.medianInPlace(v, v.length);
    }
}
