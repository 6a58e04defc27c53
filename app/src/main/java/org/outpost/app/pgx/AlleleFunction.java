package org.outpost.app.pgx;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One row of a CPIC allele functionality table.
 *
 * @param gene      upper case, e.g. CYP2D6
 * @param allele    the spelling shown, e.g. {@code *3A} or {@code c.1905+1G>A}
 * @param function  CPIC's clinical function, lower case, e.g. "no function", "uncertain function"
 * @param activity  the activity value for genes scored by activity score; empty for "n/a" (uncertain
 *                  function) and for genes phenotyped from the pair of functions
 * @param aliases   other spellings a lab may report (e.g. {@code *2A}, an rs number)
 */
public record AlleleFunction(String gene, String allele, String function, OptionalDouble activity, List<String> aliases) {
    public AlleleFunction {
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(allele, "allele");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(activity, "activity");
        aliases = List.copyOf(aliases);
    }
}
