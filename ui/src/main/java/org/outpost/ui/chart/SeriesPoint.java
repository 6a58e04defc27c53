package org.outpost.ui.chart;

import java.time.Instant;

/**
 * One point of a measure's trend, in the measure's canonical unit.
 *
 * @param value the value converted to the canonical unit
 */
public record SeriesPoint(Instant at, double value) { }
