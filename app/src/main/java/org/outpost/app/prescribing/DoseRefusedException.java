package org.outpost.app.prescribing;

import java.util.List;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;

/**
 * A dose so far outside any range that it cannot be meant (ten times the maximum, a mg/µg slip): refused
 * before anything is saved, with the dose-limit table's message on the amount field. No override.
 */
public final class DoseRefusedException extends ValidationException {
    public DoseRefusedException(String message) {
        super(List.of(Violation.of("amount", "order.doseRefused", message)));
    }
}
