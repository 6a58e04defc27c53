package org.outpost.app.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A medication on the patient's list.
 *
 * @param rxnorm RxNorm concept id when known, otherwise empty
 * @param dose   as prescribed, e.g. "5 mg"
 * @param stop   empty while the patient still takes it
 */
public record Medication(UUID id, PatientId patient, String name, Optional<String> rxnorm, String dose,
                         String route, String frequency, LocalDate start, Optional<LocalDate> stop) {
    public Medication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        rxnorm = rxnorm == null ? Optional.empty() : rxnorm;
        stop = stop == null ? Optional.empty() : stop;
        dose = dose == null ? "" : dose;
        route = route == null ? "" : route;
        frequency = frequency == null ? "" : frequency;
    }

    public boolean activeOn(LocalDate day) {
        return !start.isAfter(day) && stop.map(s -> !s.isBefore(day)).orElse(true);
    }
}
