package org.outpost.app.prescribing;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.text.Text;

/**
 * How far an order is from a dose a model <em>estimated</em> (the IWPC warfarin starting dose), compared as
 * milligrams per day. An estimate is not a limit: ordering it, or a dose within what rounding to the tablets
 * allows, needs no reason; the further the order is from it, the more severe the alert.
 *
 * <ul>
 *   <li>within {@value #ROUNDING_MG} mg/day: the estimate, as it can be given (it is itself rounded to the
 *       nearest 0.5 mg, and 0.5 mg steps can be made up from the 1, 2, 2.5, 3, 4, 5, 6, 7.5 and 10 mg
 *       tablets) — no alert to answer and no pharmacist review;</li>
 *   <li>within {@value #CLOSE_PERCENT} %: still no review ({@link Severity#LOW}). The IWPC paper counts a
 *       prediction within 20 % of the stable dose as accurate (IWPC, N Engl J Med 2009;360:753-764, the "ideal
 *       dose" outcome), so an order that close is within the algorithm's own accuracy;</li>
 *   <li>up to {@value #FAR_PERCENT} % away: {@link Severity#MODERATE}, a reason is needed and a pharmacist
 *       reviews it;</li>
 *   <li>further: {@link Severity#HIGH} (e.g. 10 mg when 5 mg was estimated).</li>
 * </ul>
 *
 * @param orderedPerDay   the order, mg/day
 * @param estimatedPerDay the estimate, mg/day
 */
record EstimateDeviation(double orderedPerDay, double estimatedPerDay) {
    static final double ROUNDING_MG = 0.5;
    static final int CLOSE_PERCENT = 20;
    static final int FAR_PERCENT = 50;

    /** Empty when the two cannot be compared (other units, "as needed"). */
    static Optional<EstimateDeviation> of(OrderDraft order, SuggestedDose estimate) {
        OptionalDouble ordered = perDay(order.amount(), order.unit(), order.frequency());
        OptionalDouble estimated = perDay(estimate.amount(), estimate.unit(), estimate.frequency());
        if (ordered.isEmpty() || estimated.isEmpty() || estimated.getAsDouble() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new EstimateDeviation(ordered.getAsDouble(), estimated.getAsDouble()));
    }

    /** The order as mg/day: mg, mcg or g, times the administrations a day; empty for "as needed" or other units. */
    static OptionalDouble perDay(double amount, String unit, String frequency) {
        double mg = switch (unit) {
            case "mg" -> amount;
            case "mcg" -> amount / 1000;
            case "g" -> amount * 1000;
            default -> Double.NaN;
        };
        double times = switch (OrderDraft.canonicalFrequency(frequency)) {
            case "once daily" -> 1;
            case "twice daily" -> 2;
            case "three times daily", "every 8 hours" -> 3;
            case "four times daily" -> 4;
            case "once weekly" -> 1.0 / 7;
            default -> Double.NaN;
        };
        double perDay = mg * times;
        return Double.isFinite(perDay) ? OptionalDouble.of(perDay) : OptionalDouble.empty();
    }

    double percent() {
        return 100 * Math.abs(orderedPerDay - estimatedPerDay) / estimatedPerDay;
    }

    /** The order gives the estimate, as far as the tablets allow. */
    boolean matches() {
        return Math.abs(orderedPerDay - estimatedPerDay) <= ROUNDING_MG + 1e-9;
    }

    /** Far enough from the estimate to need a reason and a pharmacist's review. */
    boolean differs() {
        return !matches() && percent() > CLOSE_PERCENT;
    }

    /** The severity the deviation calls for; empty when the order matches (the model's own severity stands). */
    Optional<Severity> severity() {
        if (matches()) {
            return Optional.empty();
        }
        double p = percent();
        return Optional.of(p <= CLOSE_PERCENT ? Severity.LOW : p <= FAR_PERCENT ? Severity.MODERATE : Severity.HIGH);
    }

    /** "The order (10 mg/day) is 100 % above the estimate." */
    Text describe() {
        if (matches()) {
            return Text.of("alert.estimate.matches");
        }
        return Text.of(orderedPerDay > estimatedPerDay ? "alert.estimate.above" : "alert.estimate.below",
                format(orderedPerDay), Math.round(percent()));
    }

    private static String format(double mg) {
        return mg == Math.rint(mg) ? Long.toString((long) mg) : String.format(Locale.ROOT, "%.2f", mg)
                .replaceAll("0+$", "");
    }
}
