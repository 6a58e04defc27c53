package org.outpost.interop.monitoring;

/** Why a row of a series file (or a FHIR resource) gave no reading although the file is fine. */
public enum SkipReason {
    /** An empty line in a CSV file. */
    BLANK_LINE,
    /** A Dexcom export's patient and device rows (FirstName, LastName, DateOfBirth, Device…); never kept. */
    DEXCOM_PATIENT_OR_DEVICE_ROW,
    /** A Dexcom event that is not a sensor glucose (EGV): Alert, Calibration, Insulin, Carbs, Exercise…; detail = event type. */
    DEXCOM_EVENT,
    /** A Dexcom EGV row with an empty glucose cell. */
    DEXCOM_EGV_WITHOUT_VALUE,
    /** A FHIR resource that is not an Observation; detail = resource type. */
    FHIR_NOT_AN_OBSERVATION,
    /** An Observation of a code Outpost does not monitor; detail = {@code system|code} of its first coding. */
    FHIR_OTHER_CODE,
    /** An Observation whose status is entered-in-error or cancelled; detail = status. */
    FHIR_STATUS,
    /** An Observation (or a BP panel component) without a value (a dataAbsentReason instead). */
    FHIR_WITHOUT_VALUE
}
