package org.outpost.app.model;

/**
 * How much one input moved the result, so a clinician sees why: points for a points score, the term's
 * share of the linear predictor for a regression model.
 *
 * @param input  the input's name
 * @param amount the contribution, in {@code unit}
 * @param unit   e.g. "points" or "ln(hazard)"
 */
public record Contribution(String input, double amount, String unit) {
    /**
     * The name of the term that is not an input: a regression model's intercept or minus its population
     * mean, so that all contributions add up to the linear predictor.
     */
    public static final String BASELINE = "baseline";

    public boolean isBaseline() {
        return BASELINE.equals(input);
    }
}
