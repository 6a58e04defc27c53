package org.outpost.app.prescribing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Observation;

/**
 * What a pharmacist needs beside an order to decide on it without opening the chart: the active medicines,
 * the latest creatinine and weight with their dates, the kidney function the
 * dosing checks use (with why it could not be computed), and the genotype results as the CPIC tables read
 * them.
 * (The allergies are the patient's, on the review item.)
 */
public record PharmacistSnapshot(List<Medication> activeMedicines,
                                 Optional<Observation> creatinine, Optional<Observation> weight,
                                 KidneyFunction creatinineClearance, KidneyFunction egfr, List<GenotypeResult> genotypes) {
    public PharmacistSnapshot {
        activeMedicines = List.copyOf(activeMedicines);
        Objects.requireNonNull(creatinine, "creatinine");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(creatinineClearance, "creatinineClearance");
        Objects.requireNonNull(egfr, "egfr");
        genotypes = List.copyOf(genotypes);
    }

    /**
     * A kidney-function estimate as the dosing checks compute it today.
     *
     * @param model the equation ("Cockcroft-Gault creatinine clearance")
     * @param value the estimate; empty when it could not be computed
     * @param unit  "mL/min" or "mL/min/1.73m²"
     * @param why   when there is no value: what is missing, out of date or out of range; else empty
     */
    public record KidneyFunction(String model, OptionalDouble value, String unit, String why) {
        public KidneyFunction {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(value, "value");
            unit = unit == null ? "" : unit;
            why = why == null ? "" : why;
        }
    }

    /**
     * A genotype result with what it means.
     *
     * @param meaning the phenotype ("CYP2C19 poor metabolizer"), or "indeterminate — confirm by lab: …", or empty
     *                for a gene the tables do not cover
     */
    public record GenotypeResult(String gene, String diplotype, String meaning, LocalDate reported) {
        public GenotypeResult {
            Objects.requireNonNull(gene, "gene");
            Objects.requireNonNull(diplotype, "diplotype");
            meaning = meaning == null ? "" : meaning;
            Objects.requireNonNull(reported, "reported");
        }

        static GenotypeResult of(Genotype g, String meaning) {
            return new GenotypeResult(g.gene(), g.diplotype(), meaning, g.resultDate());
        }
    }
}
