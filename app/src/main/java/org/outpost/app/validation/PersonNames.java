package org.outpost.app.validation;

import java.util.Optional;

/**
 * What a person's family or given name, as typed, must be: not blank, at most {@link #MAX_LENGTH} characters, and
 * with at least one letter of any script ({@link Character#isLetter(int)}: "Łukasz", "O'Brien", "Nguyễn", "José
 * María", "李" are names; "12345, !!" is not). Apostrophes, hyphens, spaces and dots stay allowed beside the
 * letters; digits are not refused outright (a name with a generational "3rd" exists), only a name with no letter.
 */
public final class PersonNames {
    /** The longest name accepted, in characters. */
    public static final int MAX_LENGTH = 100;

    private PersonNames() {
    }

    /**
     * The problem with {@code name}, if any.
     *
     * @param field       the field the message belongs to ("familyName", "givenName")
     * @param requiredKey the message when it is blank ("patient.familyNameRequired")
     */
    public static Optional<Violation> check(String field, String name, String requiredKey) {
        if (name == null || name.isBlank()) {
            return Optional.of(Violation.of(field, requiredKey));
        }
        String n = name.strip();
        if (n.length() > MAX_LENGTH) {
            return Optional.of(Violation.of(field, "patient.nameTooLong", MAX_LENGTH));
        }
        if (!hasLetter(n)) {
            return Optional.of(Violation.of(field, "patient.nameNeedsLetter"));
        }
        return Optional.empty();
    }

    /** True when {@code s} has at least one letter, in any script. */
    public static boolean hasLetter(String s) {
        return s != null && s.codePoints().anyMatch(Character::isLetter);
    }
}
