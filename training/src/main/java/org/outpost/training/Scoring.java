package org.outpost.training;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.ml.CalibrationBin;
import org.outpost.app.ml.Metrics;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

/**
 * The evaluation function: AUC (Tribuo's {@link LabelEvaluationUtil#binaryAUCROC}), accuracy at 0.5, Brier score,
 * a calibration plot of {@value #BINS} equal-width bins, and the logistic recalibration intercept and slope.
 */
final class Scoring {
    /** Calibration plot bins: 0–20%, 20–40%, … 80–100%. */
    static final int BINS = 5;

    private Scoring() {
    }

    /** Metrics of probabilities {@code p} (0–1) against outcomes {@code y}. */
    static Metrics metrics(boolean[] y, double[] p) {
        if (y.length != p.length || y.length == 0) {
            throw new IllegalArgumentException("need as many outcomes as probabilities, at least one");
        }
        int n = y.length;
        int events = 0;
        int right = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            events += y[i] ? 1 : 0;
            right += (p[i] >= 0.5) == y[i] ? 1 : 0;
            double d = p[i] - (y[i] ? 1 : 0);
            brier += d * d;
        }
        double auc = events == 0 || events == n ? Double.NaN : LabelEvaluationUtil.binaryAUCROC(y, p);
        double[] fit = recalibration(y, p);
        return new Metrics(n, events, auc, (double) right / n, brier / n, fit[0], fit[1], bins(y, p));
    }

    static List<CalibrationBin> bins(boolean[] y, double[] p) {
        int[] count = new int[BINS];
        double[] sumP = new double[BINS];
        int[] sumY = new int[BINS];
        for (int i = 0; i < y.length; i++) {
            int b = Math.min(BINS - 1, (int) Math.floor(p[i] * BINS));
            count[b]++;
            sumP[b] += p[i];
            sumY[b] += y[i] ? 1 : 0;
        }
        List<CalibrationBin> bins = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            bins.add(new CalibrationBin((double) b / BINS, (double) (b + 1) / BINS, count[b],
                    count[b] == 0 ? Double.NaN : sumP[b] / count[b],
                    count[b] == 0 ? Double.NaN : (double) sumY[b] / count[b]));
        }
        return bins;
    }

    /**
     * Fits {@code logit(P(y = 1)) = a + b·logit(p)} by Newton–Raphson (maximum likelihood) and returns
     * {@code {a, b}}; NaNs when the outcomes are all one kind or the fit does not converge in 50 steps.
     */
    static double[] recalibration(boolean[] y, double[] p) {
        double[] x = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-9, Math.max(1e-9, p[i]));
            x[i] = Math.log(q / (1 - q));
        }
        double a = 0;
        double b = 1;
        for (int step = 0; step < 50; step++) {
            double g0 = 0;
            double g1 = 0;
            double h00 = 0;
            double h01 = 0;
            double h11 = 0;
            for (int i = 0; i < x.length; i++) {
                double mu = 1 / (1 + Math.exp(-(a + b * x[i])));
                double r = (y[i] ? 1 : 0) - mu;
                double w = mu * (1 - mu);
                g0 += r;
                g1 += r * x[i];
                h00 += w;
                h01 += w * x[i];
                h11 += w * x[i] * x[i];
            }
            double det = h00 * h11 - h01 * h01;
            if (!(Math.abs(det) > 1e-12)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double da = (h11 * g0 - h01 * g1) / det;
            double db = (h00 * g1 - h01 * g0) / det;
            a += da;
            b += db;
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
                return new double[] {a, b};
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }
}
