package org.outpost.app.dosing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.dosing.DoseLimit.Basis;
import org.outpost.app.dosing.DoseLimitAdvice.Verdict;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;

/**
 * One ordered dose checked against one table row: the arithmetic (unit conversion, per kg or m², per day) and the
 * words the prescriber reads. Holds no clinical numbers of its own except the two refusal factors the issue sets:
 * ten times a maximum, and a hundredth of the lowest usual dose.
 *
 * <p>One instance answers one order: {@link DoseLimits#check} makes a new one for every call and never shares it, so
 * the working fields below need no synchronisation.
 */
final class DoseLimitCheck {
    /** A dose this many times a maximum or more is refused. */
    static final double REFUSE_ABOVE_FACTOR = 10;
    /** A dose below the lowest usual single dose divided by this is refused. */
    static final double REFUSE_BELOW_DIVISOR = 100;
    /** Relative tolerance of the comparisons, so that 5000 mcg is exactly 5 mg. */
    private static final double EPS = 1e-9;
    /** Factors tried when guessing a slip: mg for mcg (or g for mg), then one or two zeros. */
    private static final double[] SLIPS = {1000, 10, 100};

    private final DoseLimit limit;
    private final String tableVersion;
    private final double allowance;
    // the order, as typed
    private double amount;
    private String unit;
    private String frequency;
    // the order, worked out
    private double size = 1;
    private String sizeText = "";
    private double single;
    private OptionalDouble perDay = OptionalDouble.empty();
    /** Whether a dose passed an upper limit only thanks to the body-size rounding allowance. */
    private boolean allowanceUsed;

    DoseLimitCheck(DoseLimit limit, String tableVersion, double allowance) {
        this.limit = limit;
        this.tableVersion = tableVersion;
        this.allowance = allowance;
    }

    DoseLimitAdvice check(double typedAmount, String typedUnit, String typedFrequency, OptionalDouble weightKg,
                          OptionalDouble bodySurfaceM2) {
        amount = typedAmount;
        unit = DoseUnits.normalise(typedUnit);
        frequency = DosesPerDay.normalise(typedFrequency);
        if (!Double.isFinite(amount) || amount <= 0) {
            return answer(Verdict.REFUSED, Severity.HIGH, limit.drug() + " " + Amounts.text(amount) + " " + unit
                    + " is not a dose: the amount must be a positive number");
        }
        if (unit.equals("mL")) {
            return answer(Verdict.NOT_CHECKED, Severity.LOW, "dose in mL cannot be checked against the table: the "
                    + limit.drug() + " limits are in " + limit.unit() + "; work out the " + limit.unit()
                    + " from the product strength and check the dose by hand (" + limit.source() + ")");
        }
        Optional<DoseLimitAdvice> unitProblem = unitProblem();
        if (unitProblem.isPresent()) {
            return unitProblem.get();
        }
        Optional<DoseLimitAdvice> sizeProblem = bodySize(weightKg, bodySurfaceM2);
        if (sizeProblem.isPresent()) {
            return sizeProblem.get();
        }
        double inRowUnit = limit.dosedInUnits() ? amount : DoseUnits.convert(amount, unit, limit.unit());
        single = inRowUnit / size;
        perDay = DosesPerDay.of(frequency);
        return judge();
    }

    // ------------------------------------------------------------------------------------------ preconditions

    private Optional<DoseLimitAdvice> unitProblem() {
        boolean mass = DoseUnits.isMass(unit);
        if (!mass && !unit.equals("units")) {
            return Optional.of(answer(Verdict.NOT_CHECKED, Severity.MODERATE, "unit '" + unit
                    + "' cannot be checked against the table: write the " + limit.drug() + " dose in "
                    + (limit.dosedInUnits() ? "units" : "mg, mcg or g")));
        }
        if (mass == limit.dosedInUnits()) {
            String dosedIn = limit.dosedInUnits() ? "units" : limit.unit();
            return Optional.of(answer(Verdict.REFUSED, Severity.HIGH, limit.drug() + " " + Amounts.text(amount)
                    + " " + unit + ": refused — " + limit.drug() + " is dosed in " + dosedIn + ", never in "
                    + (mass ? "mg, mcg or g" : "units") + " (" + limit.source() + "); write the dose in " + dosedIn));
        }
        return Optional.empty();
    }

