package org.outpost.app.interactions;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Converts a dose written in g, mg or micrograms to milligrams; other units (mL, tablets, units) are not masses. */
final class MassUnits {
    private static final Map<String, Double> MG_PER_UNIT = Map.ofEntries(
            Map.entry("g", 1000.0), Map.entry("gm", 1000.0), Map.entry("gram", 1000.0),
            Map.entry("mg", 1.0), Map.entry("milligram", 1.0),
            Map.entry("mcg", 0.001), Map.entry("ug", 0.001), Map.entry("\u00b5g", 0.001),
            Map.entry("\u03bcg", 0.001), Map.entry("microgram", 0.001));

    private MassUnits() {
    }

    /** Whether {@code unit} is one of the mass units this class converts. */
    static boolean isMass(String unit) {
        return unit != null && MG_PER_UNIT.containsKey(key(unit));
    }

    /** {@code amount unit} in milligrams; empty for a unit that is not a mass or an amount that is not positive. */
    static OptionalDouble milligrams(double amount, String unit) {
        if (unit == null || !Double.isFinite(amount) || amount <= 0) {
            return OptionalDouble.empty();
        }
        Double factor = MG_PER_UNIT.get(key(unit));
        return factor == null ? OptionalDouble.empty() : OptionalDouble.of(amount * factor);
    }

    private static String key(String unit) {
        String u = unit.strip().toLowerCase(Locale.ROOT);
        if (u.endsWith(".")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.endsWith("grams") ? u.substring(0, u.length() - 1) : u;
    }
}
