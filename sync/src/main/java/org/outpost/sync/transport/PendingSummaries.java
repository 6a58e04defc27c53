package org.outpost.sync.transport;

import java.util.List;

/**
 * The sync loop's view of the outbox: the store's outbox port is adapted to this by the launcher, so sync
 * never sees JDBC. Implementations must be durable: a row leaves the pending set only through
 * {@link #confirmed}, so a crash at any point leaves it pending and it is sent again (harmlessly, sends being
 * idempotent).
 */
public interface PendingSummaries {
    /**
     * Up to {@code max} rows to send, oldest first, skipping rows a person must look at ({@link #rejected}).
     * Rows that just failed should come after rows not yet tried, so one bad row cannot block the queue.
     * Called on the loop's preparing thread while the previous batch is being sent: it must not hand out a row
     * again that it handed out in this pass and has not heard back on, and must be safe to call while the other
     * methods run on the sending thread.
     */
    List<PendingSummary> next(int max);

    /** The server confirmed every resource of this revision: the row may be marked sent (if still current). */
    void confirmed(PendingSummary summary, SendResult.Confirmed result);

    /** The server refused this revision; do not resend it until it changes or a person intervenes. */
    void rejected(PendingSummary summary, SendResult.Rejected result);

    /** Not confirmed: keep the row pending and note the attempt. The pass ends after this. */
    void notConfirmed(PendingSummary summary, SendResult.NotConfirmed result);

    /**
     * The pass is over (the outbox ran dry, the server stopped confirming, or the loop is stopping). {@code unsent}
     * were handed out and not sent: they stay pending, and the next pass offers them (and anything held back) again.
     */
    void passEnded(List<PendingSummary> unsent);
}
