package org.outpost.app.usecase;

import java.time.Clock;
import java.util.Objects;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Permission;
import org.outpost.app.port.Store;

/**
 * "What was sent" for a patient (issue 12): the exact de-identified bundle the server last confirmed and when, and
 * whether a newer summary is waiting (and why it is held back, if it is). The bundle carries only the pseudonym,
 * but here it sits beside the patient it belongs to, so reading it is part of the chart: it needs
 * {@link Permission#VIEW_CHART} and is audited like opening the chart (counts and flags only, never content).
 */
public final class SharingHistory {
    private final Store store;
    private final Clock clock;
    private final Session session;

    public SharingHistory(Store store, Clock clock, Session session) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.session = Objects.requireNonNull(session);
    }

    /**
     * What was last sent for {@code patient} and what waits, recorded in the audit log as read by this user.
     *
     * @throws IllegalArgumentException when the patient does not exist
     */
    public WhatWasSent whatWasSent(PatientId patient) {
        session.require(Permission.VIEW_CHART);
        Objects.requireNonNull(patient, "patient");
        return store.write(r -> {
            var found = r.patients().find(patient).orElseThrow(() -> new IllegalArgumentException("No such patient"));
            var sent = r.outbox().lastSent(patient);
            var waiting = r.outbox().find(patient);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.SENT_SUMMARY_VIEWED,
                    patient, "sent=" + (sent.isPresent() ? "yes" : "no") + ";waiting="
                            + waiting.map(w -> w.isHeldBack() ? "heldBack" : "yes").orElse("no")));
            return new WhatWasSent(found.consent(), sent, waiting);
        });
    }
}
