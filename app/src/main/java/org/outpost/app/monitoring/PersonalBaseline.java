package org.outpost.app.monitoring;

import java.time.ZoneId;
import java.util.List;

/**
 * A detector that learns a patient's own normal for one measure from their history and finds sustained departures
 * from it. Each implementation says in its Javadoc which method it uses and why.
 */
public interface PersonalBaseline {
    Measure measure();

    /**
     * Assesses a series.
     *
     * @param readings the patient's readings of {@link #measure()}, oldest first
     * @param zone     the patient's (clinic's) time zone, for the time of day
     */
    Assessment assess(List<Reading> readings, ZoneId zone);
}
