package org.outpost.sync.deid;

import java.util.Locale;

/** Whether the patient takes a medicine on the summary's as-of day (FHIR R4 MedicationStatement status codes). */
public enum MedicationStatus {
    ACTIVE, COMPLETED, INTENDED;

    /** The FHIR code: {@code active}, {@code completed}, {@code intended}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
