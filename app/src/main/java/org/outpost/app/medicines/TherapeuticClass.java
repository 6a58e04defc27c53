package org.outpost.app.medicines;

import java.util.Objects;
import java.util.Optional;
import org.outpost.app.model.Severity;

/**
 * One therapeutic class of the medicines-by-class table, e.g. {@code statin} or {@code p2y12-inhibitor}.
 *
 * @param name      lower-case name, letters, digits and hyphens, as medicines list it
 * @param within    the wider class it belongs to ({@code p2y12-inhibitor} is within {@code antiplatelet}); a
 *                  medicine in this class is in that one too
 * @param duplicate how severe it is when an order and a medicine on the list are two different medicines of this
 *                  class; empty when two of them are not duplicate therapy (e.g. {@code antiplatelet}: aspirin
 *                  with a P2Y12 inhibitor is deliberate dual antiplatelet therapy)
 * @param label     the class in the plural, as an alert reads it after "two": "statins", "P2Y12 inhibitors"
 * @param advice    what to do about a duplicate; for a class that is not one, an optional note (may be empty)
 * @param source    the guideline, label section or WHO ATC group the class and its rule rest on
 * @param line      the line of the table file the class was read from (1-based)
 */
public record TherapeuticClass(String name, Optional<String> within, Optional<Severity> duplicate, String label,
                               String advice, String source, int line) {
    /** The reserved class whose severity is the least an order of a medicine already on the list gets. */
    public static final String SAME_DRUG = "same-drug";

    public TherapeuticClass {
        Objects.requireNonNull(name, "name");
        within = within == null ? Optional.empty() : within;
        duplicate = duplicate == null ? Optional.empty() : duplicate;
        Objects.requireNonNull(label, "label");
        advice = advice == null ? "" : advice;
        Objects.requireNonNull(source, "source");
    }

    /** Whether two different medicines of this class, one ordered and one on the list, are duplicate therapy. */
    public boolean isDuplicateClass() {
        return duplicate.isPresent();
    }
}
