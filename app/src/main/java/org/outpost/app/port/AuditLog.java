package org.outpost.app.port;

import java.util.List;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.AuditEvent;
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

    /** Walks the whole chain and names the first broken row. */
    AuditVerification verify();

    long count();
}
