package org.outpost.app.port;

import java.util.List;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditFilter;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.AuditVerification;

/**
 * The append-only, hash-chained audit log. Each row stores the SHA-256 of the row before it and of its
 * own content, so editing, deleting or reordering any row breaks the chain at that row.
 */
public interface AuditLog {
    /** Appends an event inside the current write transaction and returns the stored row. */
    AuditEntry append(AuditEvent event);

    /** The newest rows first, at most {@code limit}. */
    List<AuditEntry> newest(int limit);

    /**
     * A page of the rows matching {@code filter}, newest first: those with a sequence below {@code beforeSeq} (pass
     * {@link Long#MAX_VALUE} for the first page, then the last row's sequence), at most {@code limit}. Each row comes
     * with its user's display name and role and its patient's MRN and name; callers decide who may see the name.
     * The filter is applied by the store's query, never by reading the whole log.
     */
    List<AuditRow> find(AuditFilter filter, long beforeSeq, int limit);

    /** How many rows match {@code filter}, counted by the store. */
    long count(AuditFilter filter);

    /** Walks the whole chain and names the first broken row. */
    AuditVerification verify();

    long count();
}
