package org.outpost.sync.transport;

/**
 * The newest row of the local hash-chained audit log: its hash and how many rows the chain has. Sent to the
 * server as a checkpoint, so a later edit of the local log can be shown against what the server was told.
 */
public record AuditHead(String hash, long length) {
}
