package org.outpost.app.usecase;

import java.time.Clock;
import java.util.Objects;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;

/**
 * Recording a patient's consent to sharing (issue 12): given (genotypes separately, off unless asked for), refused,
 * or withdrawn, always with the session's user and the clock as who and when, audited, in one transaction with
 * the outbox. A withdrawal stops all further sync of the patient at once: in the same transaction the summary
 * waiting to be sent is dropped, and the caller is told how many were, so the screen can say so. Needs
 * {@link Permission#EDIT_PATIENT}; reading needs {@link Permission#VIEW_CHART}.
 */
public final class ConsentService {
    private final Store store;
    private final Clock clock;
    private final Session session;

    public ConsentService(Store store, Clock clock, Session session) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.session = Objects.requireNonNull(session);
    }

    /** The patient's consent as recorded now. */
    public SharingConsent current(PatientId patient) {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> find(r, patient).consent());
    }

    /**
     * Records the consent as given or refused, by this user now. A consent that is given cannot be turned into a
     * refusal here: that is a withdrawal ({@link #withdraw}).
     *
     * @throws IllegalStateException    when refusing a consent that is given
     * @throws IllegalArgumentException when the patient does not exist
     */
    public ConsentChange record(PatientId patient, ConsentDraft draft) {
        session.require(Permission.EDIT_PATIENT);
        Objects.requireNonNull(draft, "draft");
        return store.write(r -> {
            SharingConsent before = find(r, patient).consent();
            Recorded now = new Recorded(session.username(), clock.instant());
            SharingConsent after = switch (draft.answer()) {
                case GIVEN -> SharingConsent.given(draft.genotypes(), now);
                case REFUSED -> {
                    if (before.sharesSummaries()) {
                        throw new IllegalStateException("The consent is given: withdraw it instead of refusing");
                    }
                    yield SharingConsent.refused(now);
                }
                default -> throw new IllegalArgumentException("Record a consent as given or refused");
            };
            int dropped = after.sharesSummaries() ? 0 : r.outbox().drop(patient);
            r.patients().recordConsent(patient, after);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.CONSENT_RECORDED,
                    patient, detail(after)));
            return new ConsentChange(after, dropped);
        });
    }

    /**
     * Withdraws the patient's consent, by this user now: nothing more is sent for them, and the summary waiting to
     * be sent, if any, is dropped in the same transaction.
     *
     * @throws IllegalStateException    when the consent is not given
     * @throws IllegalArgumentException when the patient does not exist
     */
    public ConsentChange withdraw(PatientId patient) {
        session.require(Permission.EDIT_PATIENT);
        return store.write(r -> {
            SharingConsent before = find(r, patient).consent();
            if (before.summaries() != Consent.GIVEN) {
                throw new IllegalStateException("There is no consent given to withdraw");
            }
            SharingConsent after = before.withdraw(new Recorded(session.username(), clock.instant()));
            int dropped = r.outbox().drop(patient);
            r.patients().recordConsent(patient, after);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.CONSENT_WITHDRAWN,
                    patient, "droppedPending=" + dropped));
            return new ConsentChange(after, dropped);
        });
    }

    /** The audit detail of a recorded consent: state and genotypes only. */
    static String detail(SharingConsent c) {
        return "consent=" + c.summaries().name() + ";genotypes=" + (c.genotypes() ? "yes" : "no");
    }

    private static Patient find(Repositories r, PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        return r.patients().find(patient).orElseThrow(() -> new IllegalArgumentException("No such patient"));
    }
}
