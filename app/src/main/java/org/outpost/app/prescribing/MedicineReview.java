package org.outpost.app.prescribing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outpost.app.domain.Medication;

/**
 * One active medicine as the medication review checked it: against the genotype, kidney function, dose limits,
 * the rest of the list (duplicates, interactions).
 *
 * @param drug      the generic name the checks know it by
 * @param doseRead  whether the dose on the list could be read ("75 mg", a known frequency); when not, dose limits
 *                  and interaction caps were not checked
 * @param alerts    most severe first; empty when nothing was found
 */
public record MedicineReview(Medication medication, String drug, boolean doseRead, List<OrderAlert> alerts) {
    private static final Pattern DOSE = Pattern.compile("\\s*([0-9]+(?:[.,][0-9]+)?)\\s*(mg|mcg|g|units|mL)\\s*");

    public MedicineReview {
        Objects.requireNonNull(medication, "medication");
        Objects.requireNonNull(drug, "drug");
        alerts = List.copyOf(alerts);
    }

    /** The medicine as an order, when its dose ("75 mg") and frequency are ones an order can have. */
    static Optional<OrderDraft> draftOf(String drug, Medication med) {
        Matcher m = DOSE.matcher(med.dose());
        String frequency = OrderDraft.canonicalFrequency(med.frequency());
        if (!m.matches() || !OrderDraft.FREQUENCIES.contains(frequency.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        OrderDraft draft = new OrderDraft(drug, Double.parseDouble(m.group(1).replace(',', '.')), m.group(2), frequency,
                med.route());
        return draft.violations().isEmpty() ? Optional.of(draft) : Optional.empty();
    }

    /** Whether any alert is more than information. */
    public boolean needsAttention() {
        return alerts.stream().anyMatch(a -> a.severity() != org.outpost.app.model.Severity.LOW);
    }
}
