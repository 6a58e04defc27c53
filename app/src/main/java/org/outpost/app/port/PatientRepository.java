package org.outpost.app.port;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.PatientQuery;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.sharing.QuasiIdentifiers;

/** Patient demographics. */
public interface PatientRepository {
    /** Adds a new patient; fails with {@link StoreException} if the MRN is taken. */
    void insert(Patient patient);

    /** Replaces the demographics of an existing patient. */
    void update(Patient patient);

    /**
     * Replaces only the patient's consent to sharing (the rest of the record, and its allergies, untouched).
     *
     * @throws StoreException when the patient does not exist
     */
    void recordConsent(PatientId patient, SharingConsent consent);

    /**
     * For the k-anonymity gate: birth date, sex and address of every patient whose consent to share is given,
     * in no particular order. Identifying data: for grouping on this machine only.
     */
    List<QuasiIdentifiers> consentedQuasiIdentifiers();

    Optional<Patient> find(PatientId id);

    Optional<Patient> findByMrn(Mrn mrn);

    /**
     * Patients matching a query, ordered by family name, given name, birth date.
     * Every name token must prefix some word of the family or the given name, or the whole name
     * (case- and accent-insensitive: "jose" finds "María José", "silva" finds "da Silva");
     * an MRN token matches by prefix; a birth date matches exactly.
     */
    List<PatientSummary> search(PatientQuery query, int limit);

    /**
     * Every patient, ordered like {@link #search}, at most {@code limit}. An empty query has no token to
     * fail, so by the contract of {@link #search} it matches everyone; stores may override this with a
     * plainer query.
     */
    default List<PatientSummary> all(int limit) {
        return search(new PatientQuery(List.of(), Optional.empty(), Optional.empty()), limit);
    }

    /** Patients born on any of these days (for the duplicate check). */
    List<Patient> bornOn(Collection<LocalDate> days);

    long count();
}
