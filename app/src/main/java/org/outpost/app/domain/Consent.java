package org.outpost.app.domain;

/**
 * The patient's answer on sharing de-identified summaries beyond this workstation (the state of a
 * {@link SharingConsent}). The names are stored: append, never rename.
 */
public enum Consent {
    /** Not recorded (nobody has asked, or the answer was never written down): treated as no. */
    UNKNOWN,
    /** The patient agreed to de-identified summaries being sent. */
    GIVEN,
    /** The patient said no. */
    REFUSED,
    /** The patient agreed once and has taken it back: nothing more is sent from then on. */
    WITHDRAWN;

    /** Only a consent given (and not withdrawn) lets a summary leave the workstation. */
    public boolean allowsSharing() {
        return this == GIVEN;
    }
}
