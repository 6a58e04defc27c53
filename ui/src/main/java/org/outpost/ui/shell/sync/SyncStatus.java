package org.outpost.ui.shell.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.sharing.OutboxCounts;

/**
 * The outbox as the indicator shows it, read from the store (no server contact). Counts and the server's words
 * only: no patient data.
 *
 * @param pending       summaries waiting to be sent
 * @param heldBack      summaries the k-anonymity check held back (they go once the group is big enough)
 * @param refused       summaries the server refused (they wait for the record to change and a person to look)
 * @param refusal       the server's reason for the newest refusal, if any
 * @param lastConfirmed when the server last confirmed a summary, if ever
 * @param lastError     the newest error of a summary still waiting, if any
 */
public record SyncStatus(long pending, long heldBack, long refused, Optional<String> refusal,
                         Optional<Instant> lastConfirmed, Optional<OutboxCounts.LastError> lastError) {
    public SyncStatus {
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(lastConfirmed, "lastConfirmed");
        Objects.requireNonNull(lastError, "lastError");
    }
}