    private Optional<DoseLimitAdvice> bodySize(OptionalDouble weightKg, OptionalDouble bodySurfaceM2) {
        if (limit.basis() == Basis.ABSOLUTE) {
            return Optional.empty();
        }
        boolean perKg = limit.basis() == Basis.PER_KG;
        OptionalDouble given = perKg ? weightKg : bodySurfaceM2;
        if (given == null || given.isEmpty() || !Double.isFinite(given.getAsDouble()) || given.getAsDouble() <= 0) {
            String what = perKg ? "weight" : "body surface area";
            return Optional.of(answer(Verdict.NOT_CHECKED, Severity.MODERATE, "cannot check: " + what
                    + " needed — the " + limit.drug() + " limits are in " + limit.doseUnit() + " (" + limit.source()
                    + "); record the " + what + " and check " + limit.drug() + " " + Amounts.text(amount) + " "
                    + unit + " again"));
        }
        size = given.getAsDouble();
        sizeText = " at " + Amounts.text(size) + (perKg ? " kg" : " m\u00b2");
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------ the verdict

    private DoseLimitAdvice judge() {
        OptionalDouble daily = daily();
        double lowest = limit.usualSingle().low() / REFUSE_BELOW_DIVISOR;
        if (atLeast(single, REFUSE_ABOVE_FACTOR * limit.maxSingle())) {
            return refused(describeSingle() + " is " + Amounts.ratio(single / limit.maxSingle())
                    + " times the maximum single dose of " + text(limit.maxSingle()) + " (" + limit.source()
                    + "): refused — check the amount and unit." + slip(true));
        }
        if (daily.isPresent() && atLeast(daily.getAsDouble(), REFUSE_ABOVE_FACTOR * limit.maxDaily())) {
            return refused(describeOrder(false) + " is " + text(daily.getAsDouble()) + " a day, "
                    + Amounts.ratio(daily.getAsDouble() / limit.maxDaily()) + " times the maximum daily dose of "
                    + text(limit.maxDaily()) + " (" + limit.source() + "): refused — check the amount, unit and "
                    + "frequency.");
        }
        OptionalDouble weekly = weekly();
        if (weekly.isPresent() && atLeast(weekly.getAsDouble(), REFUSE_ABOVE_FACTOR * limit.maxWeekly().getAsDouble())) {
            return refused(describeOrder(false) + " is " + text(weekly.getAsDouble()) + " a week, "
                    + Amounts.ratio(weekly.getAsDouble() / limit.maxWeekly().getAsDouble())
                    + " times the maximum weekly dose of " + text(limit.maxWeekly().getAsDouble()) + " ("
                    + limit.source() + "): refused — check the amount, unit and frequency.");
        }
        if (below(single, lowest)) {
            return refused(describeSingle() + " is below 1/" + Amounts.text(REFUSE_BELOW_DIVISOR)
                    + " of the lowest usual single dose of " + text(limit.usualSingle().low()) + " ("
                    + limit.source() + "): refused — check the amount and unit." + slip(false));
        }
        List<String> over = overMaximum(daily, weekly);
        if (!over.isEmpty()) {
            return answer(Verdict.ABOVE_MAXIMUM, Severity.HIGH, describeOrder(true) + " is above "
                    + String.join(" and ", over) + " (" + limit.source() + "): give a reason to override this alert."
                    + dailyUnknown() + note());
        }
        List<String> above = new ArrayList<>();
        List<String> under = new ArrayList<>();
        usual("single", single, limit.usualSingle(), above, under);
        if (daily.isPresent()) {
            usual("daily", daily.getAsDouble(), limit.usualDaily(), above, under);
        }
        if (!above.isEmpty() || !under.isEmpty()) {
            List<String> parts = new ArrayList<>(above);
            parts.addAll(under);
            return answer(Verdict.OUTSIDE_USUAL, above.isEmpty() ? Severity.LOW : Severity.MODERATE,
                    describeOrder(true) + " is " + String.join(" and ", parts) + ", not above the maximum of "
                            + text(limit.maxSingle()) + " per dose and " + text(limit.maxDaily()) + " a day ("
                            + limit.source() + ")." + allowanceUsed() + dailyUnknown() + note());
        }
        return answer(Verdict.WITHIN_USUAL, Severity.LOW, describeOrder(true) + " is within the usual dose of "
                + limit.usualSingle().text(limit.doseUnit()) + " per dose"
                + (daily.isPresent() ? " and " + limit.usualDaily().text(limit.doseUnit()) + " a day" : "")
                + " (" + limit.source() + ")." + allowanceUsed() + dailyUnknown());
    }

    private List<String> overMaximum(OptionalDouble daily, OptionalDouble weekly) {
        List<String> over = new ArrayList<>();
        if (overUpper(single, limit.maxSingle())) {
            over.add("the maximum single dose of " + text(limit.maxSingle()));
        }
        if (daily.isPresent() && overUpper(daily.getAsDouble(), limit.maxDaily())) {
            over.add("the maximum daily dose of " + text(limit.maxDaily()));
        }
        if (weekly.isPresent() && overUpper(weekly.getAsDouble(), limit.maxWeekly().getAsDouble())) {
            over.add("the maximum weekly dose of " + text(limit.maxWeekly().getAsDouble()));
        }
        return over;
    }

    /** Whether {@code dose} is above {@code bound} even with the rounding allowance; notes when the allowance helped. */
    private boolean overUpper(double dose, double bound) {
        if (above(dose, upper(bound))) {
            return true;
        }
        allowanceUsed |= above(dose, bound);
        return false;
    }

    private void usual(String which, double dose, DoseLimit.Range range, List<String> above, List<String> under) {
        if (overUpper(dose, range.high())) {
            above.add("above the usual " + which + " dose of " + range.text(limit.doseUnit()));
        } else if (below(dose, range.low())) {
            under.add("below the usual " + which + " dose of " + range.text(limit.doseUnit()));
        }
    }

    /** The day's total, when the frequency says how many doses a day. */
    private OptionalDouble daily() {
        return perDay.isPresent() ? OptionalDouble.of(single * perDay.getAsDouble()) : OptionalDouble.empty();
    }

    /** The week's total, when the row has a weekly maximum and the frequency is known. */
    private OptionalDouble weekly() {
        return limit.maxWeekly().isPresent() && perDay.isPresent()
                ? OptionalDouble.of(single * perDay.getAsDouble() * 7) : OptionalDouble.empty();
    }

    /** A maximum or a usual upper bound, widened by the table's rounding allowance for weight- and BSA-based rows. */
    private double upper(double bound) {
        return limit.basis() == Basis.ABSOLUTE ? bound : bound * (1 + allowance);
    }

    // ------------------------------------------------------------------------------------------ words

    /** "warfarin 5000 mcg (5 mg)", "azathioprine 350 mg (5 mg/kg at 70 kg)". */
    private String describeSingle() {
        String converted = !unit.equals(limit.unit()) || limit.basis() != Basis.ABSOLUTE
                ? " (" + text(single) + sizeText + ")" : "";
        return typed() + converted;
    }

    /**
     * "metformin 1000 mg twice daily (2000 mg a day)": the order with what it comes to, where it differs; the day's
     * total only when {@code withDaily}.
     */
    private String describeOrder(boolean withDaily) {
        List<String> details = new ArrayList<>();
        if (!unit.equals(limit.unit()) || limit.basis() != Basis.ABSOLUTE) {
            details.add(text(single) + " per dose" + sizeText);
        }
        OptionalDouble daily = daily();
        if (withDaily && daily.isPresent() && perDay.getAsDouble() != 1 && !DosesPerDay.weekly(frequency)) {
            details.add(text(daily.getAsDouble()) + " a day");
        }
        OptionalDouble weekly = weekly();
        if (withDaily && weekly.isPresent() && !DosesPerDay.weekly(frequency)) {
            details.add(text(weekly.getAsDouble()) + " a week");
        }
        return typed() + (frequency.isEmpty() ? "" : " " + frequency)
                + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")");
    }

