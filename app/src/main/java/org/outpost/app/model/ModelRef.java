package org.outpost.app.model;

import java.util.Objects;

/**
 * Which model produced a result: stored with every evaluation and decision so a result can always be
 * traced to the exact equations and their publication.
 *
 * @param id      stable identifier used on the command line and in stored decisions, e.g. {@code pce-2013}
 * @param version version of Outpost's implementation; bumped whenever a coefficient or rule changes
 * @param title   the name clinicians use, e.g. "ACC/AHA Pooled Cohort Equations"
 * @param source  the citation the implementation follows (paper, table, guideline version)
 */
public record ModelRef(String id, String version, String title, String source) {
    public ModelRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
    }
}
