package org.outpost.app.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Medical record number as the clinic issues it: 3–20 letters, digits or dashes, stored upper case.
 * It identifies a patient, so it never goes into a log line or an exception message.
 */
public record Mrn(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9-]{3,20}");

    public Mrn {
        value = normalise(value);
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("An MRN has 3 to 20 letters, digits or dashes");
        }
    }

    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(normalise(text)).matches();
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
