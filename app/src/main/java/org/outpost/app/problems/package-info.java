/**
 * The problem catalogue: which SNOMED CT and ICD-10 codes the problem list offers, and which of them mean the
 * diagnoses the models ask about ({@link org.outpost.app.domain.ClinicalProblem}). The catalogue is <b>data</b>
 * ({@code problem-codes.tsv} beside {@link org.outpost.app.problems.ProblemCatalogue}), versioned and cited like
 * the other clinical tables, read by the shared {@link org.outpost.app.table.TableFile} reader.
 */
package org.outpost.app.problems;
