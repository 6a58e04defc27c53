package org.outpost.sync.transport;

import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Sends what the sync loop hands it and says what the server confirmed. {@link FhirSummaryTransport} is the
 * implementation; the interface keeps {@link SyncService} independent of HTTP details.
 */
public interface SummarySender {
    /**
     * Sends one de-identified summary, a transaction bundle of idempotent entries. Never throws for I/O.
     *
     * @param summary the bundle, checked and used to judge the server's answer entry by entry
     * @param json the same bundle as FHIR JSON, sent as it is (not encoded again)
     */
    SendResult send(Bundle summary, String json);

    /** Leaves the audit chain head with the server as this site's checkpoint; idempotent. */
    SendResult checkpoint(String auditHeadHash, long auditLength, Instant at);
}
