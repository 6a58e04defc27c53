/**
 * The encrypted local store: {@link org.outpost.store.H2Vault} creates, unlocks and restores an
 * AES-encrypted H2 database whose random data key is wrapped once per user (envelope encryption), and
 * hands out a {@link org.outpost.app.port.Store} with one serialised writer, encrypted backups and
 * account management. Schema changes are Flyway migrations under {@code db/migration}.
 */
package org.outpost.store;
