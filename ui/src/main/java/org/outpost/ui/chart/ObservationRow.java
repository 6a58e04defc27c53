package org.outpost.ui.chart;

import java.time.Instant;
import java.util.Optional;
import org.outpost.app.domain.Measure;
import org.outpost.app.results.ResultFlag;

/**
 * One line of the observations table, in the unit this site shows its measure in.
 *
 * @param when     formatted local date and time
 * @param value    formatted number in {@code unit}
 * @param unit     the site's unit for the measure, as printed
 * @param range    the patient's reference range in {@code unit} ("70\u201399 mg/dL"), empty when the measure has none
 * @param flag     where the value falls against the range; empty when the measure has none
 * @param flagText the flag as a lab report prints it (H, L, HH, LL), empty when normal or without range
 * @param flagName the flag in words (High, Critically low), for screen readers and tooltips
 */
public record ObservationRow(Instant effective, String when, Measure measure, String measureName, String value,
                             String unit, String range, Optional<ResultFlag> flag, String flagText, String flagName) {
    /** The value with its unit, as the table shows it. */
    public String valueWithUnit() {
        return value + " " + unit;
    }
}
