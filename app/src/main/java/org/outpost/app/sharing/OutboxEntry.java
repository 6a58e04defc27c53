package org.outpost.app.sharing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.PatientId;

/**
 * One patient whose summary has changed since it was last sent (one coalesced entry per patient). The
 * {@code generation} is what makes "sent" safe: it grows with every change, and
 * {@link org.outpost.app.port.Outbox#confirmed} removes the entry only while it is still the generation that was
 * read, so a change made while a summary was on its way stays pending and is sent next time.
 *
 * @param patient        whose summary
 * @param generation     the change counter at the last change (unique across the database, only grows)
 * @param firstChangedAt when the entry was created: the queue is served oldest first by this
 * @param changedAt      the last change
 * @param attempts       failed sending attempts since the entry was created
 * @param lastAttemptAt  when sending last failed
 * @param heldBack       why the k-anonymity gate (or another check) held it back at the last run, if it did
 * @param lastError      why sending last failed (no patient data), if it did
 */
public record OutboxEntry(PatientId patient, long generation, Instant firstChangedAt, Instant changedAt, int attempts,
                          Optional<Instant> lastAttemptAt, Optional<String> heldBack, Optional<String> lastError) {
    public OutboxEntry {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(firstChangedAt, "firstChangedAt");
        Objects.requireNonNull(changedAt, "changedAt");
        lastAttemptAt = lastAttemptAt == null ? Optional.empty() : lastAttemptAt;
        heldBack = heldBack == null ? Optional.empty() : heldBack;
        lastError = lastError == null ? Optional.empty() : lastError;
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts < 0");
        }
    }

    /** Whether the last run held this entry back. */
    public boolean isHeldBack() {
        return heldBack.isPresent();
    }
}
