package org.outpost.interop.monitoring;

import java.util.Objects;

/**
 * One kind of skipped row, a key of {@link ParsedSeries#skipped()}.
 *
 * @param reason why
 * @param detail the event type, resource type or code concerned ("" if the reason says it all); never patient data
 */
public record Skipped(SkipReason reason, String detail) implements Comparable<Skipped> {
    public Skipped {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    static Skipped of(SkipReason reason) {
        return new Skipped(reason, "");
    }

    @Override
    public int compareTo(Skipped other) {
        int byReason = reason.compareTo(other.reason);
        return byReason != 0 ? byReason : detail.compareTo(other.detail);
    }
}
