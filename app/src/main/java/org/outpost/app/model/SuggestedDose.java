package org.outpost.app.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A dose a model suggests, in the terms an order uses: {@code 5 mg twice daily}.
 *
 * @param amount    per administration, in {@code unit}
 * @param unit      e.g. "mg"
 * @param frequency as written on an order, e.g. "twice daily", "once daily"
 */
public record SuggestedDose(double amount, String unit, String frequency) {
    public SuggestedDose {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(frequency, "frequency");
        if (!Double.isFinite(amount) || amount <= 0) {
            throw new IllegalArgumentException("A suggested dose is a positive amount");
        }
    }

    /** The amount as a prescriber writes it: 5, 2.5, 0.75 — no trailing zeros. */
    public String amountText() {
        return amount == Math.rint(amount) ? Long.toString((long) amount)
                : String.format(Locale.ROOT, "%.3f", amount).replaceAll("0+$", "");
    }

    @Override
    public String toString() {
        return amountText() + " " + unit + (frequency.isEmpty() ? "" : " " + frequency);
    }
}
