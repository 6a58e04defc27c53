package org.outpost.sync.deid;

import java.util.Objects;
import java.util.regex.Pattern;

/** An RxNorm concept id (RXCUI): digits only, so it can hold nothing but a code. */
public record RxNormCode(String rxcui) {
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,9}");

    public RxNormCode {
        Objects.requireNonNull(rxcui, "rxcui");
        if (!DIGITS.matcher(rxcui).matches()) {
            throw new IllegalArgumentException("An RxNorm concept id is 1 to 10 digits");
        }
    }

    /** Whether {@code text} is an RxNorm concept id. */
    public static boolean isValid(String text) {
        return text != null && DIGITS.matcher(text.strip()).matches();
    }

    @Override
    public String toString() {
        return rxcui;
    }
}
