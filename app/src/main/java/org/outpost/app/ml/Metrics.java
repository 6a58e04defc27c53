package org.outpost.app.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How well predicted probabilities matched outcomes in one group of people (the held-out split, or a subgroup of
 * it). Probabilities are 0–1, not %.
 *
 * @param n                    people
 * @param events               people with the outcome
 * @param auc                  area under the ROC curve (NaN when the group has only one outcome)
 * @param accuracy             share classified right at a probability of 0.5
 * @param brier                Brier score: mean squared difference of probability and outcome (0 is perfect; lower
 *                             is better; always predicting the group's prevalence scores prevalence × (1 − prevalence))
 * @param calibrationIntercept intercept {@code a} of the logistic recalibration {@code logit(P(y)) = a + b·logit(p)}
 *                             (0 is ideal; NaN when it cannot be fitted)
 * @param calibrationSlope     slope {@code b} of that fit (1 is ideal; below 1 the predictions are too extreme)
 * @param bins                 the calibration plot's bins
 */
public record Metrics(int n, int events, double auc, double accuracy, double brier, double calibrationIntercept,
                      double calibrationSlope, List<CalibrationBin> bins) {
    public Metrics {
        bins = List.copyOf(bins);
    }

    /** Writes these metrics as {@code prefix.key=value} entries. */
    public void writeTo(Properties p, String prefix) {
        p.setProperty(prefix + ".n", Integer.toString(n));
        p.setProperty(prefix + ".events", Integer.toString(events));
        p.setProperty(prefix + ".auc", Double.toString(auc));
        p.setProperty(prefix + ".accuracy", Double.toString(accuracy));
        p.setProperty(prefix + ".brier", Double.toString(brier));
        p.setProperty(prefix + ".calibrationIntercept", Double.toString(calibrationIntercept));
        p.setProperty(prefix + ".calibrationSlope", Double.toString(calibrationSlope));
        p.setProperty(prefix + ".bins", Integer.toString(bins.size()));
        for (int i = 0; i < bins.size(); i++) {
            CalibrationBin b = bins.get(i);
            p.setProperty(prefix + ".bin." + i, b.from() + " " + b.to() + " " + b.n() + " " + b.meanPredicted() + " "
                    + b.observed());
        }
    }

    /** Reads metrics written by {@link #writeTo}. */
    static Metrics readFrom(CardProperties p, String prefix) {
        int count = p.integer(prefix + ".bins");
        List<CalibrationBin> bins = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[] v = p.numbers(prefix + ".bin." + i, 5);
            bins.add(new CalibrationBin(v[0], v[1], (int) v[2], v[3], v[4]));
        }
        return new Metrics(p.integer(prefix + ".n"), p.integer(prefix + ".events"), p.number(prefix + ".auc"),
                p.number(prefix + ".accuracy"), p.number(prefix + ".brier"), p.number(prefix + ".calibrationIntercept"),
                p.number(prefix + ".calibrationSlope"), bins);
    }
}
