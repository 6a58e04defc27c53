package org.outpost.sync.transport;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of the sync loop for the screen. Counts are for the current pass; "sent" always means confirmed
 * by the server.
 *
 * @param state what the loop is doing
 * @param confirmed summaries the server confirmed in this pass
 * @param rejected summaries the server refused in this pass (they wait for a person)
 * @param notConfirmed sends in this pass the server did not confirm (they stay queued)
 * @param problem the latest problem in words, if any
 * @param nextAttempt when the loop will try again, if it is waiting
 * @param cause why the latest send was not confirmed, if one was not: the screen says "offline" only for
 *     {@link SendResult.Reason#UNREACHABLE} (nothing reached the server), and "not confirmed" for the rest
 */
public record SyncProgress(State state, int confirmed, int rejected, int notConfirmed, Optional<String> problem,
        Optional<Instant> nextAttempt, Optional<SendResult.Reason> cause) {

    public SyncProgress {
        problem = problem == null ? Optional.empty() : problem;
        nextAttempt = nextAttempt == null ? Optional.empty() : nextAttempt;
        cause = cause == null ? Optional.empty() : cause;
    }

    /** A snapshot without a cause (nothing was left unconfirmed, or the problem was not a send). */
    public SyncProgress(State state, int confirmed, int rejected, int notConfirmed, Optional<String> problem,
            Optional<Instant> nextAttempt) {
        this(state, confirmed, rejected, notConfirmed, problem, nextAttempt, Optional.empty());
    }

    /** What the loop is doing. */
    public enum State {
        /** Sending. */
        SENDING,
        /** Queue empty, waiting for the next period or "Sync now". */
        IDLE,
        /** The server did not confirm; waiting with backoff. */
        BACKING_OFF,
        /** Cannot continue until the settings change (e.g. untrusted certificate). */
        NEEDS_SETTINGS,
        /** Stopped for good. */
        STOPPED
    }
}
