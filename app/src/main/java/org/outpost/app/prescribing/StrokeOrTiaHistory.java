package org.outpost.app.prescribing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Encounter;

/**
 * A stroke or transient ischaemic attack recorded on the chart, as far as Outpost can tell: an encounter whose
 * reason names one (SNOMED CT display names as Synthea and clinic systems write them — "Cerebrovascular
 * accident", "Stroke", "Transient ischemic attack", "Cerebral infarction", "TIA", "CVA"), or an order for the
 * neurovascular indication. Outpost keeps no coded problem list yet, so this reads the words; a prescriber who
 * knows of a stroke or TIA not on the chart states the neurovascular indication.
 *
 * <p>Why it matters: prasugrel is contraindicated in patients with a prior TIA or stroke (EFFIENT (prasugrel) US
 * prescribing information, boxed warning and section 4.2; TRITON-TIMI 38: Wiviott SD et al. N Engl J Med
 * 2007;357:2001-2015, net harm in that subgroup), so CPIC's clopidogrel guideline names no drug for
 * neurovascular indications (Lee CR et al. Clin Pharmacol Ther 2022;112:959-967, Table 3).
 */
public final class StrokeOrTiaHistory {
    /** The CPIC clopidogrel table's key for stroke/TIA indications. */
    public static final String NEUROVASCULAR = "neurovascular";

    private static final Pattern WORDS = Pattern.compile(
            "\\b(?<!heat )(stroke|cerebrovascular accident|cva|transient isch(a)?emic attack|tia|cerebral infarction"
                    + "|isch(a)?emic stroke|brain infarction)\\b", Pattern.CASE_INSENSITIVE);

    private StrokeOrTiaHistory() {
    }

    /** What was recorded, for an alert: "encounter 2024-03-02: Transient ischemic attack", or empty. */
    public static Optional<String> recorded(Chart chart, OrderDraft draft, ZoneId zone) {
        if (NEUROVASCULAR.equals(draft.indication())) {
            return Optional.of("this order's indication: stroke or TIA");
        }
        return chart.encounters().reversed().stream()
                .filter(e -> names(e.reason()))
                .findFirst()
                .map(e -> describe(e, zone));
    }

    /** Whether a free-text reason names a stroke or TIA ("Cerebrovascular accident (disorder)"). */
    static boolean names(String reason) {
        return reason != null && WORDS.matcher(reason).find();
    }

    private static String describe(Encounter e, ZoneId zone) {
        String reason = e.reason().strip();
        return "encounter of " + LocalDate.ofInstant(e.start(), zone) + ": "
                + (reason.length() > 80 ? reason.substring(0, 80) + "…" : reason);
    }
}
