package org.outpost.app.pgx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.model.Recommendation;

/**
 * CPIC advice for one drug and one patient's results, ready for a prescribing alert.
 *
 * @param drug           the drug as the tables name it, lower case
 * @param category       the phenotype(s) it rests on, e.g. "CYP2C9 intermediate metabolizer; VKORC1
 *                       -1639G/A", or {@value GeneResult#INDETERMINATE}
 * @param results        each of the drug's genes that has a result, in table order
 * @param activityScore  the activity score when exactly one of the drug's genes is scored that way and has a
 *                       determinate result (a lower bound when {@link GeneResult#scoreIsMinimum()})
 * @param recommendation severity, text and CPIC strength; never a suggested dose (CPIC gives fractions of
 *                       a dose the prescriber chooses, which the text states)
 * @param cpic           the table row, with its implication and source; empty when indeterminate
 * @param guideline      the recommendation table used, for the audit trail
 */
public record PgxAdvice(String drug, String category, List<GeneResult> results, OptionalDouble activityScore,
                        Recommendation recommendation, Optional<CpicRecommendation> cpic, GuidelineVersion guideline) {
    public PgxAdvice {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(category, "category");
        results = List.copyOf(results);
        Objects.requireNonNull(activityScore, "activityScore");
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(cpic, "cpic");
        Objects.requireNonNull(guideline, "guideline");
    }

    /** True when a result could not be translated and the lab must confirm it. */
    public boolean indeterminate() {
        return cpic.isEmpty();
    }

    /** CPIC's implication of the phenotype(s), empty when indeterminate. */
    public String implication() {
        return cpic.map(CpicRecommendation::implication).orElse("");
    }
}
