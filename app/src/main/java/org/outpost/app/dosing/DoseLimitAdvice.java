package org.outpost.app.dosing;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;

/**
 * The answer of the dose-limit check for one ordered dose.
 *
 * @param drug           the drug as the table names it
 * @param route          the route the dose was checked for
 * @param verdict        how the dose compares with the table row
 * @param recommendation what the prescriber is told, with its severity and the row's source
 * @param limit          the row the dose was checked against; empty when the table has none for this route
 * @param singleDose     the dose of one administration in {@link #doseUnit()}; empty when it could not be worked out
 * @param dailyDose      the total of one day in {@link #doseUnit()}; empty when unknown ("as needed") or unchecked
 * @param doseUnit       the unit of the two doses, with its basis: "mg", "mg/kg", "mg/m²"; empty when unchecked
 * @param source         the row's source (label and section, or guideline), or the table's title when no row applied
 * @param tableVersion   the version of the table the answer came from
 */
public record DoseLimitAdvice(String drug, String route, Verdict verdict, Recommendation recommendation,
                              Optional<DoseLimit> limit, OptionalDouble singleDose, OptionalDouble dailyDose,
                              String doseUnit, String source, String tableVersion) {

    /** How an ordered dose compares with the table. */
    public enum Verdict {
        /** Within the usual single and daily ranges: nothing to show. */
        WITHIN_USUAL,
        /** Outside the usual range but not above the maximum: information ({@link Severity#LOW} below the usual
         *  range, {@link Severity#MODERATE} above it). */
        OUTSIDE_USUAL,
        /** Above the maximum single, daily or weekly dose: a {@link Severity#HIGH} alert that needs an override
         *  reason. */
        ABOVE_MAXIMUM,
        /** Impossible: ten times the maximum or more, below a hundredth of the lowest usual dose, or in a unit the
         *  drug is never dosed in. The order cannot go ahead as typed. */
        REFUSED,
        /** The dose could not be checked (a volume in mL, a weight or body surface area missing, a route the table
         *  has no row for, an unknown unit): the note says why. */
        NOT_CHECKED
    }

    public DoseLimitAdvice {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(singleDose, "singleDose");
        Objects.requireNonNull(dailyDose, "dailyDose");
        Objects.requireNonNull(doseUnit, "doseUnit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tableVersion, "tableVersion");
    }

    /** The severity of the advice. */
    public Severity severity() {
        return recommendation.severity();
    }

    /** The advice in words, as shown to the prescriber. */
    public String text() {
        return recommendation.text();
    }

    /** Whether the prescriber should see this advice (everything but a dose within the usual range). */
    public boolean alert() {
        return verdict != Verdict.WITHIN_USUAL;
    }

    /** Whether the order may go ahead only with a documented reason (above the maximum). */
    public boolean needsOverrideReason() {
        return verdict == Verdict.ABOVE_MAXIMUM;
    }

    /** Whether the dose is refused as typed. */
    public boolean refused() {
        return verdict == Verdict.REFUSED;
    }

    /** Whether the dose was compared with a table row. */
    public boolean checked() {
        return verdict != Verdict.NOT_CHECKED;
    }
}
