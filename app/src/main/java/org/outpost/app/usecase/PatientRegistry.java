package org.outpost.app.usecase;

import org.outpost.app.domain.PatientQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.Permission;
import org.outpost.app.port.PatientRepository;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;

/**
 * Finding, registering and editing patients. The registration form records the patient's first answer on sharing
 * (given, refused or not recorded; genotypes are never shared from there, being asked separately); afterwards
 * the consent changes only through {@link ConsentService}, where a withdrawal also stops what waits to be sent.
 */
public final class PatientRegistry {
    /** Most rows a search returns: enough to scan, few enough to render instantly. */
    public static final int SEARCH_LIMIT = 200;

    private final Store store;
    private final Clock clock;
    private final Session session;

    public PatientRegistry(Store store, Clock clock, Session session) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.session = Objects.requireNonNull(session);
    }

    /** Patients matching what the user typed; empty text lists nobody. */
    public List<PatientSummary> search(String text) {
        session.require(Permission.VIEW_CHART);
        PatientQuery query = PatientQuery.parse(text);
        if (query.isEmpty()) {
            return List.of();
        }
        return store.read(r -> r.patients().search(query, SEARCH_LIMIT));
    }

    /**
     * Every patient, ordered by family name, given name and birth date, for an export or a listing (not
     * for the search box): the listing is audited as {@link AuditAction#PATIENTS_LISTED} with its size.
     */
    public List<PatientSummary> listAll() {
        session.require(Permission.VIEW_CHART);
        return store.write(r -> audited(r, r.patients().all(Integer.MAX_VALUE), "all"));
    }

    /**
     * Like {@link #search} (at most {@link #SEARCH_LIMIT} rows, empty text lists nobody), but audited as
     * {@link AuditAction#PATIENTS_LISTED}: for listings that leave the screen, such as the command line.
     */
    public List<PatientSummary> listMatching(String text) {
        session.require(Permission.VIEW_CHART);
        PatientQuery query = PatientQuery.parse(text);
        if (query.isEmpty()) {
            return List.of();
        }
        return store.write(r -> audited(r, r.patients().search(query, SEARCH_LIMIT), "search"));
    }

    private List<PatientSummary> audited(Repositories r, List<PatientSummary> rows, String kind) {
        // the search text may be a name or a birth date, so only its kind and the row count are recorded
        r.audit().append(new AuditEvent(clock.instant(), session.username(), AuditAction.PATIENTS_LISTED,
                Optional.empty(), kind + ", rows=" + rows.size()));
        return rows;
    }

    /** Existing patients who may be the person in the draft. */
    public List<DuplicateCandidate> likelyDuplicates(PatientDraft draft) {
        if (draft.birthDate() == null || draft.familyName() == null || draft.givenName() == null) {
            return List.of();
        }
        return store.read(r -> DuplicateFinder.find(r.patients(), draft.familyName(), draft.givenName(),
                draft.birthDate()));
    }

    /**
     * Registers a new patient. Unless {@code duplicatesReviewed}, a likely duplicate stops the registration
     * with {@link PossibleDuplicateException} so the user looks at the existing records first.
     */
    public Patient register(PatientDraft draft, boolean duplicatesReviewed) {
        session.require(Permission.EDIT_PATIENT);
        LocalDate today = LocalDate.now(clock);
        requireValid(draft.validate(today));
        return store.write(r -> {
            PatientRepository patients = r.patients();
            if (!duplicatesReviewed) {
                List<DuplicateCandidate> candidates = DuplicateFinder.find(patients, draft.familyName(),
                        draft.givenName(), draft.birthDate());
                if (!candidates.isEmpty()) {
                    throw new PossibleDuplicateException(candidates);
                }
            }
            Mrn mrn = draft.mrn() == null || draft.mrn().isBlank() ? nextMrn(patients) : new Mrn(draft.mrn());
            if (patients.findByMrn(mrn).isPresent()) {
                throw new ValidationException(List.of(Violation.of("mrn", "patient.mrnTaken", mrn.value())));
            }
            Patient patient = toPatient(PatientId.random(), mrn, draft, AllergyStatus.notRecorded(),
                    firstConsent(draft.consent()));
            patients.insert(patient);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.PATIENT_CREATED,
                    patient.id(), ""));
            if (patient.consent().summaries() != Consent.UNKNOWN) {
                r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.CONSENT_RECORDED,
                        patient.id(), ConsentService.detail(patient.consent())));
            }
            return patient;
        });
    }

    /**
     * Saves edited demographics of an existing patient. The consent to sharing is kept: a draft whose consent is
     * null or the one recorded changes nothing there, any other is refused (it is changed in the chart, through
     * {@link ConsentService}).
     */
    public Patient update(PatientId id, PatientDraft draft) {
        session.require(Permission.EDIT_PATIENT);
        requireValid(draft.validate(LocalDate.now(clock)));
        return store.write(r -> {
            Patient old = r.patients().find(id).orElseThrow(() -> new IllegalArgumentException("No such patient"));
            Mrn mrn = draft.mrn() == null || draft.mrn().isBlank() ? old.mrn() : new Mrn(draft.mrn());
            Optional<Patient> holder = r.patients().findByMrn(mrn);
            if (holder.isPresent() && !holder.get().id().equals(id)) {
                throw new ValidationException(List.of(Violation.of("mrn", "patient.mrnTaken", mrn.value())));
            }
            if (draft.consent() != null && draft.consent() != old.consent().summaries()) {
                throw new ValidationException(List.of(Violation.of("consent", "patient.consentInChart")));
            }
            Patient patient = toPatient(id, mrn, draft, old.allergies(), old.consent());
            r.patients().update(patient);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.PATIENT_UPDATED, id, ""));
            return patient;
        });
    }

    /** The patient the draft describes; allergies new or changed since {@code before} are recorded by this user now. */
    private Patient toPatient(PatientId id, Mrn mrn, PatientDraft d, AllergyStatus before, SharingConsent consent) {
        return new Patient(id, mrn, d.familyName().strip(), d.givenName().strip(), d.sex(), d.birthDate(),
                d.address() == null ? "" : d.address().strip(), d.phone() == null ? "" : d.phone().strip(),
                consent, d.allergies().toStatus(before, session.username(), clock.instant()));
    }

    /** The registration form's answer, recorded by this user now (genotypes are asked separately, in the chart). */
    private SharingConsent firstConsent(Consent answer) {
        Recorded now = new Recorded(session.username(), clock.instant());
        return switch (answer == null ? Consent.UNKNOWN : answer) {
            case UNKNOWN -> SharingConsent.notRecorded();
            case GIVEN -> SharingConsent.given(false, now);
            case REFUSED -> SharingConsent.refused(now);
            case WITHDRAWN -> throw new ValidationException(List.of(
                    Violation.of("consent", "patient.consentWithdrawnAtRegistration")));
        };
    }

    /** The next free number in the clinic's own series, OP-000001 onwards. */
    private static Mrn nextMrn(PatientRepository patients) {
        long n = patients.count() + 1;
        Mrn candidate = format(n);
        while (patients.findByMrn(candidate).isPresent()) {
            candidate = format(++n);
        }
        return candidate;
    }

    private static Mrn format(long n) {
        return new Mrn(String.format("OP-%06d", n));
    }

    private static void requireValid(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
