package org.outpost.app.prescribing;

/** What a pharmacist did with an order in the review queue. Stored by name: append, never rename. */
public enum ReviewAction {
    /** Changed the order to the model's suggested dose, or stopped it when the advice was to avoid the drug. */
    ACCEPT_SUGGESTION,
    /** Set another dose (with an optional note). */
    CHANGE_DOSE,
    /** Kept the order as written, with a reason. */
    OVERRIDE,
    /** Stopped the order (the advice was to avoid the drug: stop it, or switch to another drug by a new order). */
    STOP
}
