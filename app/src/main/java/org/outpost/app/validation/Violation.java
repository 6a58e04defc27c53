package org.outpost.app.validation;

import java.util.List;

/**
 * One thing wrong with user input, tied to the field it belongs to.
 *
 * @param field a stable field key (e.g. a {@link org.outpost.app.domain.Measure} name or "familyName")
 * @param key   the message key in {@code org/outpost/app/messages.properties}
 * @param args  the message arguments
 */
public record Violation(String field, String key, List<Object> args) {
    public Violation {
        args = List.copyOf(args);
    }

    public static Violation of(String field, String key, Object... args) {
        return new Violation(field, key, List.of(args));
    }
}
