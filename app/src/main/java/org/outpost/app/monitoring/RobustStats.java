package org.outpost.app.monitoring;

import java.util.Arrays;

/**
 * Median, quantiles and median absolute deviation (MAD), the robust location and scale the baselines use. The MAD times
 * {@value #MAD_SCALE} estimates the standard deviation of normal data (Leys C et al., J Exp Soc Psychol
 * 2013;49:764–766; Rousseeuw PJ, Croux C, JASA 1993;88:1273–1283).
 */
final class RobustStats {
    /** 1 / Φ⁻¹(3/4): the MAD's consistency factor for the normal distribution. */
    static final double MAD_SCALE = 1.4826;

    private RobustStats() {
    }

    /** The median of the first {@code n} values (sorts that part of the array in place); NaN for none. */
    static double medianInPlace(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, n);
        return n % 2 != 0 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /**
     * The {@code p} quantile of the first {@code n} values (sorts that part in place), by linear interpolation between
     * order statistics — Hyndman RJ, Fan Y. "Sample quantiles in statistical packages." Am Stat 1996;50:361–365,
     * definition 7 (R's default); for p = 0.5 it is the median. NaN for none.
     */
    static double quantileInPlace(double[] values, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, n);
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return values[lo] + (h - lo) * (values[hi] - values[lo]);
    }

    /** The median of the values (the array is left as it was); NaN for none. */
    static double median(double[] values) {
        return medianInPlace(values.clone(), values.length);
    }

    /** The scaled MAD of the first {@code n} values around {@code centre} (1.4826 × median |x − centre|). */
    static double scaledMad(double[] values, int n, double centre) {
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(values[i] - centre);
        }
        return MAD_SCALE * medianInPlace(dev, n);
    }
}
