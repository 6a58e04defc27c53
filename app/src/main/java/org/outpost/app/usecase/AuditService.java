package org.outpost.app.usecase;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditFilter;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.domain.Permission;
import org.outpost.app.port.AuditLog;
import org.outpost.app.port.Store;

/**
 * Reading, searching, exporting and verifying the audit log (those with {@link Permission#VIEW_AUDIT}: admins).
 *
 * <p>Who a patient is: an audit reader sees a patient's <em>name</em> only if their role also grants
 * {@link Permission#VIEW_CHART}, the permission under which the rest of the desktop shows patients' names; a reader
 * without it sees the MRN, which is the record's reference an auditor matches with the clinic's files, and no name.
 * Today every {@link org.outpost.app.domain.Role#ADMIN} may view charts (small clinics have one person doing
 * everything), so admins see names; the rule is here so that a future audit-only role gets MRNs only without
 * touching the screens.
 */
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
     * A page of the rows matching {@code filter}, newest first, below {@code beforeSeq} ({@link AuditLog#find}),
     * patient names removed unless {@link #showsPatientNames()}.
     */
    public List<AuditRow> find(AuditFilter filter, long beforeSeq, int limit) {
        session.require(Permission.VIEW_AUDIT);
        boolean names = showsPatientNames();
        List<AuditRow> rows = store.read(r -> r.audit().find(filter, beforeSeq, limit));
        return names ? rows : rows.stream().map(AuditRow::withoutPatientName).toList();
    }

    /** How many rows match {@code filter}. */
    public long count(AuditFilter filter) {
        session.require(Permission.VIEW_AUDIT);
        return store.read(r -> r.audit().count(filter));
    }

    /** Whether this session's user may see patients' names in the audit log (see the class comment). */
    public boolean showsPatientNames() {
        return session.user().role().may(Permission.VIEW_CHART);
    }

    /**
     * Records that {@code rows} rows matching {@code filter} were exported; the detail is
     * {@link AuditFilter#describe()} (a patient filter as "set", never its text) and the count.
     */
    public void recordExport(AuditFilter filter, long rows) {
        session.require(Permission.VIEW_AUDIT);
        record(AuditAction.AUDIT_EXPORTED, "filter=" + filter.describe() + ";rows=" + rows);
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
