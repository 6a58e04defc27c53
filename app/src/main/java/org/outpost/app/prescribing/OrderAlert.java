package org.outpost.app.prescribing;

import java.util.Objects;
import java.util.Optional;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.text.Text;

/**
 * One alert a model raised on an order, kept with the order: which model and version, what it advised and
 * why, whether that differs from what was ordered, and how the prescriber answered.
 *
 * @param fingerprint identifies the model, its version, the drug and the inputs the advice was computed
 *                    from; an answered alert with the same fingerprint is not raised again
 * @param modelTitle  what the advice cites: the guideline and table or label section it comes from, else
 *                    the model's title
 * @param headline    short: "CYP2C19 poor metabolizer", "CrCl 24 mL/min"
 * @param text        the advice in its source's words
 * @param strength    the source's strength of recommendation or label section
 * @param differs     the suggestion differs from the order (a different dose, or advice to avoid the drug)
 * @param headlineText the headline as a text of the clinical bundle, for the reader's language; {@code headline} is
 *                    its English (stored with the order). An alert read back from storage has its English words as
 *                    a {@linkplain Text#verbatim verbatim} text
 * @param message     the text as a text of the clinical bundle; {@code text} is its English
 */
public record OrderAlert(String modelId, String modelVersion, String modelTitle, Severity severity, String headline,
                         String text, String strength, Optional<SuggestedDose> suggested, boolean differs,
                         String fingerprint, AlertResponse response, String reason, Text headlineText, Text message) {
    /** An alert in words not behind keys (as storage keeps them): shown as written in every language. */
    public OrderAlert(String modelId, String modelVersion, String modelTitle, Severity severity, String headline,
                      String text, String strength, Optional<SuggestedDose> suggested, boolean differs,
                      String fingerprint, AlertResponse response, String reason) {
        this(modelId, modelVersion, modelTitle, severity, headline, text, strength, suggested, differs, fingerprint,
                response, reason, null, null);
    }

    /**
     * A new alert (not answered yet) whose headline and text are texts of the clinical bundle; the English fields
     * are their English.
     */
    public static OrderAlert keyed(String modelId, String modelVersion, String modelTitle, Severity severity,
                                   Text headline, Text text, String strength, Optional<SuggestedDose> suggested,
                                   boolean differs, String fingerprint) {
        return new OrderAlert(modelId, modelVersion, modelTitle, severity, headline.english(), text.english(), strength,
                suggested, differs, fingerprint, AlertResponse.NONE, "", headline, text);
    }

    public OrderAlert {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        modelTitle = modelTitle == null ? modelId : modelTitle;
        Objects.requireNonNull(severity, "severity");
        headline = headline == null ? "" : headline;
        Objects.requireNonNull(text, "text");
        headlineText = headlineText == null ? Text.verbatim(headline) : headlineText;
        message = message == null ? Text.verbatim(text) : message;
        strength = strength == null ? "" : strength;
        suggested = suggested == null ? Optional.empty() : suggested;
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(response, "response");
        reason = reason == null ? "" : reason.strip();
        if (response == AlertResponse.OVERRIDDEN && reason.isEmpty()) {
            throw new IllegalArgumentException("An overridden alert has a reason");
        }
    }

    /** Whether the prescriber must answer it before the order is saved. */
    public boolean needsAnswer() {
        return differs && severity != Severity.LOW && response != AlertResponse.ANSWERED_BEFORE;
    }

    public OrderAlert answered(AlertResponse newResponse, String newReason) {
        return new OrderAlert(modelId, modelVersion, modelTitle, severity, headline, text, strength, suggested, differs,
                fingerprint, newResponse, newReason, headlineText, message);
    }
}
