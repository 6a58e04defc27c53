package org.outpost.app.monitoring;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rolling robust baseline all measures share, with each measure's numbers in {@link BaselineSettings}.
 *
 * <p><b>Method, and why.</b> Readings are summarised per period (a clock hour for a daily rhythm, a day for home
 * readings) by their median (heart rate: its 10th percentile, see {@link HeartRateBaseline}), so a single noisy
 * point moves nothing. Each day is compared with a baseline learnt from
 * the summaries of up to {@link BaselineSettings#windowDays()} calendar days before it — never from itself, so a
 * change cannot hide in its own baseline, and a long-lasting change becomes the new normal once it fills half the
 * window. Per hour of the day (or for the day) the baseline is the median of those summaries, with a band of
 * ± k scaled median absolute deviations (MAD × 1.4826 estimates the SD of normal data), at least a minimum
 * half-width: Leys C, Ley C, Klein O, Bernard P, Licata L. "Detecting outliers: Do not use standard deviation
 * around the mean, use absolute deviation around the median." J Exp Soc Psychol 2013;49:764–766 (k = 2.5 is their
 * suggested default, 3 very conservative). The median and the MAD have a 50 % breakdown point: a fever day or a
 * spike hour in the window barely moves them, where a mean and SD would be dragged. Sustained = several
 * consecutive periods outside the band on the same side; slow drift = a two-sided CUSUM on daily standardised
 * residuals ({@link DriftCusum}). Both run in {@link BaselineTracker}; this class feeds it the series.
 *
 * <p>Fewer than {@link BaselineSettings#minDays()} days with readings: {@link Assessment.NotEstablished}, never a
 * deviation.
 */
public abstract sealed class RollingBaseline implements PersonalBaseline
        permits HeartRateBaseline, GlucoseBaseline, HomeBloodPressureBaseline, WeightBaseline {
    /** The numbers this detector uses. */
    public abstract BaselineSettings settings();

    @Override
    public final Measure measure() {
        return settings().measure();
    }

    /** A fresh tracker with this detector's settings, for live updates. */
    public final BaselineTracker tracker(ZoneId zone) {
        return new BaselineTracker(settings(), zone);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a value is not a plausible reading of the measure
     */
    @Override
    public final Assessment assess(List<Reading> readings, ZoneId zone) {
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(zone, "zone");
        List<Reading> ordered = readings;
        for (int i = 1; i < readings.size(); i++) {
            if (readings.get(i).at().isBefore(readings.get(i - 1).at())) {
                ordered = new ArrayList<>(readings);
                ordered.sort(Comparator.comparing(Reading::at));
                break;
            }
        }
        BaselineTracker tracker = tracker(zone);
        for (Reading r : ordered) {
            tracker.accept(r);
        }
        return tracker.assessment();
    }
}
