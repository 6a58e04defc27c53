package org.outpost.app.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Unit;

/**
 * Checks entered measurements before anything is saved: the unit must belong to the measure, the value
 * must be possible for a human and plausible (see {@link Measure} for the ranges), and a diastolic
 * pressure must be below the systolic one taken with it.
 */
public final class MeasurementRules {

    private MeasurementRules() {
    }

    /** A number parsed from what the user typed, or why it is not one. */
    public record Parsed(OptionalDouble value, Optional<Violation> problem) { }

    /** Parses the text a user typed ("120", "5,5") into a number, or explains why not. */
    public static Parsed parse(Measure measure, String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        if (t.isEmpty()) {
            return new Parsed(OptionalDouble.empty(), Optional.of(Violation.of(measure.name(), "measure.empty")));
        }
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && !t.matches(".*[a-zA-Z].*")) {
                return new Parsed(OptionalDouble.of(v), Optional.empty());
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        return new Parsed(OptionalDouble.empty(),
                Optional.of(Violation.of(measure.name(), "measure.notANumber", text.strip())));
    }

    /** Checks one value. */
    public static Optional<Violation> check(Measure measure, Quantity value) {
        if (!measure.accepts(value.unit())) {
            return Optional.of(Violation.of(measure.name(), "measure.wrongUnit", value.unit().display()));
        }
        double c = measure.toCanonical(value).value();
        Unit u = value.unit();
        if (c < measure.possibleMin() || c > measure.possibleMax()) {
            return Optional.of(Violation.of(measure.name(), "measure.impossible",
                    Measure.format(value.value()), u.display(),
                    bound(measure, measure.possibleMin(), u), bound(measure, measure.possibleMax(), u)));
        }
        if (c < measure.plausibleMin() || c > measure.plausibleMax()) {
            return Optional.of(Violation.of(measure.name(), "measure.implausible",
                    Measure.format(value.value()), u.display(),
                    bound(measure, measure.plausibleMin(), u), bound(measure, measure.plausibleMax(), u)));
        }
        return Optional.empty();
    }

    /** Checks a set of values taken together (one recording). */
    public static List<Violation> check(Map<Measure, Quantity> values) {
        List<Violation> problems = new ArrayList<>();
        values.forEach((m, q) -> check(m, q).ifPresent(problems::add));
        Quantity sys = values.get(Measure.SYSTOLIC_BP);
        Quantity dia = values.get(Measure.DIASTOLIC_BP);
        if (sys != null && dia != null && problems.isEmpty()
                && Measure.DIASTOLIC_BP.toCanonical(dia).value() >= Measure.SYSTOLIC_BP.toCanonical(sys).value()) {
            problems.add(Violation.of(Measure.DIASTOLIC_BP.name(), "measure.diastolicNotBelowSystolic",
                    Measure.format(dia.value()), Measure.format(sys.value())));
        }
        if ((sys == null) != (dia == null)) {
            Measure missing = sys == null ? Measure.SYSTOLIC_BP : Measure.DIASTOLIC_BP;
            problems.add(Violation.of(missing.name(), "measure.bloodPressurePair"));
        }
        return problems;
    }

    private static String bound(Measure m, double canonical, Unit unit) {
        return Measure.format(m.convert(new Quantity(canonical, m.canonicalUnit()), unit).value());
    }
}
