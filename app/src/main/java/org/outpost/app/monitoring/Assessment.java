package org.outpost.app.monitoring;

import java.util.List;

/** What a {@link PersonalBaseline} makes of a series: not yet a baseline, or the baseline and the deviations from it. */
public sealed interface Assessment {
    /** Too little history: "baseline not yet established (needs {@code needed} days, has {@code days})"; no flags. */
    record NotEstablished(Measure measure, int days, int needed) implements Assessment { }

    /**
     * The baseline as it stood over the series (each period compared with the history before it) and the sustained
     * deviations, oldest first.
     */
    record Established(Measure measure, List<BandSegment> band, List<Deviation> deviations) implements Assessment {
        public Established {
            band = List.copyOf(band);
            deviations = List.copyOf(deviations);
        }
    }
}
