package org.outpost.app.monitoring;

import java.time.Instant;
import java.util.Objects;

/** One value of a monitored series (heart rate in /min, weight in kg, …) at a time. */
public record Reading(Instant at, double value) {
    public Reading {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("A reading is a number");
        }
    }
}
