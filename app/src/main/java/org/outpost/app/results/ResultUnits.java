package org.outpost.app.results;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.Unit;

/**
 * The one unit this site shows each measure in (issue 14): glucose in mg/dL or mmol/L, creatinine in mg/dL or
 * µmol/L, HbA1c in % or mmol/mol. A measure the site has not chosen a unit for is shown in its canonical unit.
 * Values are stored as entered; only their display is converted, by the measure's own factors
 * ({@link Measure#convert}). Immutable.
 *
 * @param chosen the site's choices, each a unit its measure accepts
 */
public record ResultUnits(Map<Measure, Choice> chosen) {
    /**
     * One choice and who made it.
     *
     * @param changed who chose the unit and when
     */
    public record Choice(Unit unit, Recorded changed) {
        public Choice {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(changed, "changed");
        }
    }

    public ResultUnits {
        Objects.requireNonNull(chosen, "chosen");
        EnumMap<Measure, Choice> copy = new EnumMap<>(Measure.class);
        chosen.forEach((m, c) -> {
            Objects.requireNonNull(c, "choice");
            if (!m.accepts(c.unit())) {
                throw new IllegalArgumentException(c.unit().display() + " is not a unit for " + m);
            }
            copy.put(m, c);
        });
        chosen = Collections.unmodifiableMap(copy);
    }

    /** No choices: every measure in its canonical unit. */
    public static ResultUnits defaults() {
        return new ResultUnits(Map.of());
    }

    /** The measures a site may choose a unit for: those with more than one unit. */
    public static List<Measure> choosable() {
        return Arrays.stream(Measure.values()).filter(m -> m.units().size() > 1).toList();
    }

    /** The unit the site shows {@code measure} in. */
    public Unit unit(Measure measure) {
        Choice c = chosen.get(measure);
        return c == null ? measure.canonicalUnit() : c.unit();
    }

    /** Who chose the unit of {@code measure} and when; empty while it is the default. */
    public Optional<Recorded> changed(Measure measure) {
        return Optional.ofNullable(chosen.get(measure)).map(Choice::changed);
    }

    /** The same choices with {@code measure} shown in {@code unit}. */
    public ResultUnits with(Measure measure, Unit unit, Recorded changed) {
        EnumMap<Measure, Choice> copy = new EnumMap<>(Measure.class);
        copy.putAll(chosen);
        copy.put(measure, new Choice(unit, changed));
        return new ResultUnits(copy);
    }

    /** A value of {@code measure}, in any unit it accepts, converted to the site's unit. */
    public Quantity display(Measure measure, Quantity value) {
        return measure.convert(value, unit(measure));
    }

    /**
     * Decimal places worth showing for {@code measure} in {@code unit}: the measure's own in its canonical unit;
     * otherwise as laboratories report that unit (cholesterol 2 decimals in mmol/L, glucose 1, creatinine in µmol/L
     * and HbA1c in mmol/mol none, °F, lb and in 1).
     */
    public static int decimals(Measure measure, Unit unit) {
        if (unit == measure.canonicalUnit()) {
            return measure.decimals();
        }
        return switch (unit) {
            case MMOL_PER_L -> measure == Measure.GLUCOSE ? 1 : 2;
            case UMOL_PER_L, MMOL_PER_MOL -> 0;
            default -> 1;
        };
    }
}
