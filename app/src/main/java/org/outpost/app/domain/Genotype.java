package org.outpost.app.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A pharmacogenomic result as reported by the lab, e.g. CYP2C19 *1/*2.
 *
 * @param source the laboratory or test that reported it
 */
public record Genotype(UUID id, PatientId patient, String gene, String diplotype, String source,
                       LocalDate resultDate) {
    public Genotype {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(diplotype, "diplotype");
        Objects.requireNonNull(resultDate, "resultDate");
        source = source == null ? "" : source;
    }
}