    private String typed() {
        return limit.drug() + " " + Amounts.text(amount) + " " + unit;
    }

    private String text(double rowAmount) {
        return Amounts.text(rowAmount) + " " + limit.doseUnit();
    }

    private String dailyUnknown() {
        if (perDay.isPresent()) {
            return "";
        }
        String why = DosesPerDay.asNeeded(frequency) ? "Taken as needed, the daily total is unknown"
                : frequency.isEmpty() ? "No frequency given, so only the single dose was checked"
                : "The frequency '" + frequency + "' is not one the table knows, so only the single dose was checked";
        return " " + why + ": do not exceed " + text(limit.maxDaily()) + " a day.";
    }

    private String allowanceUsed() {
        return allowanceUsed ? " The dose is above the table's figure by no more than its "
                + Amounts.text(allowance * 100) + "% allowance for rounding weight- and BSA-based doses." : "";
    }

    private String note() {
        return limit.comment().isEmpty() ? "" : " Note: " + limit.comment();
    }

    /** The likely slip behind a refused dose, when a unit or a factor of ten or a hundred gives a usual dose. */
    private String slip(boolean tooHigh) {
        for (double factor : SLIPS) {
            double candidate = tooHigh ? single / factor : single * factor;
            if (below(candidate, limit.usualSingle().low()) || above(candidate, upper(limit.usualSingle().high()))) {
                continue;
            }
            if (factor == 1000) {
                Optional<String> other = tooHigh ? DoseUnits.smaller(unit) : DoseUnits.larger(unit);
                if (other.isEmpty() || limit.dosedInUnits()) {
                    continue;
                }
                String meant = Amounts.text(amount) + " " + other.get();
                String converted = other.get().equals(limit.unit()) && limit.basis() == Basis.ABSOLUTE ? ""
                        : " (" + text(candidate) + sizeText + ")";
                return " Likely slip: " + meant + converted + " would be a usual dose — " + unit + " typed instead of "
                        + other.get() + "?";
            }
            double meant = tooHigh ? amount / factor : amount * factor;
            String zeros = factor == 10 ? (tooHigh ? "an extra zero" : "a missing zero")
                    : (tooHigh ? "two extra zeros" : "two missing zeros");
            return " Likely slip: " + Amounts.text(meant) + " " + unit + " would be a usual dose — " + zeros
                    + " or a misplaced decimal point?";
        }
        return "";
    }

    // ------------------------------------------------------------------------------------------ answers

    private DoseLimitAdvice refused(String text) {
        return answer(Verdict.REFUSED, Severity.HIGH, text);
    }

    private DoseLimitAdvice answer(Verdict verdict, Severity severity, String text) {
        boolean worked = verdict != Verdict.NOT_CHECKED && single > 0;
        return new DoseLimitAdvice(limit.drug(), limit.route(), verdict,
                new Recommendation(severity, text, "", Optional.empty(), limit.source()), Optional.of(limit),
                worked ? OptionalDouble.of(single) : OptionalDouble.empty(),
                worked ? daily() : OptionalDouble.empty(), worked ? limit.doseUnit() : "", limit.source(),
                tableVersion);
    }

    private static boolean above(double value, double bound) {
        return value > bound * (1 + EPS);
    }

    private static boolean below(double value, double bound) {
        return value < bound * (1 - EPS);
    }

    private static boolean atLeast(double value, double bound) {
        return value >= bound * (1 - EPS);
    }
}
