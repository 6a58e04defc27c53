package org.outpost.app.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The standard summary of continuous glucose monitoring, as the International Consensus on Time in Range defines
 * it: Battelino T, Danne T, Bergenstal RM, et al. "Clinical Targets for Continuous Glucose Monitoring Data
 * Interpretation: Recommendations From the International Consensus on Time in Range." Diabetes Care
 * 2019;42(8):1593–1603 (Table 1 and Figure 1): time in range 70–180 mg/dL; time below range split into level 1
 * (54–69 mg/dL) and level 2 (&lt; 54 mg/dL); time above range split into level 1 (181–250 mg/dL) and level 2
 * (&gt; 250 mg/dL); mean glucose; the glucose management indicator; the coefficient of variation (target ≤ 36 %);
 * and the share of the period the sensor was active (the consensus asks for ≥ 70 % of 14 days).
 *
 * <p>The glucose management indicator is Bergenstal RM, Beck RW, Close KL, et al. "Glucose Management Indicator
 * (GMI): A New Term for Estimating A1C From Continuous Glucose Monitoring." Diabetes Care 2018;41(11):2275–2280:
 * GMI (%) = 3.31 + 0.02392 × mean glucose (mg/dL).
 *
 * <p>Times are shares of the readings (each reading stands for one sampling interval), as the consensus computes
 * them. Percentages are rounded for display by the caller; the values here are exact.
 *
 * @param readings         how many readings the summary rests on
 * @param first            the first reading's time
 * @param last             the last reading's time
 * @param activePercent    readings × interval as a share of the period from first to last reading plus one interval
 * @param meanMgPerDl      mean glucose
 * @param gmiPercent       glucose management indicator
 * @param cvPercent        coefficient of variation: sample standard deviation / mean
 * @param veryLowPercent   &lt; 54 mg/dL (time below range, level 2)
 * @param lowPercent       54–69 mg/dL (time below range, level 1)
 * @param inRangePercent   70–180 mg/dL
 * @param highPercent      181–250 mg/dL (time above range, level 1)
 * @param veryHighPercent  &gt; 250 mg/dL (time above range, level 2)
 */
public record CgmSummary(int readings, Instant first, Instant last, double activePercent, double meanMgPerDl,
                         double gmiPercent, double cvPercent, double veryLowPercent, double lowPercent,
                         double inRangePercent, double highPercent, double veryHighPercent) {
    /** The consensus's range limits, mg/dL. */
    public static final double VERY_LOW_BELOW = 54;
    public static final double LOW_BELOW = 70;
    public static final double HIGH_ABOVE = 180;
    public static final double VERY_HIGH_ABOVE = 250;
    /** The consensus's target for glycaemic variability: CV ≤ 36 %. */
    public static final double CV_TARGET_PERCENT = 36;
    /** The consensus's minimum for a report: at least 70 % of the period with readings. */
    public static final double ACTIVE_MINIMUM_PERCENT = 70;

    /**
     * Summarises {@code readings} taken every {@code interval} (5 minutes for Dexcom G6, 15 for FreeStyle Libre).
     *
     * @throws IllegalArgumentException with fewer than two readings: no variation and no period to speak of
     */
    public static CgmSummary of(List<GlucoseReading> readings, Duration interval) {
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(interval, "interval");
        if (readings.size() < 2) {
            throw new IllegalArgumentException("A CGM summary needs at least two readings");
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("The sampling interval must be positive");
        }
        int n = readings.size();
        Instant first = readings.getFirst().at();
        Instant last = first;
        double sum = 0;
        int veryLow = 0;
        int low = 0;
        int inRange = 0;
        int high = 0;
        int veryHigh = 0;
        for (GlucoseReading r : readings) {
            double g = r.mgPerDl();
            sum += g;
            first = r.at().isBefore(first) ? r.at() : first;
            last = r.at().isAfter(last) ? r.at() : last;
            if (g < VERY_LOW_BELOW) {
                veryLow++;
            } else if (g < LOW_BELOW) {
                low++;
            } else if (g <= HIGH_ABOVE) {
                inRange++;
            } else if (g <= VERY_HIGH_ABOVE) {
                high++;
            } else {
                veryHigh++;
            }
        }
        double mean = sum / n;
        double squares = 0;
        for (GlucoseReading r : readings) {
            squares += (r.mgPerDl() - mean) * (r.mgPerDl() - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double periodSeconds = Duration.between(first, last).plus(interval).toSeconds();
        double active = Math.min(100, 100.0 * n * interval.toSeconds() / periodSeconds);
        return new CgmSummary(n, first, last, active, mean, gmi(mean), 100 * sd / mean, share(veryLow, n),
                share(low, n), share(inRange, n), share(high, n), share(veryHigh, n));
    }

    /** GMI (%) from mean glucose in mg/dL (Bergenstal 2018). */
    public static double gmi(double meanMgPerDl) {
        return 3.31 + 0.02392 * meanMgPerDl;
    }

    /** Whether the sensor was active long enough for the consensus's targets to apply. */
    public boolean enoughData() {
        return activePercent >= ACTIVE_MINIMUM_PERCENT;
    }

    /** Whether variability meets the consensus target (CV ≤ 36 %). */
    public boolean stable() {
        return cvPercent <= CV_TARGET_PERCENT;
    }

    private static double share(int count, int n) {
        return 100.0 * count / n;
    }
}
