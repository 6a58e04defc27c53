package org.outpost.app.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.outpost.app.domain.Measure;

/**
 * Where one model input's value came from, so the clinician can judge it: an observation and its date,
 * the registration record, the medication list, a calculation from other observations, or typed in.
 */
public sealed interface InputSource {

    /** The most recent observation of {@code measure}, taken at {@code effective}. */
    record FromObservation(Measure measure, Instant effective) implements InputSource {
        public FromObservation {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(effective, "effective");
        }
    }

    /** A registration field: {@code "birthDate"} for age, {@code "sex"} for sex. */
    record FromRegistration(String field) implements InputSource {
        public FromRegistration {
            Objects.requireNonNull(field, "field");
        }
    }

    /**
     * The active medication list: the names of the active medications that matched, or an empty list when
     * none matched (the flag is then false).
     */
    record FromMedications(List<String> matched) implements InputSource {
        public FromMedications {
            matched = List.copyOf(matched);
        }
    }

    /** Computed from observations (BMI from weight and height), dated by the newest one used. */
    record Calculated(List<Measure> from, Instant effective) implements InputSource {
        public Calculated {
            from = List.copyOf(from);
            Objects.requireNonNull(effective, "effective");
        }
    }

    /** A pharmacogenomic lab result: the gene and the date the lab reported it. */
    record FromGenotype(String gene, java.time.LocalDate resultDate) implements InputSource {
        public FromGenotype {
            Objects.requireNonNull(gene, "gene");
            Objects.requireNonNull(resultDate, "resultDate");
        }
    }

    /**
     * The problem list: the terms of the entries that matched (the flag is then true), or none when nothing matched
     * on a list a clinician reviewed as complete at {@code reviewedAt} (the flag is then false).
     */
    record FromProblemList(List<String> matched, java.util.Optional<Instant> reviewedAt) implements InputSource {
        public FromProblemList {
            matched = List.copyOf(matched);
            reviewedAt = Objects.requireNonNullElse(reviewedAt, java.util.Optional.empty());
            if (matched.isEmpty() && reviewedAt.isEmpty()) {
                throw new IllegalArgumentException("An unreviewed problem list answers only when a problem matched");
            }
        }
    }

    /** The latest smoking status, as asked on {@code asOf}. */
    record FromSmokingHistory(org.outpost.app.domain.SmokingStatus status, java.time.LocalDate asOf)
            implements InputSource {
        public FromSmokingHistory {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    /** Typed in by the clinician (not from the chart). */
    record Entered() implements InputSource { }
}
