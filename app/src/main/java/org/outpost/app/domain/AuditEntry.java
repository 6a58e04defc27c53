package org.outpost.app.domain;

/**
 * A stored audit row: the event, its position in the chain and its hashes (hex SHA-256).
 *
 * @param previousHash the hash of the row before (all zeros for the first row)
 * @param hash         SHA-256 over the previous hash and this row's content
 */
public record AuditEntry(long sequence, AuditEvent event, String previousHash, String hash) { }
