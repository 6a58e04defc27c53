package org.outpost.app.dosing;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The units an order may be written in, and conversion between the mass units. */
final class DoseUnits {
    /** Micrograms in one of each mass unit. */
    private static final Map<String, Double> MICROGRAMS = Map.of("mcg", 1.0, "mg", 1_000.0, "g", 1_000_000.0);
    /** Other spellings of the order units, to the table's spelling. */
    private static final Map<String, String> ALIASES = Map.of("\u00b5g", "mcg", "\u03bcg", "mcg", "ug", "mcg",
            "ml", "mL", "unit", "units", "iu", "units");

    private DoseUnits() {
    }

    /** The unit as the table writes it (mg, mcg, g, units, mL), or the unit itself lower-cased if unknown. */
    static String normalise(String unit) {
        String u = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(u, u);
    }

    static boolean isMass(String unit) {
        return MICROGRAMS.containsKey(unit);
    }

    /** {@code amount} in {@code from}, in {@code to}; both mass units (mcg, mg, g). */
    static double convert(double amount, String from, String to) {
        return amount * MICROGRAMS.get(from) / MICROGRAMS.get(to);
    }

    /** The next smaller mass unit: what a prescriber typing {@code unit} by mistake may have meant. */
    static Optional<String> smaller(String unit) {
        return switch (unit) {
            case "g" -> Optional.of("mg");
            case "mg" -> Optional.of("mcg");
            default -> Optional.empty();
        };
    }

    /** The next larger mass unit. */
    static Optional<String> larger(String unit) {
        return switch (unit) {
            case "mcg" -> Optional.of("mg");
            case "mg" -> Optional.of("g");
            default -> Optional.empty();
        };
    }
}
