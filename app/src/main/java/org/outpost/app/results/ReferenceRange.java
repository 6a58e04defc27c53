package org.outpost.app.results;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;

/**
 * The adult reference range of one measure, with its critical limits, in one unit. Any limit may be absent (HDL
 * cholesterol has no upper limit, oxygen saturation none above 100 %). A value is {@link ResultFlag#NORMAL} from
 * {@code low} to {@code high} inclusive; {@link ResultFlag#CRITICAL_LOW} strictly below {@code criticalLow} and
 * {@link ResultFlag#CRITICAL_HIGH} strictly above {@code criticalHigh}; otherwise {@link ResultFlag#LOW} or
 * {@link ResultFlag#HIGH}. Limits are ordered criticalLow ≤ low ≤ high ≤ criticalHigh where given.
 *
 * @param sex    the sex the range is for, or empty when it is the same for every patient
 * @param unit   the unit of every limit
 * @param source the published reference the limits are taken from
 */
public record ReferenceRange(Measure measure, Optional<Sex> sex, Unit unit, OptionalDouble low, OptionalDouble high,
                             OptionalDouble criticalLow, OptionalDouble criticalHigh, String source) {
    public ReferenceRange {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(criticalLow, "criticalLow");
        Objects.requireNonNull(criticalHigh, "criticalHigh");
        Objects.requireNonNull(source, "source");
        if (!measure.accepts(unit)) {
            throw new IllegalArgumentException(unit.display() + " is not a unit for " + measure);
        }
        if (low.isEmpty() && high.isEmpty()) {
            throw new IllegalArgumentException("A reference range has a low or a high limit");
        }
        if (criticalLow.isPresent() && low.isEmpty() || criticalHigh.isPresent() && high.isEmpty()) {
            throw new IllegalArgumentException("A critical limit needs the reference limit on its side");
        }
        double[] ordered = {
            criticalLow.orElse(Double.NEGATIVE_INFINITY), low.orElse(Double.NEGATIVE_INFINITY),
            high.orElse(Double.POSITIVE_INFINITY), criticalHigh.orElse(Double.POSITIVE_INFINITY)};
        if (!(ordered[0] <= ordered[1] && ordered[1] <= ordered[2] && ordered[2] <= ordered[3])) {
            throw new IllegalArgumentException("The limits must be ordered critical low <= low <= high <= critical high");
        }
    }

    /** The flag of a value given in this range's unit. */
    public ResultFlag flag(double value) {
        if (criticalLow.isPresent() && value < criticalLow.getAsDouble()) {
            return ResultFlag.CRITICAL_LOW;
        }
        if (criticalHigh.isPresent() && value > criticalHigh.getAsDouble()) {
            return ResultFlag.CRITICAL_HIGH;
        }
        if (low.isPresent() && value < low.getAsDouble()) {
            return ResultFlag.LOW;
        }
        if (high.isPresent() && value > high.getAsDouble()) {
            return ResultFlag.HIGH;
        }
        return ResultFlag.NORMAL;
    }

    /** The flag of a quantity of this range's measure, in any unit the measure accepts. */
    public ResultFlag flag(Quantity value) {
        return flag(measure.convert(value, unit).value());
    }

    /** The same range with every limit converted to {@code target} (the measure's conversions keep the order). */
    public ReferenceRange in(Unit target) {
        if (target == unit) {
            return this;
        }
        return new ReferenceRange(measure, sex, target, convert(low, target), convert(high, target),
                convert(criticalLow, target), convert(criticalHigh, target), source);
    }

    private OptionalDouble convert(OptionalDouble limit, Unit target) {
        return limit.isEmpty() ? limit
                : OptionalDouble.of(measure.convert(new Quantity(limit.getAsDouble(), unit), target).value());
    }

    /**
     * The range for a patient whose sex is neither of two sex-specific ranges' (other, unknown): from the lower of
     * the two low limits to the higher of the two high limits, and likewise for the critical limits, so a value is
     * flagged only when it is outside the range of both sexes. Both ranges must be of one measure and unit.
     */
    static ReferenceRange spanning(ReferenceRange a, ReferenceRange b) {
        if (a.measure != b.measure || a.unit != b.unit) {
            throw new IllegalArgumentException("Only ranges of one measure and unit span each other");
        }
        return new ReferenceRange(a.measure, Optional.empty(), a.unit, lower(a.low, b.low), higher(a.high, b.high),
                lower(a.criticalLow, b.criticalLow), higher(a.criticalHigh, b.criticalHigh),
                a.source.equals(b.source) ? a.source : a.source + "; " + b.source);
    }

    /** The lower of two limits; absent (no limit) when either is absent. */
    private static OptionalDouble lower(OptionalDouble a, OptionalDouble b) {
        return a.isEmpty() || b.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(a.getAsDouble(), b.getAsDouble()));
    }

    private static OptionalDouble higher(OptionalDouble a, OptionalDouble b) {
        return a.isEmpty() || b.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(Math.max(a.getAsDouble(), b.getAsDouble()));
    }
}
