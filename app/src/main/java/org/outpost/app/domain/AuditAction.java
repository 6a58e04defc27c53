package org.outpost.app.domain;

/** What an audit row records. New actions are appended; the names are stored, so never rename one. */
public enum AuditAction {
    DATABASE_CREATED,
    LOGIN_OK,
    LOGIN_FAILED,
    LOGOUT,
    LOCKED,
    CHART_OPENED,
    PATIENT_SEARCHED,
    PATIENT_CREATED,
    PATIENT_UPDATED,
    OBSERVATION_RECORDED,
    MEDICATION_RECORDED,
    GENOTYPE_RECORDED,
    ENCOUNTER_RECORDED,
    USER_ADDED,
    USER_DISABLED,
    USER_ENABLED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    BACKUP_CREATED,
    DATABASE_RESTORED,
    DEMO_DATA_CREATED,
    AUDIT_VERIFIED,
    PATIENTS_LISTED,
    USERS_LISTED,
    /** A clinician acknowledged, accepted or overrode a model result; detail: model id, version, kind. */
    RISK_DECISION_RECORDED,
    /** A medication order was saved; detail: order id, alert count by severity, models and versions. */
    ORDER_PLACED,
    /** A pharmacist reviewed an order; detail: order id, action, models and versions. */
    ORDER_REVIEWED,
    /**
     * The audit chain's head was first anchored outside the database (audit-anchor.properties), or re-anchored
     * after a restore; from then on a missing anchor file is an alarm, not a new installation.
     */
    AUDIT_ANCHORED,
    /** Someone who is not an enabled administrator of this installation tried to restore a backup. */
    RESTORE_REFUSED,
    /**
     * The failed-login record (kept beside the locked database) was moved into the audit log at a successful
     * unlock; detail: lines taken, unreadable lines, whether it continued the expected chain, and the new
     * chain's epoch (the anchor the next unlock checks the record against).
     */
    FAILED_LOGINS_MOVED,
    /** The data key was replaced and the database re-encrypted; detail: generation and user count. */
    KEY_ROTATED,
    /** A full integrity check ran; the detail holds counts only. */
    INTEGRITY_VERIFIED,
    /** Rows written before row MACs existed were sealed (once, after migration V6); the detail holds the count. */
    ROWS_SEALED,
    /**
     * A patient's consent to sharing was recorded (given, refused, genotypes changed); detail: the state and
     * genotypes yes/no.
     */
    CONSENT_RECORDED,
    /** A patient's consent to sharing was withdrawn; detail: how many pending summaries were dropped. */
    CONSENT_WITHDRAWN,
    /**
     * An administrator changed the sync settings; detail: the server's host, k, genotype sharing and whether a
     * new token was set (never the token).
     */
    SYNC_CONFIGURED,
    /** An administrator replaced the site secret behind pseudonyms; detail: how many summaries were queued again. */
    SITE_SECRET_ROTATED,
    /** A sync run ended; detail: counts only (sent, held back, failed), never content. */
    SYNC_RUN,
    /**
     * Someone looked at what was sent for a patient (the exact de-identified bundle, in the chart); detail: whether
     * anything had been sent and whether a summary was waiting, never content.
     */
    SENT_SUMMARY_VIEWED,
    /** A problem was put on a patient's problem list; detail: the code system and code, never free text. */
    PROBLEM_RECORDED,
    /** A problem-list entry's status changed; detail: code system, code and the new status. */
    PROBLEM_STATUS_CHANGED,
    /** A clinician reviewed a patient's problem list as complete; detail: how many active problems. */
    PROBLEM_LIST_REVIEWED,
    /** A smoking status was recorded; detail: the status. */
    SMOKING_STATUS_RECORDED,
    /** An administrator chose the unit a measure is shown in at this site; detail: the LOINC code and UCUM unit. */
    RESULT_UNIT_CHANGED,
    /**
     * Someone exported audit rows to a file for an auditor; detail: the filter in non-identifying terms (a patient
     * filter is recorded as set, never its text) and the row count.
     */
    AUDIT_EXPORTED,
    /**
     * Home or wearable readings were imported for a patient; detail: the format and, per measure, how many readings
     * were new and how many already stored (never values or file names).
     */
    MONITORING_IMPORTED,
    /** A clinician confirmed a monitoring flag; detail: the measure, kind and direction (never the note). */
    MONITORING_FLAG_CONFIRMED,
    /** A clinician dismissed a monitoring flag; detail: the measure, kind and direction (never the note). */
    MONITORING_FLAG_DISMISSED
}
