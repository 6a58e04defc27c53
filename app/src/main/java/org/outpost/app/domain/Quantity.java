package org.outpost.app.domain;

import java.util.Objects;

/** A measured value with its unit. A bare double never crosses a module boundary. */
public record Quantity(double value, Unit unit) {
    public Quantity {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("A quantity must be a finite number");
        }
    }

    public static Quantity of(double value, Unit unit) {
        return new Quantity(value, unit);
    }

    @Override
    public String toString() {
        return Measure.format(value) + " " + unit.display();
    }
}
