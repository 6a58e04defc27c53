package org.outpost.app.domain;

/**
 * Where a problem stands, as FHIR's Condition.clinicalStatus says it (a subset: recurrence and relapse are recorded
 * as a new active entry).
 */
public enum ConditionStatus {
    /** The patient has it now. */
    ACTIVE("active"),
    /** Not active now but may return (e.g. a cancer in remission, asthma without symptoms). */
    INACTIVE("inactive"),
    /** Over (a healed fracture, a past stroke as an event): still part of the history. */
    RESOLVED("resolved");

    private final String fhirCode;

    ConditionStatus(String fhirCode) {
        this.fhirCode = fhirCode;
    }

    /** The FHIR condition-clinical code. */
    public String fhirCode() {
        return fhirCode;
    }
}
