package org.outpost.app.monitoring;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.outpost.app.domain.PatientId;

/**
 * A stored suggestion that a series departed from the patient's baseline, and the clinician's decision on it.
 *
 * @param raised   when Outpost raised it
 * @param decision the clinician's decision, once made
 */
public record MonitoringFlag(UUID id, PatientId patient, Deviation deviation, Instant raised,
                             Optional<Decision> decision) {
    public MonitoringFlag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(deviation, "deviation");
        Objects.requireNonNull(raised, "raised");
        Objects.requireNonNull(decision, "decision");
    }

    /** Whether no one has decided on it yet. */
    public boolean open() {
        return decision.isEmpty();
    }

    public Measure measure() {
        return deviation.measure();
    }

    /** The same flag with its deviation replaced (an open episode that went on longer). */
    public MonitoringFlag withDeviation(Deviation d) {
        return new MonitoringFlag(id, patient, d, raised, decision);
    }

    /** The same flag, decided. */
    public MonitoringFlag decided(Decision d) {
        return new MonitoringFlag(id, patient, deviation, raised, Optional.of(d));
    }

    /** A clinician's decision on a flag. */
    public record Decision(Outcome outcome, String by, Instant at, Optional<String> note) {
        /** The longest note kept. */
        public static final int MAX_NOTE = 500;

        public Decision {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(note, "note");
            note = note.map(String::strip).filter(s -> !s.isEmpty());
            if (note.isPresent() && note.get().length() > MAX_NOTE) {
                throw new IllegalArgumentException("A note is at most " + MAX_NOTE + " characters");
            }
        }
    }

    /** Confirmed (a real change worth acting on) or dismissed (not meaningful). */
    public enum Outcome { CONFIRMED, DISMISSED }
}
