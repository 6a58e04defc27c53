package org.outpost.sync.transport;

import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;

/**
 * One summary waiting in the outbox.
 *
 * @param key the outbox's own handle for the row (opaque here, never shown or logged)
 * @param revision which version of the row this is; the outbox marks the row sent only if the confirmed
 *     revision is still the newest, so a summary updated while it was in flight is sent again
 * @param bundle the de-identified summary, a transaction bundle of PUTs to stable ids
 * @param json {@code bundle} encoded as FHIR JSON: the exact request body, encoded once (the outbox keeps the
 *     same string as what was sent)
 */
public record PendingSummary(String key, long revision, Bundle bundle, String json) {
    public PendingSummary {
        Objects.requireNonNull(key);
        Objects.requireNonNull(bundle);
        Objects.requireNonNull(json);
    }

    @Override
    public String toString() {
        return "PendingSummary[revision=" + revision + ", " + json.length() + " chars]";
    }
}
