package org.outpost.app.domain;

/** A thing a role may do. */
public enum Permission {
    VIEW_CHART, EDIT_PATIENT, RECORD_OBSERVATION, MANAGE_USERS, VIEW_AUDIT,
    /** Place medication orders. */
    PRESCRIBE,
    /** Review orders in the pharmacist queue. */
    REVIEW_ORDERS,
    /** Configure de-identified sync (server, token, k, genotype sharing) and rotate the site secret. */
    CONFIGURE_SYNC,
    /** Choose the unit each result is shown in at this site (issue 14). */
    CONFIGURE_RESULT_UNITS
}
