package org.outpost.app.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.AllergyEntry;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Recorded;
import org.outpost.app.validation.Violation;

/**
 * Allergies as entered on the patient form, before validation: which of the three states the user chose and,
 * for a list, its entries. Who recorded what, and when, is added when the patient is saved ({@link #toStatus}).
 *
 * @param choice  not recorded, no known allergies, or a list
 * @param entries the list's entries (ignored unless {@code choice} is {@link Choice#LIST})
 */
public record AllergyDraft(Choice choice, List<Entry> entries) {

    /** The three states the form offers. */
    public enum Choice { NOT_RECORDED, NO_KNOWN_ALLERGIES, LIST }

    /**
     * One entry as typed.
     *
     * @param substance required
     * @param reaction  may be blank
     * @param severity  null is {@link AllergySeverity#UNKNOWN}
     */
    public record Entry(String substance, String reaction, AllergySeverity severity) {
        public Entry {
            substance = substance == null ? "" : substance.strip();
            reaction = reaction == null ? "" : reaction.strip();
            severity = severity == null ? AllergySeverity.UNKNOWN : severity;
        }
    }

    public AllergyDraft {
        Objects.requireNonNull(choice, "choice");
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** Allergies not recorded. */
    public static AllergyDraft notRecorded() {
        return new AllergyDraft(Choice.NOT_RECORDED, List.of());
    }

    /** No known allergies. */
    public static AllergyDraft noKnownAllergies() {
        return new AllergyDraft(Choice.NO_KNOWN_ALLERGIES, List.of());
    }

    /** A list of entries. */
    public static AllergyDraft list(List<Entry> entries) {
        return new AllergyDraft(Choice.LIST, entries);
    }

    /**
     * Comma- or semicolon-separated substances, as the form took them before the three states: blank is not
     * recorded (never "no known allergies"), otherwise a list with unknown reactions and severities.
     */
    public static AllergyDraft ofText(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return notRecorded();
        }
        return list(Arrays.stream(commaSeparated.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .map(s -> new Entry(s, "", AllergySeverity.UNKNOWN)).toList());
    }

    /** The draft of a saved status (for editing it). */
    public static AllergyDraft of(AllergyStatus status) {
        return switch (status) {
            case AllergyStatus.NotRecorded n -> notRecorded();
            case AllergyStatus.NoKnownAllergies n -> noKnownAllergies();
            case AllergyStatus.Listed l -> list(l.entries().stream()
                    .map(e -> new Entry(e.substance(), e.reaction(), e.severity())).toList());
        };
    }

    /** Every problem, on the field {@code allergies}. */
    public List<Violation> validate() {
        List<Violation> problems = new ArrayList<>();
        if (choice != Choice.LIST) {
            return problems;
        }
        if (entries.isEmpty()) {
            problems.add(Violation.of("allergies", "patient.allergyListEmpty"));
        }
        List<String> seen = new ArrayList<>();
        for (Entry e : entries) {
            if (e.substance().isEmpty()) {
                problems.add(Violation.of("allergies", "patient.allergySubstanceRequired"));
            } else if (e.substance().length() > AllergyEntry.MAX_TEXT || e.reaction().length() > AllergyEntry.MAX_TEXT) {
                problems.add(Violation.of("allergies", "patient.allergyTooLong", AllergyEntry.MAX_TEXT));
            } else if (seen.contains(e.substance().toLowerCase(java.util.Locale.ROOT))) {
                problems.add(Violation.of("allergies", "patient.allergyRepeated", e.substance()));
            } else {
                seen.add(e.substance().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return problems;
    }

    /**
     * The status to save: what the draft says, with who recorded it and when. What the patient already had and
     * the draft repeats unchanged (no known allergies; an entry with the same substance, reaction and severity)
     * keeps its original recorder and time; anything new or changed is recorded by {@code by} at {@code at}.
     */
    public AllergyStatus toStatus(AllergyStatus before, String by, Instant at) {
        Recorded now = new Recorded(by, at);
        return switch (choice) {
            case NOT_RECORDED -> AllergyStatus.notRecorded();
            case NO_KNOWN_ALLERGIES -> before instanceof AllergyStatus.NoKnownAllergies n ? n
                    : new AllergyStatus.NoKnownAllergies(now);
            case LIST -> new AllergyStatus.Listed(entries.stream().map(e -> {
                AllergyEntry typed = new AllergyEntry(e.substance(), e.reaction(), e.severity(), Optional.of(now));
                return before.entries().stream().filter(typed::sameAs).findFirst().orElse(typed);
            }).toList());
        };
    }
}
