package org.outpost.app.prescribing;

import java.util.List;
import org.outpost.app.text.Text;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;

/**
 * A dose so far outside any range that it cannot be meant (ten times the maximum, a mg/µg slip): refused
 * before anything is saved, with the dose-limit table's message on the amount field. No override.
 */
public final class DoseRefusedException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /** The refusal as a text of the clinical bundle (not serialised: an exception is not kept). */
    private final transient Text advice;

    /** Refused with the dose-limit check's words as a text of the clinical bundle; the violation holds its English. */
    public DoseRefusedException(Text advice) {
        super(List.of(Violation.of("amount", "order.doseRefused", advice.english())));
        this.advice = advice;
    }

    public DoseRefusedException(String message) {
        this(Text.verbatim(message));
    }

    /** Why the dose was refused, for the reader's language. */
    public Text advice() {
        return advice == null ? Text.verbatim(getViolationsMessage()) : advice;
    }

    private String getViolationsMessage() {
        return String.valueOf(violations().getFirst().args().getFirst());
    }
}
