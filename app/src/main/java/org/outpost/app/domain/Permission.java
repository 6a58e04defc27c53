package org.outpost.app.domain;

/** A thing a role may do. */
public enum Permission {
    VIEW_CHART, EDIT_PATIENT, RECORD_OBSERVATION, MANAGE_USERS, VIEW_AUDIT,
    /** Place medication orders. */
    PRESCRIBE,
    /** Review orders in the pharmacist queue. */
    REVIEW_ORDERS
}
