package org.outpost.app.monitoring;

import java.time.Instant;
import java.util.Objects;

/**
 * A sustained departure of a series from the patient's own baseline, as a detector finds it (before anyone has
 * looked at it; see {@link MonitoringFlag} for the stored suggestion and its decision).
 *
 * @param start     the start of the first deviating period
 * @param end       the end of the last deviating period (exclusive)
 * @param kind      a sustained level change, or a slow drift
 * @param direction above or below the baseline
 * @param baseline  the baseline's value over the period (median of the band centres), in the measure's unit
 * @param observed  the series' typical value over the period (median), in the measure's unit
 */
public record Deviation(Measure measure, Instant start, Instant end, Kind kind, Direction direction, double baseline,
                        double observed) {
    public Deviation {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A deviation ends after it starts");
        }
    }

    /** What kind of departure. */
    public enum Kind {
        /** Sustained readings outside the band (a level shift, a lost nocturnal dip). */
        SUSTAINED,
        /** A slow, cumulative drift away from the baseline (CUSUM), before it leaves the band. */
        DRIFT
    }

    /** Above or below the baseline. */
    public enum Direction { ABOVE, BELOW }

    /** Whether this deviation and {@code other} overlap in time, for the same measure, kind and direction. */
    public boolean sameEpisodeAs(Deviation other) {
        return measure == other.measure && kind == other.kind && direction == other.direction
                && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
