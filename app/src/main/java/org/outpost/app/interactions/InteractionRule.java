package org.outpost.app.interactions;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;

/**
 * One row of the interaction table: a drug (the <em>object</em>, whose exposure or effect changes) and the drugs
 * that act on it (the <em>precipitants</em>), with what happens, what to do and where that is written.
 *
 * @param object          the object drug's generic name, e.g. "simvastatin"
 * @param precipitants    the precipitants' generic names, in table order
 * @param group           what the precipitants have in common, e.g. "strong CYP3A4 inhibitors"
 * @param severity        how urgently the interaction needs attention
 * @param contraindicated whether the source forbids the combination (always {@link Severity#HIGH})
 * @param mechanism       how the interaction comes about
 * @param effect          what it does to the patient
 * @param advice          what to do
 * @param doseCap         the most of the object drug the source allows with a precipitant, as a total per day
 *                        ({@code daily}) or per week ({@code weekly}); empty when the source sets none
 * @param source          product label name and section, or the published list
 * @param line            the line of the table file the row was read from (1-based)
 */
public record InteractionRule(String object, List<String> precipitants, String group, Severity severity,
                              boolean contraindicated, String mechanism, String effect, String advice,
                              Optional<SuggestedDose> doseCap, String source, int line) {
    public InteractionRule {
        Objects.requireNonNull(object, "object");
        precipitants = List.copyOf(precipitants);
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(advice, "advice");
        doseCap = doseCap == null ? Optional.empty() : doseCap;
        Objects.requireNonNull(source, "source");
        if (precipitants.isEmpty()) {
            throw new IllegalArgumentException("An interaction needs at least one precipitant");
        }
        if (precipitants.contains(object)) {
            throw new IllegalArgumentException(object + " cannot interact with itself");
        }
        if (contraindicated && severity != Severity.HIGH) {
            throw new IllegalArgumentException("A contraindicated combination is of HIGH severity");
        }
        if (contraindicated && doseCap.isPresent()) {
            throw new IllegalArgumentException("A contraindicated combination has no dose cap");
        }
    }
}
