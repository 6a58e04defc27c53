package org.outpost.ui.chart;

import java.time.Instant;
import org.outpost.app.domain.Measure;

/**
 * One line of the observations table, as entered.
 *
 * @param when  formatted local date and time
 * @param value formatted number in the unit it was entered in
 */
public record ObservationRow(Instant effective, String when, Measure measure, String measureName, String value,
                             String unit) { }
