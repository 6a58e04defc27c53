package org.outpost.app.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of one patient's record as it was when the chart was opened.
 * Lists are ordered oldest first.
 *
 * @param problems the problem list and whether it was reviewed as complete
 * @param smoking  the smoking history, oldest answer first; the last is the current status
 */
public record Chart(Patient patient, List<Observation> observations, List<Medication> medications,
                    List<Genotype> genotypes, List<Encounter> encounters, ProblemList problems,
                    List<SmokingRecord> smoking) {
    public Chart {
        observations = observations.stream().sorted(Comparator.comparing(Observation::effective)).toList();
        medications = List.copyOf(medications);
        genotypes = List.copyOf(genotypes);
        encounters = encounters.stream().sorted(Comparator.comparing(Encounter::start)).toList();
        problems = Objects.requireNonNullElse(problems, ProblemList.EMPTY);
        smoking = smoking.stream().sorted(Comparator.comparing(SmokingRecord::asOf)
                .thenComparing(s -> s.recorded().at())).toList();
    }

    /** A chart without problem list or smoking history (a record that has none yet). */
    public Chart(Patient patient, List<Observation> observations, List<Medication> medications,
                 List<Genotype> genotypes, List<Encounter> encounters) {
        this(patient, observations, medications, genotypes, encounters, ProblemList.EMPTY, List.of());
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

    /** The latest smoking status, if ever asked. */
    public Optional<SmokingRecord> latestSmoking() {
        return smoking.isEmpty() ? Optional.empty() : Optional.of(smoking.getLast());
    }
}
