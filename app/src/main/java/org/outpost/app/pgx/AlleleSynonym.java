package org.outpost.app.pgx;

import java.util.Objects;

/**
 * One row of {@code allele-synonyms.tsv}: a name a lab or PharmCAT prints and the name the CPIC allele table
 * uses for it.
 *
 * @param gene    upper case, e.g. DPYD
 * @param printed the name as printed, e.g. {@code c.1905+1G>A (*2A)}, {@code rs3918290 heterozygous}, {@code C/T}
 * @param name    the allele table's name for it, e.g. {@code c.1905+1G>A}; or, when it contains {@code /}, the
 *                whole result it stands for, e.g. {@code c.1905+1G>A/Reference}
 * @param source  where the printed name comes from (allele definition table, report format)
 */
public record AlleleSynonym(String gene, String printed, String name, String source) {
    public AlleleSynonym {
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(printed, "printed");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    /** True when the printed name stands for a whole result (two alleles), not one allele. */
    public boolean wholeResult() {
        return name.contains("/");
    }
}
