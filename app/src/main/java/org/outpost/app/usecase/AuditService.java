package org.outpost.app.usecase;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.domain.Permission;
import org.outpost.app.port.Store;

/** Reading and verifying the audit log (admins only). */
public final class AuditService {
    private final Store store;
    private final Clock clock;
    private final Session session;

    public AuditService(Store store, Clock clock, Session session) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.session = Objects.requireNonNull(session);
    }

    public List<AuditEntry> newest(int limit) {
        session.require(Permission.VIEW_AUDIT);
        return store.read(r -> r.audit().newest(limit));
    }

    /**
     * Records something the session's user did that no other use case records, e.g. writing a backup or
     * listing the accounts. {@code detail} must not identify a patient.
     */
    public void record(AuditAction action, String detail) {
        store.write(r -> r.audit().append(new AuditEvent(clock.instant(), session.username(), action,
                Optional.empty(), detail)));
    }

    /**
     * Verifies the whole chain and its anchor outside the database ({@link Store#verifyAudit}), then records
     * that it was verified (after checking, so the check is clean).
     */
    public AuditVerification verify() {
        session.require(Permission.VIEW_AUDIT);
        AuditVerification result = store.verifyAudit();
        store.write(r -> r.audit().append(AuditEvent.of(clock.instant(), session.username(), AuditAction.AUDIT_VERIFIED)));
        return result;
    }
}
