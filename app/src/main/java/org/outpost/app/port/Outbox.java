package org.outpost.app.port;

import java.util.List;
import java.util.Optional;
import org.outpost.app.domain.PatientId;
import org.outpost.app.sharing.OutboxCounts;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.sharing.SentSummary;

/**
 * Patients whose de-identified summary must be (re)sent, one coalesced entry per patient, kept in the local store
 * and written in the same transaction as the change that causes it, so a change is never committed without its
 * entry nor an entry without its change. The store's own writes (patient demographics and consent, observations,
 * medications, genotypes, orders and reviews, decisions on model results) call {@link #changed} themselves; a
 * summary changed twice before a sync run is sent once, in its latest state. Only patients whose consent is given
 * have entries: a change to anyone else's record leaves no trace here, and no consent means nothing leaves.
 *
 * <p>The sync run reads {@link #pending}, builds and sends each summary, then reports each entry back with
 * exactly one of {@link #confirmed}, {@link #heldBack} or {@link #failed}, in a write.
 */
public interface Outbox {
    /**
     * The patient's summary has changed: if their consent is given, their entry is created or its generation
     * raised; if it is not, any entry is dropped. Idempotent within one transaction.
     */
    void changed(PatientId patient);

    /**
     * Every summary has changed (the site's genotype sharing or the site secret, and with it every pseudonym,
     * changed): an entry for each patient whose consent is given. Returns how many entries were created or raised.
     */
    int changedAll();

    /**
     * At most {@code limit} entries of patients whose consent is given, those not held back first, each group
     * oldest first (by {@link OutboxEntry#firstChangedAt()}).
     */
    List<OutboxEntry> pending(int limit);

    /** The patient's entry, if their summary is waiting (held back or not). */
    Optional<OutboxEntry> find(PatientId patient);

    /**
     * The server has confirmed {@code sent}, built for {@code entry}: keeps it as what was last sent for the
     * patient, and removes the entry if its generation is still {@code entry}'s. Returns whether it was removed;
     * false means the summary changed after it was read and stays pending (its new state goes next time).
     *
     * @throws IllegalArgumentException when {@code sent} is not for {@code entry}'s patient and generation
     */
    boolean confirmed(OutboxEntry entry, SentSummary sent);

    /**
     * A check before sending (the k-anonymity gate) held the entry back, for {@code reason} (shown to the user;
     * no patient data). The entry stays pending with the reason until a later run sends it.
     */
    void heldBack(OutboxEntry entry, String reason);

    /**
     * Sending failed with {@code error} (no patient data): the entry stays pending, its attempt count raised and
     * the error kept for the indicator.
     */
    void failed(OutboxEntry entry, String error);

    /** Drops the patient's entry (consent withdrawn); returns how many were dropped (0 or 1). */
    int drop(PatientId patient);

    /** The outbox in numbers, for the sync indicator. */
    OutboxCounts counts();

    /** What was last sent for the patient (the exact bundle, and when), if anything ever was. */
    Optional<SentSummary> lastSent(PatientId patient);
}
