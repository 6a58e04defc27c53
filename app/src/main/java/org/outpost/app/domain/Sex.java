package org.outpost.app.domain;

/** Administrative sex as recorded at registration (FHIR AdministrativeGender). */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN;

    /** The FHIR R4 administrative-gender code. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Sex fromCode(String code) {
        return valueOf(code.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
