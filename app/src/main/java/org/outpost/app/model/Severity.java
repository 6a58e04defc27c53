package org.outpost.app.model;

/**
 * How urgently a recommendation needs a prescriber's attention, in the three levels of FHIR R4
 * {@code DetectedIssue.severity} (high | moderate | low) so an alert can leave the machine unchanged.
 */
public enum Severity {
    /** Information only: the standard dose or drug is fine for this person. */
    LOW,
    /** Change the dose or monitor more closely. */
    MODERATE,
    /** Avoid the drug, or a serious change to it, unless there is a documented reason. */
    HIGH
}
