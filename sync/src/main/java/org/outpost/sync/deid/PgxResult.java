package org.outpost.sync.deid;

import java.util.Objects;
import java.util.Optional;
import org.outpost.app.pgx.GeneResult;

/**
 * A pharmacogenomic result as the CPIC tables spell it: gene, canonical diplotype and phenotype. The only way to get
 * one is {@link #of(GeneResult)} from a <em>determinate</em> interpretation, so what a lab report wrote around the
 * result (free text) never travels; an uninterpretable result is withheld instead.
 */
public final class PgxResult {
    private final String gene;
    private final String diplotype;
    private final String phenotype;

    private PgxResult(String gene, String diplotype, String phenotype) {
        this.gene = gene;
        this.diplotype = diplotype;
        this.phenotype = phenotype;
    }

    /**
     * The releasable form of an interpretation.
     *
     * @throws IllegalArgumentException when the result is indeterminate: its text is the lab's, not the table's
     */
    public static PgxResult of(GeneResult result) {
        Objects.requireNonNull(result, "result");
        if (!result.determinate()) {
            throw new IllegalArgumentException("An indeterminate result is the lab's own text and is not released");
        }
        return new PgxResult(result.gene(), result.diplotype(), result.phenotype());
    }

    /** Upper case, e.g. {@code CYP2C19}. */
    public String gene() {
        return gene;
    }

    /** The tables' spelling, e.g. {@code *2/*17}; empty when the lab reported a phenotype or score only. */
    public Optional<String> diplotype() {
        return diplotype.isEmpty() ? Optional.empty() : Optional.of(diplotype);
    }

    /** E.g. {@code CYP2C19 poor metabolizer}. */
    public String phenotype() {
        return phenotype;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgxResult p && gene.equals(p.gene) && diplotype.equals(p.diplotype)
                && phenotype.equals(p.phenotype);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gene, diplotype, phenotype);
    }

    @Override
    public String toString() {
        return gene + " " + diplotype + " (" + phenotype + ")";
    }
}
