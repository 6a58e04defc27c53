package org.outpost.app.domain;

/** The patient's answer on sharing de-identified summaries beyond this workstation. */
public enum Consent {
    /** Not yet asked: treated as no. */
    UNKNOWN,
    GIVEN,
    REFUSED;

    public boolean allowsSharing() {
        return this == GIVEN;
    }
}
