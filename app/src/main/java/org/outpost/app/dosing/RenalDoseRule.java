package org.outpost.app.dosing;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;

/**
 * One row of the renal dose table: what a drug's label or guideline advises in one band of kidney function.
 * The band runs from {@code from} (inclusive) up to but not including {@code below};
 * {@link Double#NEGATIVE_INFINITY} and {@link Double#POSITIVE_INFINITY} stand for an open end.
 *
 * @param drug     lower-case generic name, e.g. "metformin"
 * @param measure  which kidney-function estimate the band is written in
 * @param from     inclusive lower bound, in the measure's unit
 * @param below    exclusive upper bound, in the measure's unit
 * @param severity how urgently the advice needs attention
 * @param advice   what to do, in the source's terms
 * @param dose     the single dose to give when the advice is one dose; empty for "avoid" or a dose range
 * @param source   label name and section, or guideline with year
 * @param line     the line of the table file the rule was read from (1-based)
 */
public record RenalDoseRule(String drug, Measure measure, double from, double below, Severity severity, String advice,
                            Optional<SuggestedDose> dose, String source, int line) {

    /** The kidney-function estimate a rule is written in. */
    public enum Measure {
        /** Cockcroft–Gault creatinine clearance, the estimate most labels' renal dosing was studied with. */
        CRCL("crcl", "CrCl", "mL/min", "Cockcroft-Gault creatinine clearance"),
        /** CKD-EPI estimated GFR, normalised to 1.73 m² body surface area. */
        EGFR("egfr", "eGFR", "mL/min/1.73 m\u00b2", "CKD-EPI eGFR");

        private final String code;
        private final String abbreviation;
        private final String unit;
        private final String title;

        Measure(String code, String abbreviation, String unit, String title) {
            this.code = code;
            this.abbreviation = abbreviation;
            this.unit = unit;
            this.title = title;
        }

        /** As written in the table file: {@code crcl} or {@code egfr}. */
        public String code() {
            return code;
        }

        /** As clinicians abbreviate it: CrCl, eGFR. */
        public String abbreviation() {
            return abbreviation;
        }

        public String unit() {
            return unit;
        }

        public String title() {
            return title;
        }

        /** The measure written as {@code code} in a table file, if any. */
        public static Optional<Measure> ofCode(String code) {
            for (Measure m : values()) {
                if (m.code.equals(code)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    public RenalDoseRule {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(source, "source");
        dose = dose == null ? Optional.empty() : dose;
        if (Double.isNaN(from) || Double.isNaN(below) || !(from < below)) {
            throw new IllegalArgumentException("A renal dose band needs from < below");
        }
    }

    /** Whether {@code value} lies in this band: {@code from ≤ value < below}. */
    public boolean contains(double value) {
        return value >= from && value < below;
    }

    /** The advice as the model contract carries it; the source goes in {@code strength}, as for label-based rules. */
    public Recommendation recommendation() {
        return new Recommendation(severity, advice, "", dose, source);
    }

    /** The band as a prescriber reads it, e.g. "CrCl 30 to <60 mL/min", "eGFR <30 mL/min/1.73 m²". */
    public String rangeText() {
        String a = measure.abbreviation() + " ";
        if (from == Double.NEGATIVE_INFINITY) {
            return a + "<" + number(below) + " " + measure.unit();
        }
        if (below == Double.POSITIVE_INFINITY) {
            return a + "\u2265" + number(from) + " " + measure.unit();
        }
        return a + number(from) + " to <" + number(below) + " " + measure.unit();
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
    }
}
