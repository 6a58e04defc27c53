package org.outpost.sync.transport;

import java.util.Optional;

/**
 * The outcome of one pass over the outbox.
 *
 * @param confirmed summaries the server confirmed
 * @param rejected summaries the server refused
 * @param notConfirmed sends the server did not confirm (the pass stops at the first, since the server is likely
 *     down, and the loop backs off)
 * @param checkpointConfirmed whether an audit checkpoint was sent and confirmed in this pass
 * @param problem the first send that was not confirmed, if any
 */
public record SyncReport(int confirmed, int rejected, int notConfirmed, boolean checkpointConfirmed,
        Optional<SendResult.NotConfirmed> problem) {

    /** True when the pass ended because the server did not confirm something. */
    public boolean interrupted() {
        return problem.isPresent();
    }
}
