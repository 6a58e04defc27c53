package org.outpost.app.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of one patient's record as it was when the chart was opened.
 * Lists are ordered oldest first.
 */
public record Chart(Patient patient, List<Observation> observations, List<Medication> medications,
                    List<Genotype> genotypes, List<Encounter> encounters) {
    public Chart {
        observations = observations.stream().sorted(Comparator.comparing(Observation::effective)).toList();
        medications = List.copyOf(medications);
        genotypes = List.copyOf(genotypes);
        encounters = encounters.stream().sorted(Comparator.comparing(Encounter::start)).toList();
    }

    /** The observations of one measure, oldest first. */
    public List<Observation> series(Measure measure) {
        return observations.stream().filter(o -> o.measure() == measure).toList();
    }

    /** The most recent observation of a measure, if any. */
    public Optional<Observation> latest(Measure measure) {
        List<Observation> s = series(measure);
        return s.isEmpty() ? Optional.empty() : Optional.of(s.getLast());
    }
}
