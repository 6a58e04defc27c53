package org.outpost.app.model;

import java.util.List;

/**
 * Whether a case lies inside what the model was trained on. Outside when any input is outside its training range
 * or the case's Mahalanobis distance from the training rows is above the threshold (an unusual combination of
 * inputs that are each in range).
 *
 * @param outOfRangeInputs the app input names whose values lie outside the training range, in form order
 * @param distance         the case's Mahalanobis distance on the standardised inputs
 * @param threshold        the 99th percentile of the training rows' distances
 */
public record OutOfDistribution(List<String> outOfRangeInputs, double distance, double threshold) {
    /** Said where the model does not give its number as fact; the inputs concerned follow. */
    public static final String PREFIX = "Uncertain \u2014 outside what this model has seen: ";

    public OutOfDistribution {
        outOfRangeInputs = List.copyOf(outOfRangeInputs);
    }

    /** True when the inputs, each and together, are like the training rows. */
    public boolean inDistribution() {
        return outOfRangeInputs.isEmpty() && !unusualCombination();
    }

    /** True when the distance is above the threshold. */
    public boolean unusualCombination() {
        return distance > threshold;
    }

    /** The reason shown instead of a number, or empty when in distribution. */
    public String reason() {
        if (inDistribution()) {
            return "";
        }
        StringBuilder b = new StringBuilder(PREFIX);
        if (!outOfRangeInputs.isEmpty()) {
            b.append(String.join(", ", outOfRangeInputs)).append(" outside the training range");
        }
        if (unusualCombination()) {
            if (!outOfRangeInputs.isEmpty()) {
                b.append("; ");
            }
            b.append(String.format(java.util.Locale.ROOT,
                    "this combination of inputs (distance %.1f, above the %.1f that 99%% of training cases are within)",
                    distance, threshold));
        }
        return b.toString();
    }
}
