package org.outpost.app.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Who recorded something in the chart, and when.
 *
 * @param by the user name of whoever recorded it
 * @param at when
 */
public record Recorded(String by, Instant at) {
    public Recorded {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (by.isBlank()) {
            throw new IllegalArgumentException("Who recorded it is required");
        }
        by = by.strip();
    }
}
