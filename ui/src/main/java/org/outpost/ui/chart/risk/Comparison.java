package org.outpost.ui.chart.risk;

/**
 * One what-if next to the current result, e.g. "Systolic pressure at target (120 mmHg)".
 *
 * @param scenario what was changed, in words
 * @param current  the result with the inputs as shown
 * @param whatIf   the result with the change
 */
public record Comparison(String scenario, String current, String whatIf) { }
