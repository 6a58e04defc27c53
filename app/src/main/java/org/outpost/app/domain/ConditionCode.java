package org.outpost.app.domain;

import java.util.Objects;

/**
 * A coded diagnosis: the system, the code and the text it is shown by.
 *
 * @param display the term as the clinician chose it, e.g. "Atrial fibrillation"
 */
public record ConditionCode(CodeSystem system, String code, String display) {
    /** Longest display text kept; a longer one is a paste error. */
    public static final int MAX_DISPLAY = 200;

    public ConditionCode {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
        code = code.strip().toUpperCase(java.util.Locale.ROOT);
        display = display.strip();
        if (!system.isWellFormed(code)) {
            throw new IllegalArgumentException("'" + code + "' is not a " + system.label() + " code");
        }
        if (display.isEmpty() || display.length() > MAX_DISPLAY) {
            throw new IllegalArgumentException("A diagnosis needs its term, at most " + MAX_DISPLAY + " characters");
        }
    }
}
