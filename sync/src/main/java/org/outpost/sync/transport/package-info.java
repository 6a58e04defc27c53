/**
 * Delivering de-identified summaries to the research FHIR server: the connection policy (https unless the
 * server is this computer, certificates checked against the trust store or a pinned CA), the HAPI FHIR client
 * that sends one summary as one transaction and says exactly what the server confirmed, the checkpoint that
 * leaves the audit chain head with the server, and the background loop that drains the outbox in batches with
 * exponential backoff. Nothing here knows JavaFX or JDBC: the outbox reaches it through {@link
 * org.outpost.sync.transport.PendingSummaries}, wired in by the launcher.
 */
package org.outpost.sync.transport;
