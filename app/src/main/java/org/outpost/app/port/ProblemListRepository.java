package org.outpost.app.port;

import java.util.Optional;
import java.util.UUID;
import org.outpost.app.domain.Condition;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.ProblemList;
import org.outpost.app.domain.Recorded;

/** The problem list: coded conditions, and who last reviewed the list as complete. */
public interface ProblemListRepository {
    void insert(Condition condition);

    /** One entry, if it exists. */
    Optional<Condition> find(UUID id);

    /**
     * Replaces an entry's status, end date and who changed it (the code and onset stay as recorded).
     *
     * @throws StoreException when there is no such entry
     */
    void update(Condition changed);

    /** The patient's list, with its last review. */
    ProblemList forPatient(PatientId patient);

    /** Records that {@code by} reviewed the patient's list as complete (replacing an earlier review). */
    void markReviewed(PatientId patient, Recorded by);
}
