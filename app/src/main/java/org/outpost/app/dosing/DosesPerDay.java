package org.outpost.app.dosing;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How many administrations a day an order's frequency means: once daily 1, twice daily 2, every 8 hours 3, once
 * weekly 1/7. "As needed" has no daily count, and neither has a frequency not listed here.
 */
final class DosesPerDay {
    private static final double WEEKLY = 1.0 / 7;
    private static final Map<String, Double> PER_DAY = Map.ofEntries(
            Map.entry("once daily", 1.0), Map.entry("daily", 1.0), Map.entry("once a day", 1.0),
            Map.entry("every 24 hours", 1.0),
            Map.entry("twice daily", 2.0), Map.entry("twice a day", 2.0), Map.entry("bid", 2.0),
            Map.entry("every 12 hours", 2.0),
            Map.entry("three times daily", 3.0), Map.entry("three times a day", 3.0), Map.entry("tid", 3.0),
            Map.entry("every 8 hours", 3.0),
            Map.entry("four times daily", 4.0), Map.entry("four times a day", 4.0), Map.entry("qid", 4.0),
            Map.entry("every 6 hours", 4.0),
            Map.entry("every 4 hours", 6.0),
            Map.entry("once weekly", WEEKLY), Map.entry("weekly", WEEKLY), Map.entry("once a week", WEEKLY));

    private DosesPerDay() {
    }

    /** The frequency as the table reads it: stripped, lower case. */
    static String normalise(String frequency) {
        return frequency == null ? "" : frequency.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the order is taken only when needed, so its daily total is unknown. */
    static boolean asNeeded(String frequency) {
        String f = normalise(frequency);
        return f.contains("as needed") || f.equals("prn") || f.contains("when required");
    }

    /** Administrations per day; empty for "as needed" and for a frequency the table does not know. */
    static OptionalDouble of(String frequency) {
        String f = normalise(frequency);
        if (asNeeded(f)) {
            return OptionalDouble.empty();
        }
        Double n = PER_DAY.get(f);
        if (n == null && f.startsWith("once daily")) {
            n = 1.0; // "once daily with the evening meal"
        }
        return n == null ? OptionalDouble.empty() : OptionalDouble.of(n);
    }

    /** Whether the frequency is once a week. */
    static boolean weekly(String frequency) {
        OptionalDouble n = of(frequency);
        return n.isPresent() && Double.compare(n.getAsDouble(), WEEKLY) == 0; // the table's own constant, exactly
    }
}
