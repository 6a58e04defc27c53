package org.outpost.app.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One allergy or intolerance on the patient's list.
 *
 * @param substance what the patient reacts to as the clinic writes it: a medicine ("amoxicillin"), a class
 *                  ("penicillin", "sulfa"), or anything else ("latex")
 * @param reaction  what happened ("hives", "anaphylaxis"); empty when not recorded
 * @param severity  how severe it was; {@link AllergySeverity#UNKNOWN} when not recorded
 * @param recorded  who recorded the entry and when; empty for entries written before this was kept
 */
public record AllergyEntry(String substance, String reaction, AllergySeverity severity, Optional<Recorded> recorded) {
    /** Longest substance or reaction text the store keeps. */
    public static final int MAX_TEXT = 500;

    public AllergyEntry {
        Objects.requireNonNull(substance, "substance");
        substance = substance.strip();
        if (substance.isEmpty()) {
            throw new IllegalArgumentException("An allergy names its substance");
        }
        reaction = reaction == null ? "" : reaction.strip();
        severity = severity == null ? AllergySeverity.UNKNOWN : severity;
        recorded = recorded == null ? Optional.empty() : recorded;
    }

    /** An entry carried over from free text: reaction and severity unknown, recorder unknown. */
    public static AllergyEntry legacy(String substance) {
        return new AllergyEntry(substance, "", AllergySeverity.UNKNOWN, Optional.empty());
    }

    /** Whether this and {@code other} say the same thing (substance, case aside; reaction; severity), whoever recorded them. */
    public boolean sameAs(AllergyEntry other) {
        return substance.equalsIgnoreCase(other.substance) && reaction.equals(other.reaction)
                && severity == other.severity;
    }
}
