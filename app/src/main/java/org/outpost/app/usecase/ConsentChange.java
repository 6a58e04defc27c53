package org.outpost.app.usecase;

import java.util.Objects;
import org.outpost.app.domain.SharingConsent;

/**
 * What recording or withdrawing a consent did, for the screen to say it: the consent now in the record, and how
 * many summaries that were waiting to be sent were dropped ("Consent withdrawn: 1 pending summary will not be
 * sent").
 *
 * @param consent        the consent as saved
 * @param droppedPending summaries that were waiting and now will not be sent (0 or 1: one entry per patient)
 */
public record ConsentChange(SharingConsent consent, int droppedPending) {
    public ConsentChange {
        Objects.requireNonNull(consent, "consent");
        if (droppedPending < 0) {
            throw new IllegalArgumentException("droppedPending < 0");
        }
    }
}
