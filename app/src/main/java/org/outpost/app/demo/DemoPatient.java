package org.outpost.app.demo;

import java.util.List;
import java.util.Objects;
import org.outpost.app.domain.Encounter;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.ProblemList;
import org.outpost.app.domain.SmokingRecord;

/**
 * One generated patient with everything in their record. Synthetic, but shaped like real data, so it is
 * treated like real data: never logged.
 *
 * @param encounters   oldest first
 * @param observations oldest first
 * @param medications  oldest start first
 */
public record DemoPatient(Patient patient, List<Encounter> encounters, List<Observation> observations,
                          List<Medication> medications, List<Genotype> genotypes, ProblemList problems,
                          List<SmokingRecord> smoking) {
    public DemoPatient {
        Objects.requireNonNull(patient, "patient");
        problems = Objects.requireNonNullElse(problems, ProblemList.EMPTY);
        smoking = List.copyOf(smoking);
        encounters = List.copyOf(encounters);
        observations = List.copyOf(observations);
        medications = List.copyOf(medications);
        genotypes = List.copyOf(genotypes);
    }

    @Override
    public String toString() {
        return "DemoPatient[" + patient.id() + "]";
    }
}
