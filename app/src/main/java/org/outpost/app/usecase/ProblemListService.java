package org.outpost.app.usecase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Condition;
import org.outpost.app.domain.ConditionCode;
import org.outpost.app.domain.ConditionStatus;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.SmokingRecord;
import org.outpost.app.domain.SmokingStatus;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;

/**
 * Writing the problem list and smoking history: adding a coded problem, changing its status, confirming the list
 * complete, and recording the smoking status. Dates are checked against today (in the clinic's time zone) and the
 * patient's birth date; a refused entry changes nothing. Every write is audited with codes and states only, never
 * free text. Needs {@link Permission#EDIT_PATIENT}.
 */
public final class ProblemListService {
    private final Store store;
    private final Clock clock;
    private final Session session;

    public ProblemListService(Store store, Clock clock, Session session) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Puts a problem on the list.
     *
     * @param onset    when it began, if known: not in the future nor before birth
     * @param status   active, inactive or resolved
     * @param resolved for a resolved problem, when it ended (optional): not in the future nor before onset
     * @throws ValidationException naming the field, when a date is impossible or the same code is already active
     */
    public Condition add(PatientId patient, ConditionCode code, Optional<LocalDate> onset, ConditionStatus status,
                         Optional<LocalDate> resolved) {
        session.require(Permission.EDIT_PATIENT);
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        LocalDate today = LocalDate.now(clock);
        return store.write(r -> {
            Patient p = patient(r, patient);
            List<Violation> problems = new ArrayList<>();
            onset.ifPresent(d -> checkDate("onset", d, p, today, problems));
            if (resolved.isPresent()) {
                if (status != ConditionStatus.RESOLVED) {
                    problems.add(Violation.of("resolved", "problem.endOnlyWhenResolved"));
                } else {
                    checkDate("resolved", resolved.get(), p, today, problems);
                    if (onset.isPresent() && resolved.get().isBefore(onset.get())) {
                        problems.add(Violation.of("resolved", "problem.endBeforeOnset"));
                    }
                }
            }
            boolean alreadyActive = r.problems().forPatient(patient).conditions().stream()
                    .anyMatch(c -> c.isActive() && c.code().system() == code.system() && c.code().code().equals(code.code()));
            if (alreadyActive && status == ConditionStatus.ACTIVE) {
                problems.add(Violation.of("code", "problem.alreadyActive", code.display()));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Condition c = new Condition(UUID.randomUUID(), patient, code, onset, status, resolved,
                    new Recorded(session.username(), clock.instant()));
            r.problems().insert(c);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.PROBLEM_RECORDED, patient,
                    code.system().name() + " " + code.code() + " " + status.name()));
            return c;
        });
    }

    /**
     * Changes a problem's status (e.g. marks it resolved on {@code end}).
     *
     * @throws ValidationException when the end date is impossible
     */
    public Condition changeStatus(PatientId patient, UUID conditionId, ConditionStatus status, Optional<LocalDate> end) {
        session.require(Permission.EDIT_PATIENT);
        LocalDate today = LocalDate.now(clock);
        return store.write(r -> {
            Patient p = patient(r, patient);
            Condition before = r.problems().find(conditionId).filter(c -> c.patient().equals(patient))
                    .orElseThrow(() -> new IllegalArgumentException("No such problem on this patient's list"));
            List<Violation> problems = new ArrayList<>();
            if (end.isPresent() && status == ConditionStatus.RESOLVED) {
                checkDate("resolved", end.get(), p, today, problems);
                if (before.onset().isPresent() && end.get().isBefore(before.onset().get())) {
                    problems.add(Violation.of("resolved", "problem.endBeforeOnset"));
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Condition after = before.withStatus(status, end, new Recorded(session.username(), clock.instant()));
            r.problems().update(after);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.PROBLEM_STATUS_CHANGED,
                    patient, before.code().system().name() + " " + before.code().code() + " " + status.name()));
            return after;
        });
    }

    /** Confirms the patient's problem list complete as it stands, so models may read a missing problem as "no". */
    public void markReviewed(PatientId patient) {
        session.require(Permission.EDIT_PATIENT);
        store.write(r -> {
            patient(r, patient);
            r.problems().markReviewed(patient, new Recorded(session.username(), clock.instant()));
            long active = r.problems().forPatient(patient).active().size();
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.PROBLEM_LIST_REVIEWED,
                    patient, active + " active"));
            return null;
        });
    }

    /**
     * Records the smoking status as asked on {@code asOf}.
     *
     * @param cigarettesPerDay for a current smoker, if asked
     * @throws ValidationException when the date is impossible or the amount does not fit the status
     */
    public SmokingRecord recordSmoking(PatientId patient, SmokingStatus status, OptionalInt cigarettesPerDay,
                                       LocalDate asOf) {
        session.require(Permission.EDIT_PATIENT);
        Objects.requireNonNull(status, "status");
        LocalDate today = LocalDate.now(clock);
        return store.write(r -> {
            Patient p = patient(r, patient);
            List<Violation> problems = new ArrayList<>();
            checkDate("asOf", asOf, p, today, problems);
            if (cigarettesPerDay.isPresent()) {
                int n = cigarettesPerDay.getAsInt();
                if (status != SmokingStatus.CURRENT) {
                    problems.add(Violation.of("cigarettesPerDay", "smoking.amountOnlyForCurrent"));
                } else if (n < SmokingRecord.MIN_PER_DAY || n > SmokingRecord.MAX_PER_DAY) {
                    problems.add(Violation.of("cigarettesPerDay", "smoking.amountRange", SmokingRecord.MIN_PER_DAY,
                            SmokingRecord.MAX_PER_DAY));
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            SmokingRecord s = new SmokingRecord(UUID.randomUUID(), patient, status, cigarettesPerDay, asOf,
                    new Recorded(session.username(), clock.instant()));
            r.smoking().insert(s);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.SMOKING_STATUS_RECORDED,
                    patient, status.name()));
            return s;
        });
    }

    private static Patient patient(Repositories r, PatientId id) {
        return r.patients().find(id).orElseThrow(() -> new IllegalArgumentException("No such patient"));
    }

    private static void checkDate(String field, LocalDate d, Patient p, LocalDate today, List<Violation> problems) {
        if (d.isAfter(today)) {
            problems.add(Violation.of(field, "problem.dateInFuture"));
        } else if (d.isBefore(p.birthDate())) {
            problems.add(Violation.of(field, "problem.dateBeforeBirth"));
        }
    }
}
