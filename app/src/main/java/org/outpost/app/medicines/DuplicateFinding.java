package org.outpost.app.medicines;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.model.Severity;
import org.outpost.app.text.Text;

/**
 * One duplicate found between a medicine ordered and the medication list.
 *
 * @param kind             the same medicine, or two medicines of one duplicate class
 * @param orderedDrug      the generic name of the medicine ordered
 * @param currentDrug      the generic name of the medicine on the list (the same as {@code orderedDrug} for
 *                         {@link Kind#SAME_DRUG})
 * @param asWritten        the list's entries it was found in, as the chart writes them (e.g. "Plavix 75 mg")
 * @param therapeuticClass the duplicate class both are in; empty for {@link Kind#SAME_DRUG}
 * @param severity         how urgently it needs the prescriber's attention
 * @param text             what was found, e.g. "clopidogrel is already on the medication list (as Plavix 75 mg)"
 * @param advice           what to do about it, from the table
 * @param source           the guideline or label the rule rests on
 * @param tableVersion     the version of the medicines-by-class table the finding came from
 */
public record DuplicateFinding(Kind kind, String orderedDrug, String currentDrug, List<String> asWritten,
                               Optional<String> therapeuticClass, Severity severity, String text, String advice,
                               String source, String tableVersion, Text message, Text adviceText) {

    /** A finding in words not behind keys: shown as written in every language. */
    public DuplicateFinding(Kind kind, String orderedDrug, String currentDrug, List<String> asWritten,
                            Optional<String> therapeuticClass, Severity severity, String text, String advice,
                            String source, String tableVersion) {
        this(kind, orderedDrug, currentDrug, asWritten, therapeuticClass, severity, text, advice, source, tableVersion,
                null, null);
    }

    /** A finding whose text and advice are texts of the clinical bundle; the English fields are their English. */
    public static DuplicateFinding keyed(Kind kind, String orderedDrug, String currentDrug, List<String> asWritten,
                                         Optional<String> therapeuticClass, Severity severity, Text text, Text advice,
                                         String source, String tableVersion) {
        return new DuplicateFinding(kind, orderedDrug, currentDrug, asWritten, therapeuticClass, severity,
                text.english(), advice.english(), source, tableVersion, text, advice);
    }

    /** What kind of duplicate. */
    public enum Kind {
        /** The medicine ordered is already on the list, by its generic name, a brand or a synonym. */
        SAME_DRUG,
        /** The medicine ordered and one on the list are different medicines of one duplicate class. */
        SAME_CLASS
    }

    public DuplicateFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(orderedDrug, "orderedDrug");
        Objects.requireNonNull(currentDrug, "currentDrug");
        asWritten = List.copyOf(asWritten);
        therapeuticClass = therapeuticClass == null ? Optional.empty() : therapeuticClass;
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(advice, "advice");
        message = message == null ? Text.verbatim(text) : message;
        adviceText = adviceText == null ? Text.verbatim(advice) : adviceText;
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tableVersion, "tableVersion");
        if (kind == Kind.SAME_CLASS && therapeuticClass.isEmpty()) {
            throw new IllegalArgumentException("A same-class duplicate names its class");
        }
    }
}
