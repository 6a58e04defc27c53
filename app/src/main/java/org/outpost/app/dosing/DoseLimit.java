package org.outpost.app.dosing;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One row of the dose-limit table: the usual and the maximum doses of one drug by one route, as its label (or a
 * guideline) gives them. Amounts are in {@link #unit()}, and per kg of body weight or per m² of body surface area
 * when the {@link #basis()} says so; a daily amount is the total of one day.
 *
 * @param drug        lower-case generic name, e.g. "clopidogrel"
 * @param route       lower-case route, as an order writes it, e.g. "oral", "intravenous", "subcutaneous"
 * @param basis       whether the amounts are absolute, per kg or per m²
 * @param unit        mg, mcg, g or units
 * @param usualSingle the usual amount of one administration
 * @param usualDaily  the usual total of one day
 * @param maxSingle   the maximum amount of one administration; never below the usual single range
 * @param maxDaily    the maximum total of one day; never below the usual daily range or the maximum single dose
 * @param maxWeekly   the maximum total of one week, for drugs whose label gives one; empty otherwise
 * @param comment     how the numbers were read from the source: what the label says where it gives no maximum,
 *                    loading doses, formulations; may be empty
 * @param source      label name and section, or guideline with year
 * @param line        the line of the table file the row was read from (1-based)
 */
public record DoseLimit(String drug, String route, Basis basis, String unit, Range usualSingle, Range usualDaily,
                        double maxSingle, double maxDaily, OptionalDouble maxWeekly, String comment, String source,
                        int line) {

    /** The units a row may be written in. */
    public static final Set<String> UNITS = Set.of("mg", "mcg", "g", "units");

    /** What the amounts of a row are relative to. */
    public enum Basis {
        /** A fixed amount, whatever the size of the patient. */
        ABSOLUTE("absolute", ""),
        /** Per kilogram of body weight, e.g. azathioprine, enoxaparin. */
        PER_KG("per-kg", "/kg"),
        /** Per square metre of body surface area, e.g. fluorouracil, capecitabine. */
        PER_M2("per-m2", "/m\u00b2");

        private final String code;
        private final String suffix;

        Basis(String code, String suffix) {
            this.code = code;
            this.suffix = suffix;
        }

        /** As written in the table file: {@code absolute}, {@code per-kg} or {@code per-m2}. */
        public String code() {
            return code;
        }

        /** What follows the unit when an amount is written, e.g. "/kg"; empty for absolute amounts. */
        public String suffix() {
            return suffix;
        }

        /** The basis written as {@code code} in a table file, if any. */
        public static Optional<Basis> ofCode(String code) {
            for (Basis b : values()) {
                if (b.code.equals(code)) {
                    return Optional.of(b);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A closed range of amounts, {@code low ≤ amount ≤ high}; {@code low == high} for a single dose such as
     * clopidogrel's 75 mg.
     */
    public record Range(double low, double high) {
        public Range {
            if (!Double.isFinite(low) || !Double.isFinite(high) || low <= 0 || low > high) {
                throw new IllegalArgumentException("A dose range needs 0 < low <= high, finite");
            }
        }

        /** As a prescriber reads it: "75 mg", "5 to 40 mg", "1.5 to 2.5 mg/kg". */
        public String text(String unit) {
            return (low == high ? Amounts.text(low) : Amounts.text(low) + " to " + Amounts.text(high)) + " " + unit;
        }
    }

    public DoseLimit {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(usualSingle, "usualSingle");
        Objects.requireNonNull(usualDaily, "usualDaily");
        maxWeekly = maxWeekly == null ? OptionalDouble.empty() : maxWeekly;
        comment = comment == null ? "" : comment.strip();
        Objects.requireNonNull(source, "source");
        if (!UNITS.contains(unit)) {
            throw new IllegalArgumentException("A dose limit is in mg, mcg, g or units");
        }
        if (!(maxSingle >= usualSingle.high()) || !(maxDaily >= usualDaily.high()) || !(maxDaily >= maxSingle)
                || !Double.isFinite(maxDaily)) {
            throw new IllegalArgumentException(
                    "A maximum dose is finite and not below the usual range, and the daily not below the single");
        }
        if (maxWeekly.isPresent() && !(maxWeekly.getAsDouble() >= maxSingle && Double.isFinite(maxWeekly.getAsDouble()))) {
            throw new IllegalArgumentException("A weekly maximum is not below the maximum single dose");
        }
    }

    /** The unit the row's amounts are written in, with its basis: "mg", "mg/kg", "mg/m²". */
    public String doseUnit() {
        return unit + basis.suffix();
    }

    /** Whether the drug is dosed in units (insulin, heparin) rather than by mass. */
    public boolean dosedInUnits() {
        return unit.equals("units");
    }
}
