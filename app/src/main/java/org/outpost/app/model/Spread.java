package org.outpost.app.model;

/**
 * How uncertain a learned model's value is: a range of values that models trained on resamples of the same data
 * gave for the same inputs, shown as a range beside (never instead of) the value.
 *
 * @param low         the lower end, in the evaluation's unit
 * @param high        the upper end, in the evaluation's unit
 * @param description what the range is, e.g. "5th–95th percentile of 50 bootstrap-trained models"
 */
public record Spread(double low, double high, String description) {
    public Spread {
        if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("A spread runs from a finite low to a finite high at least as large");
        }
        description = description == null ? "" : description;
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
