package org.outpost.ui.chart;

import java.time.Instant;
import java.util.Optional;
import org.outpost.app.results.ResultFlag;

/**
 * One point of a measure's trend, in the unit this site shows the measure in.
 *
 * @param value the value converted to the site's unit
 * @param flag  where it falls against the patient's reference range; empty when the measure has none
 */
public record SeriesPoint(Instant at, double value, Optional<ResultFlag> flag) { }
