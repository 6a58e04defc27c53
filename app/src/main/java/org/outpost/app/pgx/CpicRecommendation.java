package org.outpost.app.pgx;

import java.util.Objects;
import org.outpost.app.model.Severity;

/**
 * One row of a CPIC recommendation table, as written there.
 *
 * @param implication    CPIC's "implications for phenotypic measures"
 * @param recommendation CPIC's therapeutic recommendation, verbatim or faithfully shortened (the file's
 *                       header says which)
 * @param strength       CPIC's classification of recommendation ("strong", "moderate", "optional"), empty
 *                       when the source grades none
 * @param severity       how urgently a prescriber must act: LOW standard use, MODERATE change the dose or
 *                       monitor, HIGH avoid the drug or change it drastically (Outpost's grading of the
 *                       CPIC text, stated in the table so a pharmacist can review it)
 * @param source         the table the row comes from
 * @param line           the row's line in that table
 */
public record CpicRecommendation(String implication, String recommendation, String strength, Severity severity,
                                 GuidelineVersion source, int line) {
    public CpicRecommendation {
        Objects.requireNonNull(implication, "implication");
        Objects.requireNonNull(recommendation, "recommendation");
        strength = strength == null ? "" : strength;
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
    }
}
