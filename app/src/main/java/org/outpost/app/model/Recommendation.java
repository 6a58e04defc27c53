package org.outpost.app.model;

import java.util.Objects;
import java.util.Optional;
import org.outpost.app.text.Text;

/**
 * What a dosing or pharmacogenomic model advises, in words a prescriber acts on: the advice as its source
 * words it, the source's strength of recommendation, how urgent it is, and the dose it suggests if any.
 *
 * @param severity      how urgently it needs attention
 * @param text          the advice, e.g. CPIC's "Avoid standard dose clopidogrel if possible. Use prasugrel
 *                      or ticagrelor at standard dose if no contraindication."
 * @param strength      the source's strength of recommendation ("strong", "moderate", "optional"); empty
 *                      when the source grades none (product labels do not)
 * @param suggestedDose the dose to give, when the advice is a dose; empty when it is to avoid the drug,
 *                      to use the standard dose, or to confirm a result first
 * @param source        where this advice comes from, precisely: the guideline and table, or the label and
 *                      section ("CPIC clopidogrel 2022, Lee CR et al. …, Table 2"; "ELIQUIS PI §2"); empty
 *                      when the model's own reference says it all
 * @param message       the advice as a text of the clinical bundle (key and arguments), so it can be shown in the
 *                      reader's language; {@code text} is its English. Advice whose words come from a data table
 *                      (CPIC, the renal and dose-limit tables) is {@linkplain Text#verbatim verbatim}: its
 *                      translation is a translated table
 */
public record Recommendation(Severity severity, String text, String strength, Optional<SuggestedDose> suggestedDose,
                             String source, Text message) {
    public Recommendation {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
        message = message == null ? Text.verbatim(text) : message;
        strength = strength == null ? "" : strength;
        suggestedDose = suggestedDose == null ? Optional.empty() : suggestedDose;
        source = source == null ? "" : source.strip();
        if (text.isBlank()) {
            throw new IllegalArgumentException("A recommendation says what to do");
        }
    }

    /** Advice in words not behind a key (a table's cell): shown as written in every language. */
    public Recommendation(Severity severity, String text, String strength, Optional<SuggestedDose> suggestedDose,
                          String source) {
        this(severity, text, strength, suggestedDose, source, Text.verbatim(text));
    }

    /** Advice behind a key of the clinical bundle; its English is {@link Text#english()}. */
    public static Recommendation of(Severity severity, Text message, String strength) {
        return new Recommendation(severity, message.english(), strength, Optional.empty(), "", message);
    }

    /** A dose behind a key of the clinical bundle. */
    public static Recommendation dose(Severity severity, Text message, String strength, SuggestedDose dose) {
        return new Recommendation(severity, message.english(), strength, Optional.of(dose), "", message);
    }

    public static Recommendation of(Severity severity, String text, String strength) {
        return new Recommendation(severity, text, strength, Optional.empty(), "");
    }

    public static Recommendation dose(Severity severity, String text, String strength, SuggestedDose dose) {
        return new Recommendation(severity, text, strength, Optional.of(dose), "");
    }

    /** The same advice with its precise source. */
    public Recommendation withSource(String newSource) {
        return new Recommendation(severity, text, strength, suggestedDose, newSource, message);
    }
}
