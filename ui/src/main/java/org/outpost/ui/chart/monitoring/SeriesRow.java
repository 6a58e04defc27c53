package org.outpost.ui.chart.monitoring;

import org.outpost.app.monitoring.Measure;

/**
 * One measure the patient has readings of, as the chooser shows it.
 *
 * @param label  the measure's name, e.g. "Heart rate"
 * @param detail how many readings, over which period, and the bytes stored per reading
 */
public record SeriesRow(Measure measure, String label, String detail) {
    @Override
    public String toString() {
        return label;
    }
}
