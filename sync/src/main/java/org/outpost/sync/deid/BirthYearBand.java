package org.outpost.sync.deid;

import java.time.Year;
import java.util.Objects;

/**
 * The birth-year quasi-identifier the k-anonymity check groups by: five calendar years starting at a multiple of
 * five ({@code 1950-1954}), or one band for everyone aged 90 or older, who carry no birth year. Five-year bands are
 * the grouping of most published age tables (e.g. the Census Bureau's five-year age groups), coarse enough that a
 * small clinic's groups fill, fine enough to keep age useful.
 *
 * @param label {@code 1950-1954} or {@code 90 or older}
 */
public record BirthYearBand(String label) implements Comparable<BirthYearBand> {
    /** Band width in years. */
    public static final int WIDTH = 5;
    public static final BirthYearBand NINETY_OR_OLDER = new BirthYearBand("90 or older");

    public BirthYearBand {
        Objects.requireNonNull(label, "label");
    }

    /** The band holding {@code year}. */
    public static BirthYearBand of(Year year) {
        int first = Math.floorDiv(year.getValue(), WIDTH) * WIDTH;
        return new BirthYearBand(first + "-" + (first + WIDTH - 1));
    }

    @Override
    public int compareTo(BirthYearBand o) {
        return label.compareTo(o.label);
    }

    @Override
    public String toString() {
        return label;
    }
}
