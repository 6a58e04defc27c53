package org.outpost.app.pgx;

import java.util.List;
import java.util.Objects;

/**
 * Which CPIC table is in force, as its file header says — what a pharmacist checks before trusting advice.
 *
 * @param file      the table's file name, e.g. {@code recommendations-clopidogrel.tsv}
 * @param genes     the gene(s) the table is about, upper case
 * @param drugs     the drug(s) it advises on, lower case; empty for allele and phenotype tables
 * @param table     what the table is, e.g. "Table 2. Antiplatelet therapy recommendations …"
 * @param guideline the guideline's title
 * @param citation  authors, journal, year, pages (and table)
 * @param pmid      PubMed id(s), may be empty
 * @param doi       DOI(s), may be empty
 * @param version   the CPIC version or date of the table, including any online update applied
 */
public record GuidelineVersion(String file, List<String> genes, List<String> drugs, String table, String guideline,
                               String citation, String pmid, String doi, String version) {
    public GuidelineVersion {
        Objects.requireNonNull(file, "file");
        genes = List.copyOf(genes);
        drugs = List.copyOf(drugs);
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(guideline, "guideline");
        Objects.requireNonNull(citation, "citation");
        pmid = pmid == null ? "" : pmid;
        doi = doi == null ? "" : doi;
        Objects.requireNonNull(version, "version");
    }

    static GuidelineVersion of(Tsv tsv, List<String> genes, List<String> drugs) {
        return new GuidelineVersion(tsv.file(), genes, drugs, tsv.required("table"), tsv.required("guideline"),
                tsv.required("citation"), tsv.optional("pmid"), tsv.optional("doi"), tsv.required("version"));
    }

    /** One line for a screen or an audit record: citation and version. */
    public String summary() {
        return citation + " — " + version;
    }
}
