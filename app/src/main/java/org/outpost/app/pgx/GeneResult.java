package org.outpost.app.pgx;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.outpost.app.model.Contribution;

/**
 * What one gene's lab result means under the CPIC tables in force: the phenotype, or why none can be given.
 *
 * @param gene           upper case, e.g. CYP2C19
 * @param reported       the result as given (a model's text inputs arrive in lower case)
 * @param determinate    false when the result cannot be translated — an allele not in the CPIC table, an
 *                       allele of uncertain function, an unreadable diplotype, a copy number that matters
 *                       but is not given; such a result is never guessed
 * @param diplotype      the canonical spelling from the tables, e.g. {@code *2/*17}, {@code -1639G/A}; the
 *                       reported text when indeterminate; empty when the lab reported a phenotype or an
 *                       activity score instead of a diplotype
 * @param phenotype      e.g. "CYP2C19 poor metabolizer"; "indeterminate" when not determinate
 * @param activityScore  the sum of the two allele activity values, for genes phenotyped by activity score
 * @param scoreIsMinimum true when a duplication without a copy number ({@code *1xN}) makes the score a
 *                       lower bound (the phenotype is the same for every possible copy number)
 * @param contributions  each allele's activity value (× copies), unit "activity score" (one contribution when
 *                       the score itself was reported); empty for genes phenotyped from allele functions and
 *                       for a reported phenotype
 * @param problem        why the result is indeterminate; empty when determinate
 */
public record GeneResult(String gene, String reported, boolean determinate, String diplotype, String phenotype,
                         OptionalDouble activityScore, boolean scoreIsMinimum, List<Contribution> contributions,
                         String problem) {
    public static final String INDETERMINATE = "indeterminate";

    public GeneResult {
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(diplotype, "diplotype");
        Objects.requireNonNull(phenotype, "phenotype");
        Objects.requireNonNull(activityScore, "activityScore");
        contributions = List.copyOf(contributions);
        problem = problem == null ? "" : problem;
        if (determinate != problem.isEmpty()) {
            throw new IllegalArgumentException("An indeterminate result says why; a determinate one has no problem");
        }
    }

    static GeneResult indeterminate(String gene, String reported, String problem) {
        return new GeneResult(gene, reported, false, reported, INDETERMINATE, OptionalDouble.empty(), false, List.of(),
                problem);
    }
}
