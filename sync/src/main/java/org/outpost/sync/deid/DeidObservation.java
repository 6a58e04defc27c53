package org.outpost.sync.deid;

import java.math.BigDecimal;
import java.time.Year;
import java.util.Objects;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Unit;

/**
 * One vital sign or lab result as it may leave: the measure (so the LOINC code), the value in the UCUM unit it was
 * recorded in, and the year only.
 */
public record DeidObservation(ResourceKey key, Measure measure, BigDecimal value, Unit unit, Year year) {
    public DeidObservation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(year, "year");
        if (!measure.accepts(unit)) {
            throw new IllegalArgumentException(unit.ucum() + " is not a unit of " + measure);
        }
    }

    /** The LOINC code. */
    public String loinc() {
        return measure.loinc();
    }
}
