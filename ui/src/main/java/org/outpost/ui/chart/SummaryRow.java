package org.outpost.ui.chart;

/**
 * One line of the chart summary: a latest value, a medication or a genotype.
 *
 * @param label what it is ("Systolic blood pressure", "Warfarin", "CYP2C9")
 * @param value the value with unit, the dose, the diplotype
 * @param when  when it was measured, started or reported
 */
public record SummaryRow(String label, String value, String when) { }
