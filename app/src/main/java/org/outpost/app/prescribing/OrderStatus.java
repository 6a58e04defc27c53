package org.outpost.app.prescribing;

/** Where an order is in review. Stored by name: append, never rename. */
public enum OrderStatus {
    /** Every check agreed with the order (or gave information only). */
    NO_REVIEW_NEEDED,
    /** A model suggested something else; waiting for a pharmacist. */
    AWAITING_REVIEW,
    /** The pharmacist changed the order to the model's suggestion (or stopped it when the advice was to avoid). */
    SUGGESTION_ACCEPTED,
    /** The pharmacist set another dose. */
    DOSE_CHANGED,
    /** The pharmacist kept the order as written, against the suggestion, with a reason. */
    OVERRIDDEN,
    /** The pharmacist stopped the order (to switch to another drug, or because the drug is to be avoided). */
    STOPPED;

    public boolean awaitingReview() {
        return this == AWAITING_REVIEW;
    }
}
