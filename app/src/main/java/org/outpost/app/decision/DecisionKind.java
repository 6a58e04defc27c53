package org.outpost.app.decision;

/** What the clinician did with a model's result. The names are stored: never rename one. */
public enum DecisionKind {
    /** Seen and noted; no change to the plan. */
    ACKNOWLEDGED,
    /** The result's recommendation goes into the care plan. */
    ACCEPTED_INTO_PLAN,
    /** The clinician disagrees with the result or its recommendation; a reason is required. */
    OVERRIDDEN
}
