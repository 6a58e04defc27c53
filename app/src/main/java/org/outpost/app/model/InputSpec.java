package org.outpost.app.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Unit;
import org.outpost.app.text.ClinicalText;
import org.outpost.app.text.Text;

/**
 * One input a model needs: its name (camelCase, as on the command line and in CSV headers), its kind,
 * its unit, the range of values accepted as input at all, and where in the chart it comes from.
 *
 * <p>The accepted range only refuses nonsense (an age of 300). Whether the model is <em>valid</em> for
 * a value (PCE only for ages 40–79) is the model's applicability check, which says "not applicable"
 * with a reason instead of refusing the input.
 *
 * @param measure the chart measure this input is read from, if any; numeric inputs with a measure accept
 *                any of that measure's units ("5.5 mmol/L") and are converted to {@code unit}
 * @param unit    the unit the model computes in (for numbers), e.g. mg/dL, mmHg, years
 * @param choices allowed values of a {@link Kind#CHOICE} input, lower case
 * @param descriptionText what the input is, in words: a key of the clinical bundle
 *                {@code org/outpost/app/clinical.properties} ({@code input.<model>.<name>}) and its arguments;
 *                {@link #description()} gives it in English, {@link ClinicalText} in the reader's language
 * @param concept what the input stands for clinically, when the model declares it ({@link #as}); empty for inputs
 *                only the model itself interprets
 */
public record InputSpec(String name, Kind kind, String unit, Optional<Measure> measure, double min, double max,
                        List<String> choices, Text descriptionText, Optional<Concept> concept) {

    /** The type of an input value. */
    public enum Kind { NUMBER, BOOLEAN, CHOICE,
        /** Free text from a lab report, e.g. a diplotype "*1/*2"; held in lower case like choices. */
        TEXT }

    public InputSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        unit = unit == null ? "" : unit;
        measure = measure == null ? Optional.empty() : measure;
        choices = choices == null ? List.of() : List.copyOf(choices);
        Objects.requireNonNull(descriptionText, "descriptionText");
        concept = concept == null ? Optional.empty() : concept;
        if (measure.isPresent() && !measure.get().canonicalUnit().display().equals(unit)) {
            throw new IllegalArgumentException(name + ": a measured input is computed in its measure's canonical unit");
        }
        if (concept.isPresent() && !concept.get().fits(kind, measure, choices)) {
            throw new IllegalArgumentException(name + ": a " + kind + " input cannot stand for " + concept.get());
        }
    }

    /** This input declared as standing for a clinical concept, e.g. {@code flag("smoker", …).as(Concept.SMOKING)}. */
    public InputSpec as(Concept concept) {
        return new InputSpec(name, kind, unit, measure, min, max, choices, descriptionText, Optional.of(concept));
    }

    /** This input described by a text with arguments, e.g. a gene's diplotype input naming its gene. */
    public InputSpec describedBy(Text text) {
        return new InputSpec(name, kind, unit, measure, min, max, choices, text, concept);
    }

    /** The key of this input's description in the clinical bundle. */
    public String descriptionKey() {
        return descriptionText.key();
    }

    /** What the input is, in English (the command line's and JSON's language). */
    public String description() {
        return descriptionText.english();
    }

    /** What the input is, in the language of {@code texts}. */
    public String description(ClinicalText texts) {
        return texts.format(descriptionText);
    }

    /** A plain number in a fixed unit (years, kg/m², cm). */
    public static InputSpec number(String name, String unit, double min, double max, String descriptionKey) {
        return new InputSpec(name, Kind.NUMBER, unit, Optional.empty(), min, max, List.of(), Text.of(descriptionKey),
                Optional.empty());
    }

    /**
     * A number read from a chart measure, computed in the measure's canonical unit; the accepted range
     * is the measure's possible range.
     */
    public static InputSpec measured(String name, Measure measure, String descriptionKey) {
        return new InputSpec(name, Kind.NUMBER, measure.canonicalUnit().display(), Optional.of(measure),
                measure.possibleMin(), measure.possibleMax(), List.of(), Text.of(descriptionKey), Optional.empty());
    }

    public static InputSpec flag(String name, String descriptionKey) {
        return new InputSpec(name, Kind.BOOLEAN, "", Optional.empty(), 0, 1, List.of(), Text.of(descriptionKey),
                Optional.empty());
    }

    public static InputSpec choice(String name, List<String> choices, String descriptionKey) {
        return new InputSpec(name, Kind.CHOICE, "", Optional.empty(), 0, 0, choices, Text.of(descriptionKey),
                Optional.empty());
    }

    /** Free text such as a lab's diplotype; the model decides what it recognises. */
    public static InputSpec text(String name, String descriptionKey) {
        return new InputSpec(name, Kind.TEXT, "", Optional.empty(), 0, 0, List.of(), Text.of(descriptionKey),
                Optional.empty());
    }

    /** The unit a measured input is computed in. */
    public Optional<Unit> measureUnit() {
        return measure.map(Measure::canonicalUnit);
    }
}
