package org.outpost.app.domain;

import java.util.List;
import java.util.Objects;

/**
 * What the chart knows about a patient's allergies, in one of three states that must never be confused:
 * {@link NotRecorded nobody has asked}, {@link NoKnownAllergies someone asked and there are none} (who and when),
 * and {@link Listed a list of allergies}. An empty list is not "no known allergies": it is not recorded.
 */
public sealed interface AllergyStatus {

    /** Nobody has recorded the patient's allergies: unknown, not none. */
    record NotRecorded() implements AllergyStatus {
    }

    /** The patient has no known allergies, as {@code recorded} says. */
    record NoKnownAllergies(Recorded recorded) implements AllergyStatus {
        public NoKnownAllergies {
            Objects.requireNonNull(recorded, "recorded");
        }
    }

    /** The patient's allergies, at least one. */
    record Listed(List<AllergyEntry> entries) implements AllergyStatus {
        public Listed {
            entries = List.copyOf(entries);
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("A list of allergies has at least one entry; "
                        + "use NotRecorded or NoKnownAllergies");
            }
        }
    }

    /** The not-recorded state. */
    static AllergyStatus notRecorded() {
        return new NotRecorded();
    }

    /**
     * The status of free-text allergies written before the three states existed: none is {@link NotRecorded}
     * (never silently "no known allergies"), otherwise each becomes an entry with unknown reaction and severity.
     */
    static AllergyStatus fromLegacy(List<String> substances) {
        List<AllergyEntry> entries = substances == null ? List.of()
                : substances.stream().filter(s -> s != null && !s.isBlank()).map(AllergyEntry::legacy).toList();
        return entries.isEmpty() ? new NotRecorded() : new Listed(entries);
    }

    /** The entries; empty unless {@link Listed}. */
    default List<AllergyEntry> entries() {
        return this instanceof Listed l ? l.entries() : List.of();
    }

    /** Whether allergies have been recorded (none known, or a list). */
    default boolean isRecorded() {
        return !(this instanceof NotRecorded);
    }
}
