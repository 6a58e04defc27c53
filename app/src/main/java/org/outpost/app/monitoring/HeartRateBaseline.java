package org.outpost.app.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A patient's own resting-to-daily heart-rate normal, by hour of the day, and the sustained departures from it.
 *
 * <p><b>Method, and why.</b> Each clock hour of the learning period is summarised by the median of its readings. For
 * each hour of the day (in the patient's time zone) the baseline is the median of those hourly medians across days,
 * with a band of ±{@value #K} scaled median absolute deviations of them — the day-to-day spread of the same summary
 * the flags later compare —
 * (MAD × 1.4826, which estimates the standard deviation for normal data): Leys C, Ley C, Klein O, Bernard P, Licata
 * L. "Detecting outliers: Do not use standard deviation around the mean, use absolute deviation around the median."
 * J Exp Soc Psychol 2013;49:764–766 (they recommend a threshold of 2.5 to 3). Medians and MADs are robust: a run
 * or a fever in the learning weeks moves them little, where a mean and SD would be dragged. Hour-of-day bins carry
 * the daily rhythm (night-time rates well below day-time ones) without a seasonal model to fit. The band is at least
 * ±{@value #MIN_HALF_WIDTH} /min wide so a very regular hour does not flag ordinary noise.
 *
 * <p><b>Flags.</b> Single points are noise (a stair climb, a loose strap), so readings are first summarised per
 * clock hour by their median; an hour deviates when that median lies outside its hour's band, and a flag is raised
 * only for at least {@value #SUSTAINED_HOURS} consecutive deviating hours in the same direction.
 *
 * <p>Fewer than {@value #MIN_DAYS} days with readings: the baseline is not established and nothing is flagged.
 */
public final class HeartRateBaseline {
    /** Days with readings needed before there is a baseline. */
    public static final int MIN_DAYS = 7;
    /** Band half-width in scaled MADs. */
    public static final double K = 3;
    /** The MAD's scale factor to a standard deviation under normality. */
    public static final double MAD_SCALE = 1.4826;
    /** The narrowest band half-width, /min. */
    public static final double MIN_HALF_WIDTH = 8;
    /** Consecutive deviating hours before a flag. */
    public static final int SUSTAINED_HOURS = 3;
    /** Days an hour of the day needs in the learning period before it has a band. */
    public static final int MIN_DAYS_PER_HOUR = 4;
    /** Readings an hour needs before its median counts (a few stray points are not an hour). */
    public static final int MIN_READINGS_PER_HOUR = 6;

    private final ZoneId zone;
    private final double[] median = new double[24];
    private final double[] halfWidth = new double[24];
    private final boolean[] known = new boolean[24];
    private final int days;

    private HeartRateBaseline(ZoneId zone, int days) {
        this.zone = zone;
        this.days = days;
    }

    /** What learning gave: a baseline, or how many more days it needs. */
    public sealed interface Learned {
        /** The baseline is established. */
        record Established(HeartRateBaseline baseline) implements Learned { }

        /** Not enough history yet: "baseline not yet established (needs {@code needed} days, has {@code days})". */
        record NotEstablished(int days, int needed) implements Learned { }
    }

    /** A sustained departure from the baseline: from the start of its first hour to the end of its last. */
    public record Flag(Instant start, Instant end, Direction direction, double largestDeviation) {
        public Flag {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(direction, "direction");
        }
    }

    /** Above or below the band. */
    public enum Direction { ABOVE, BELOW }

    /** Learns a baseline from {@code readings} (any order) in the patient's {@code zone}. */
    public static Learned learn(List<Reading> readings, ZoneId zone) {
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(zone, "zone");
        Set<LocalDate> dayset = new HashSet<>();
        java.util.Map<Instant, List<Double>> perHour = new java.util.HashMap<>();
        for (Reading r : readings) {
            ZonedDateTime t = r.at().atZone(zone);
            dayset.add(t.toLocalDate());
            perHour.computeIfAbsent(t.truncatedTo(ChronoUnit.HOURS).toInstant(), k -> new ArrayList<>()).add(r.value());
        }
        if (dayset.size() < MIN_DAYS) {
            return new Learned.NotEstablished(dayset.size(), MIN_DAYS);
        }
        // each day's median for each clock hour: the same summary the flags compare, so the band has its scale
        List<List<Double>> byHour = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            byHour.add(new ArrayList<>());
        }
        perHour.forEach((hour, values) -> {
            if (values.size() >= MIN_READINGS_PER_HOUR) {
                byHour.get(hour.atZone(zone).getHour()).add(median(values.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        });
        HeartRateBaseline b = new HeartRateBaseline(zone, dayset.size());
        for (int h = 0; h < 24; h++) {
            List<Double> values = byHour.get(h);
            if (values.size() < MIN_DAYS_PER_HOUR) {
                continue;
            }
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            double m = median(v);
            double[] dev = Arrays.stream(v).map(x -> Math.abs(x - m)).toArray();
            b.median[h] = m;
            b.halfWidth[h] = Math.max(MIN_HALF_WIDTH, K * MAD_SCALE * median(dev));
            b.known[h] = true;
        }
        return new Learned.Established(b);
    }

    /** The baseline median for an hour of the day, if that hour had readings enough. */
    public Optional<Double> median(int hourOfDay) {
        return known[hourOfDay] ? Optional.of(median[hourOfDay]) : Optional.empty();
    }

    /** The band's half-width for an hour of the day (0 when the hour is unknown). */
    public double halfWidth(int hourOfDay) {
        return halfWidth[hourOfDay];
    }

    /** How many days with readings the baseline was learnt from. */
    public int days() {
        return days;
    }

    /** The sustained departures of {@code readings} from this baseline, oldest first. */
    public List<Flag> flags(List<Reading> readings) {
        Objects.requireNonNull(readings, "readings");
        java.util.TreeMap<Instant, List<Double>> hours = new java.util.TreeMap<>();
        for (Reading r : readings) {
            Instant hour = r.at().atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
            hours.computeIfAbsent(hour, k -> new ArrayList<>()).add(r.value());
        }
        List<Flag> flags = new ArrayList<>();
        Instant runStart = null;
        Instant runEnd = null;
        Direction runDirection = null;
        int runLength = 0;
        double largest = 0;
        for (var e : hours.entrySet()) {
            int h = e.getKey().atZone(zone).getHour();
            List<Double> values = e.getValue();
            Direction d = null;
            double deviation = 0;
            if (known[h] && values.size() >= MIN_READINGS_PER_HOUR) {
                double m = median(values.stream().mapToDouble(Double::doubleValue).toArray());
                deviation = m - median[h];
                if (Math.abs(deviation) > halfWidth[h]) {
                    d = deviation > 0 ? Direction.ABOVE : Direction.BELOW;
                }
            }
            boolean continues = d != null && d == runDirection && runEnd != null && runEnd.equals(e.getKey());
            if (continues) {
                runLength++;
                runEnd = e.getKey().plus(Duration.ofHours(1));
                largest = Math.max(largest, Math.abs(deviation));
            } else {
                if (runLength >= SUSTAINED_HOURS) {
                    flags.add(new Flag(runStart, runEnd, runDirection, largest));
                }
                runStart = d == null ? null : e.getKey();
                runEnd = d == null ? null : e.getKey().plus(Duration.ofHours(1));
                runDirection = d;
                runLength = d == null ? 0 : 1;
                largest = Math.abs(deviation);
            }
        }
        if (runLength >= SUSTAINED_HOURS) {
            flags.add(new Flag(runStart, runEnd, runDirection, largest));
        }
        return List.copyOf(flags);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
