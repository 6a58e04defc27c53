package org.outpost.app.model;

/**
 * How much one input moved the result, so a clinician sees why: points for a points score, the term's
 * share of the linear predictor for a regression model.
 *
 * @param input  the input's name
 * @param amount the contribution, in {@code unit}
 * @param unit   e.g. "points" or "ln(hazard)"
 */
public record Contribution(String input, double amount, String unit) { }
