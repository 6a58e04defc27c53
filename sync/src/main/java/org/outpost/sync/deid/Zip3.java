package org.outpost.sync.deid;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The first three digits of a US ZIP code, the only part of an address Safe Harbor lets leave (45 CFR
 * 164.514(b)(2)(i)(B)), or {@code 000} where that three-digit area holds 20,000 people or fewer or no ZIP code is
 * known.
 */
public record Zip3(String digits) implements Comparable<Zip3> {
    private static final Pattern THREE_DIGITS = Pattern.compile("[0-9]{3}");
    /** Suppressed: a restricted area, or no ZIP code found. */
    public static final Zip3 SUPPRESSED = new Zip3("000");

    public Zip3 {
        Objects.requireNonNull(digits, "digits");
        if (!THREE_DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("A three-digit ZIP is three digits");
        }
    }

    public boolean suppressed() {
        return equals(SUPPRESSED);
    }

    @Override
    public int compareTo(Zip3 o) {
        return digits.compareTo(o.digits);
    }

    @Override
    public String toString() {
        return digits;
    }
}
