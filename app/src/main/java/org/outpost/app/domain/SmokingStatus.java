package org.outpost.app.domain;

/**
 * Tobacco smoking status as a chart records it and the models read it: the three states of the smoking-status
 * value set every risk model distinguishes (SNOMED CT 266919005 never smoked tobacco, 8517006 ex-smoker, 77176002
 * smoker).
 */
public enum SmokingStatus {
    /** Never smoked (or, for models that make no further distinction, not smoking now). */
    NEVER,
    /** Smoked and stopped. */
    FORMER,
    /** Smokes now, whatever the amount. */
    CURRENT
}
