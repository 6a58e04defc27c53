package org.outpost.app.prescribing;

/** What the prescriber did with an alert when placing the order. Stored by name: append, never rename. */
public enum AlertResponse {
    /** Information only, or the order already follows the suggestion: nothing to answer. */
    NONE,
    /** The prescriber kept the order against the suggestion, with a reason. */
    OVERRIDDEN,
    /** Answered before for the same inputs: shown quietly, not asked again. */
    ANSWERED_BEFORE
}
