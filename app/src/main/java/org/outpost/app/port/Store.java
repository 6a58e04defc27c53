package org.outpost.app.port;

import java.nio.file.Path;
import java.util.function.Function;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.domain.IntegrityReport;

/**
 * An unlocked clinical record store. All writes go through {@link #write}, which runs the work in one
 * transaction on the store's single writer: either everything in it is committed or nothing is.
 * Closing the store forgets its keys.
 */
public interface Store extends AutoCloseable {

    /** Runs read-only work against a consistent snapshot. */
    <T> T read(Function<Repositories, T> work);

    /**
     * Runs work in one transaction; commits when it returns, rolls back when it throws (and rethrows).
     * Calls are serialised: there is one writer.
     */
    <T> T write(Function<Repositories, T> work);

    /** User accounts and their key slots. */
    Accounts accounts();

    /**
     * Writes an encrypted, self-contained backup (database and key slots) to {@code target}. Refuses (a
     * {@link StoreException}, nothing written) when the database fails {@link #verifyIntegrity()}: a backup of
     * damaged rows would carry the damage into the copy meant to repair it.
     */
    void backupTo(Path target);

    /**
     * Verifies the audit log: its hash chain and, where the store keeps one, the anchor of its head outside
     * the database (which catches a database file rolled back to an older copy, or a chain recomputed by
     * someone who can open the file). Stores without an anchor check the chain only.
     */
    default AuditVerification verifyAudit() {
        return read(r -> r.audit().verify());
    }

    /**
     * Reads every row of every table and every index entry, checks each row's MAC and the audit chain, and
     * says what is damaged, by table and row id. Reads a whole snapshot: seconds on a large database.
     */
    IntegrityReport verifyIntegrity();

    /** Forgets the keys and closes the database. Idempotent. */
    @Override
    void close();
}
