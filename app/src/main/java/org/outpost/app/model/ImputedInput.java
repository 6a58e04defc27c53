package org.outpost.app.model;

import java.util.Objects;

/**
 * An input the model filled in itself because it was not given, in the way the model's source does (QRISK3 takes a
 * missing BMI as its derivation mean, for instance). The screen shows such a value as estimated, not from the chart.
 *
 * @param input the input's name
 * @param value the value used, typed as {@link ModelInputs} holds it: a Double for a number, a lower-case String
 *              for a choice
 * @param basis how the value was chosen, in the source's terms (e.g. "QRISK3 derivation mean for women")
 */
public record ImputedInput(String input, Object value, String basis) {
    public ImputedInput {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(basis, "basis");
        if (!(value instanceof Double || value instanceof String)) {
            throw new IllegalArgumentException("An imputed value is a number or a choice");
        }
    }
}
