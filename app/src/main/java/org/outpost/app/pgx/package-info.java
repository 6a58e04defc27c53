/**
 * Pharmacogenomic prescribing advice from the CPIC guidelines: a lab's diplotype becomes a phenotype
 * (allele function or activity score), and the phenotype a CPIC recommendation with its strength.
 *
 * <p>The gene and recommendation tables are versioned data, not code: tab-separated files under
 * {@code org/outpost/app/pgx/cpic/} (listed in {@code bundle.tsv}), each opening with {@code # key: value}
 * lines that name the guideline, its citation and version, read at start-up by {@link
 * org.outpost.app.pgx.CpicTables} and shown to the pharmacist through {@link
 * org.outpost.app.pgx.CpicTables#versions()}. A new CPIC table ships as a data update ({@link
 * org.outpost.app.pgx.CpicTables#load(java.nio.file.Path)}); a malformed table is refused whole with the
 * file and line named.
 *
 * <p>{@link org.outpost.app.pgx.PgxCpic} is the clinical model ({@code pgx-cpic}); {@link
 * org.outpost.app.pgx.PgxAdvisor} is the plain API the prescribing check calls.
 */
package org.outpost.app.pgx;
