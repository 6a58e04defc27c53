package org.outpost.app.model;

import java.util.List;
import java.util.Locale;
import org.outpost.app.text.Text;

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

    /** The reason shown instead of a number, in English, or empty when in distribution. */
    public String reason() {
        return inDistribution() ? "" : reasonText().english();
    }

    /**
     * The reason shown instead of a number, as a clinical text ({@code reason.outOfDistribution.*}; its English
     * starts {@link #PREFIX}); only for a case outside the training data.
     */
    public Text reasonText() {
        if (inDistribution()) {
            throw new IllegalStateException("The inputs are like the training data");
        }
        String inputs = String.join(", ", outOfRangeInputs);
        String d = String.format(Locale.ROOT, "%.1f", distance);
        String t = String.format(Locale.ROOT, "%.1f", threshold);
        if (!unusualCombination()) {
            return Text.of("reason.outOfDistribution.outOfRange", inputs);
        }
        return outOfRangeInputs.isEmpty() ? Text.of("reason.outOfDistribution.unusual", d, t)
                : Text.of("reason.outOfDistribution.both", inputs, d, t);
    }
}
