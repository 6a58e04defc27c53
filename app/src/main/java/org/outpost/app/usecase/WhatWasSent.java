package org.outpost.app.usecase;

import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.sharing.SentSummary;

/**
 * What has left this machine for one patient and what is on its way, as the chart shows it.
 *
 * @param consent  the patient's consent to sharing now
 * @param lastSent the last summary the server confirmed (the exact bundle, and when), if any ever was
 * @param waiting  the patient's outbox entry, if a newer summary waits to be sent (held back or not)
 */
public record WhatWasSent(SharingConsent consent, Optional<SentSummary> lastSent, Optional<OutboxEntry> waiting) {
    public WhatWasSent {
        Objects.requireNonNull(consent, "consent");
        lastSent = lastSent == null ? Optional.empty() : lastSent;
        waiting = waiting == null ? Optional.empty() : waiting;
    }
}
