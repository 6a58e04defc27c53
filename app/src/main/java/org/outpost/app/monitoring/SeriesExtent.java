package org.outpost.app.monitoring;

import java.time.Instant;

/** What is stored of one patient's series of one measure: how many readings, over which period, in how many bytes. */
public record SeriesExtent(Measure measure, long readings, Instant first, Instant last, long storedBytes) {
    /** Stored bytes per reading (0 for an empty series). */
    public double bytesPerReading() {
        return readings == 0 ? 0 : (double) storedBytes / readings;
    }
}
