package org.outpost.app.sharing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox in numbers, for the sync indicator: how many summaries wait, how many the last run held back, when
 * a summary last reached the server and the most recent sending error still standing. Counts only: safe to show
 * and to log.
 *
 * @param pending     entries waiting to be sent (consent given), not held back
 * @param heldBack    entries the last run held back (their reasons are on the entries)
 * @param lastSuccess when the server last confirmed a summary, if ever
 * @param lastError   the newest error of an entry still pending, if any
 */
public record OutboxCounts(long pending, long heldBack, Optional<Instant> lastSuccess, Optional<LastError> lastError) {
    public OutboxCounts {
        lastSuccess = lastSuccess == null ? Optional.empty() : lastSuccess;
        lastError = lastError == null ? Optional.empty() : lastError;
    }

    /** An error sending failed with (no patient data), and when. */
    public record LastError(String message, Instant at) {
        public LastError {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Every entry still to go, held back or not. */
    public long waiting() {
        return pending + heldBack;
    }
}
