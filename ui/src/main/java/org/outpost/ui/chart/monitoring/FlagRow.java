package org.outpost.ui.chart.monitoring;

import java.time.Instant;
import java.util.UUID;
import org.outpost.app.monitoring.Measure;

/**
 * One monitoring flag as the list shows it.
 *
 * @param period    from and to, in the clinic's time zone
 * @param direction above or below the baseline, and whether sustained or a drift
 * @param change    baseline and observed value, e.g. "58 → 81 /min"
 * @param status    "Open", or who decided what and when
 * @param decision  the status with the decision's note, if any
 * @param open      whether it still waits for a decision
 */
public record FlagRow(UUID id, Measure measure, String measureLabel, String period, String direction, String change,
                      String status, String decision, boolean open, Instant start, Instant end) {
}
