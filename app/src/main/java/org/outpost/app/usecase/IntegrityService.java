package org.outpost.app.usecase;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.IntegrityReport;
import org.outpost.app.domain.Permission;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;

/**
 * The full integrity check (administrators only, like the audit log): every row's MAC, every index, the audit
 * chain. The check is recorded in the audit log with counts only; when the database is too damaged to take
 * that record, the report still comes back.
 */
public final class IntegrityService {
    private final Store store;
    private final Clock clock;
    private final Session session;

    public IntegrityService(Store store, Clock clock, Session session) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.session = Objects.requireNonNull(session);
    }

    /** Runs the check, then records it. */
    public IntegrityReport verify() {
        session.require(Permission.VIEW_AUDIT);
        session.require(Permission.MANAGE_USERS);
        IntegrityReport report = store.verifyIntegrity();
        String detail = report.intact() ? "intact" : "damaged: " + report.damagedRows() + " rows";
        try {
            store.write(r -> r.audit().append(new AuditEvent(clock.instant(), session.username(),
                    AuditAction.INTEGRITY_VERIFIED, Optional.empty(), detail)));
        } catch (StoreException e) {
            if (report.intact()) {
                throw e;
            }
        }
        return report;
    }
}
