package org.outpost.app.domain;

import java.util.regex.Pattern;

/** The code systems a problem-list entry is coded in, with their FHIR system URIs. */
public enum CodeSystem {
    /** SNOMED CT: a concept id, 6 to 18 digits (the SCTID format). */
    SNOMED_CT("http://snomed.info/sct", "SNOMED CT", Pattern.compile("[1-9][0-9]{5,17}")),
    /** WHO ICD-10: a letter, two digits, and optionally a dot and one or two more characters (I48, I48.0, N18.3). */
    ICD_10("http://hl7.org/fhir/sid/icd-10", "ICD-10", Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?"));

    private final String uri;
    private final String label;
    private final Pattern format;

    CodeSystem(String uri, String label, Pattern format) {
        this.uri = uri;
        this.label = label;
        this.format = format;
    }

    /** The FHIR system URI. */
    public String uri() {
        return uri;
    }

    /** The name clinicians know it by. */
    public String label() {
        return label;
    }

    /** Whether {@code code} is written as this system writes its codes. */
    public boolean isWellFormed(String code) {
        return code != null && format.matcher(code).matches();
    }
}
