package org.outpost.app.prescribing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;

/**
 * A medication order as the prescriber fills it in, before the check: the generic drug name (lower case),
 * the amount per administration, its unit, how often and by which route, and the indication when the
 * drug's advice depends on it (clopidogrel: {@code acs-pci}, {@code cardiovascular-other},
 * {@code neurovascular}; blank when not stated).
 */
public record OrderDraft(String drug, double amount, String unit, String frequency, String route, String indication) {
    /** Units an order may use. */
    public static final Set<String> UNITS = Set.of("mg", "mcg", "g", "units", "mL");
    /** Frequencies an order may use, as written on an order and as models suggest them. */
    public static final List<String> FREQUENCIES = List.of("once daily", "twice daily", "three times daily",
            "four times daily", "every 8 hours", "every 12 hours", "once weekly", "as needed");

    public OrderDraft {
        drug = drug == null ? "" : drug.strip().toLowerCase(Locale.ROOT);
        unit = unit == null ? "" : unit.strip();
        frequency = frequency == null ? "" : frequency.strip().toLowerCase(Locale.ROOT);
        route = route == null || route.isBlank() ? "oral" : route.strip().toLowerCase(Locale.ROOT);
        indication = indication == null ? "" : indication.strip().toLowerCase(Locale.ROOT);
    }

    /** An order whose indication is not stated. */
    public OrderDraft(String drug, double amount, String unit, String frequency, String route) {
        this(drug, amount, unit, frequency, route, "");
    }

    /** The same order for a stated indication (a key of the drug's CPIC table; blank for not stated). */
    public OrderDraft withIndication(String key) {
        return new OrderDraft(drug, amount, unit, frequency, route, key);
    }

    /** Every problem with the draft, field by field; empty when it can be checked and saved. */
    public List<Violation> violations() {
        List<Violation> v = new ArrayList<>();
        if (drug.isEmpty()) {
            v.add(Violation.of("drug", "order.drugMissing"));
        } else if (drug.length() > 200) {
            v.add(Violation.of("drug", "order.drugTooLong", 200));
        }
        v.addAll(doseViolations(amount, unit, frequency));
        if (indication.length() > 40 || !indication.matches("[a-z0-9-]*")) {
            v.add(Violation.of("indication", "order.indicationUnknown"));
        }
        return v;
    }

    /** Every problem with a dose on its own (a pharmacist's change), field by field. */
    public static List<Violation> doseViolations(double amount, String unit, String frequency) {
        List<Violation> v = new ArrayList<>();
        if (!Double.isFinite(amount) || amount <= 0) {
            v.add(Violation.of("amount", "order.amountNotPositive"));
        } else if (amount > 100_000) {
            v.add(Violation.of("amount", "order.amountImpossible", 100_000));
        }
        String u = unit == null ? "" : unit.strip();
        if (!UNITS.contains(u)) {
            v.add(Violation.of("unit", "order.unitUnknown", u, String.join(", ", UNITS.stream().sorted().toList())));
        }
        String f = frequency == null ? "" : frequency.strip().toLowerCase(Locale.ROOT);
        if (!FREQUENCIES.contains(f)) {
            v.add(Violation.of("frequency", "order.frequencyUnknown", f, String.join(", ", FREQUENCIES)));
        }
        return v;
    }

    /** Throws a {@link ValidationException} listing every problem. */
    public OrderDraft validated() {
        List<Violation> v = violations();
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        return this;
    }

    /** The amount without trailing zeros: 75, 2.5. */
    public String amountText() {
        return Double.isFinite(amount) && amount > 0 ? dose().amountText() : Double.toString(amount);
    }

    /** The dose as a prescriber writes it, e.g. "75 mg once daily". */
    public SuggestedDose dose() {
        return new SuggestedDose(amount, unit, frequency);
    }

    /** The same order with another dose (the suggested one, or the pharmacist's change). */
    public OrderDraft withDose(SuggestedDose dose) {
        return new OrderDraft(drug, dose.amount(), dose.unit(), dose.frequency(), route, indication);
    }

    /**
     * Whether this order gives the suggested dose: same unit and frequency, amount within 1 % (a tablet's
     * rounding); "daily" and "once daily" are the same.
     */
    public boolean gives(SuggestedDose suggested) {
        return unit.equalsIgnoreCase(suggested.unit())
                && sameFrequency(frequency, suggested.frequency())
                && Math.abs(amount - suggested.amount()) <= 0.01 * suggested.amount();
    }

    private static boolean sameFrequency(String a, String b) {
        return canonicalFrequency(a).equals(canonicalFrequency(b));
    }

    /**
     * The frequency as an order writes it: "once daily with the evening meal" is "once daily", "bid" is
     * "twice daily"; others unchanged.
     */
    public static String canonicalFrequency(String f) {
        String s = f.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "daily", "once a day", "every 24 hours", "once daily with the evening meal" -> "once daily";
            case "every 12 hours", "twice a day", "bid" -> "twice daily";
            default -> s.startsWith("once daily") ? "once daily" : s;
        };
    }
}
