package org.outpost.store.jdbc;

/**
 * The newest link of the audit chain: its sequence number (0 for an empty log) and hash.
 *
 * @param seq  the newest row's sequence number
 * @param hash its hash ({@link AuditHash#GENESIS} for an empty log)
 */
public record ChainHead(long seq, String hash) { }
