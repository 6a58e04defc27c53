package org.outpost.app.monitoring;

import java.time.Instant;
import java.util.Objects;

/** The baseline over one period (an hour for a daily rhythm, a day otherwise): its centre and the band around it. */
public record BandSegment(Instant start, Instant end, double lower, double centre, double upper) {
    public BandSegment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!(lower <= centre && centre <= upper)) {
            throw new IllegalArgumentException("A band has lower ≤ centre ≤ upper");
        }
    }
}
