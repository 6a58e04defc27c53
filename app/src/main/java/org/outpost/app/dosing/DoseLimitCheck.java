package org.outpost.app.dosing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.dosing.DoseLimit.Basis;
import org.outpost.app.dosing.DoseLimitAdvice.Verdict;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;
import org.outpost.app.text.Text;

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

    private static final String UNITS = "advice.doseLimit.units";
    private static final String MASS_UNITS = "advice.doseLimit.massUnits";
    private static final String SINGLE = "single";
    private static final String DAILY = "daily";

    private final DoseLimit limit;
    private final String tableVersion;
    private final double allowance;
    // the order, as typed
    private double amount;
    private String unit;
    private String frequency;
    // the order, worked out
    private double size = 1;
    private Text sizeText = Text.empty();
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
            return answer(Verdict.REFUSED, Severity.HIGH, Text.of("advice.doseLimit.notADose", typed()));
        }
        if (unit.equals("mL")) {
            return answer(Verdict.NOT_CHECKED, Severity.LOW,
                    Text.of("advice.doseLimit.mL", limit.drug(), limit.unit(), limit.source()));
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
            return Optional.of(answer(Verdict.NOT_CHECKED, Severity.MODERATE, Text.of("advice.doseLimit.unitUnknown",
                    unit, limit.drug(), Text.of(limit.dosedInUnits() ? UNITS : MASS_UNITS))));
        }
        if (mass == limit.dosedInUnits()) {
            Text dosedIn = limit.dosedInUnits() ? Text.of(UNITS) : Text.verbatim(limit.unit());
            return Optional.of(answer(Verdict.REFUSED, Severity.HIGH, Text.of("advice.doseLimit.wrongKind", typed(),
                    limit.drug(), dosedIn, Text.of(mass ? MASS_UNITS : UNITS), limit.source())));
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
            Text what = Text.of(perKg ? "advice.doseLimit.weight" : "advice.doseLimit.bodySurface");
            return Optional.of(answer(Verdict.NOT_CHECKED, Severity.MODERATE, Text.of("advice.doseLimit.sizeNeeded",
                    what, limit.drug(), limit.doseUnit(), limit.source(), typed())));
        }
        size = given.getAsDouble();
        sizeText = Text.of(perKg ? "advice.doseLimit.atWeight" : "advice.doseLimit.atArea", Amounts.text(size));
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------ the verdict

    private DoseLimitAdvice judge() {
        OptionalDouble daily = daily();
        double lowest = limit.usualSingle().low() / REFUSE_BELOW_DIVISOR;
        if (atLeast(single, REFUSE_ABOVE_FACTOR * limit.maxSingle())) {
            return refused(Text.of("advice.doseLimit.refusedSingle", describeSingle(),
                    Amounts.ratio(single / limit.maxSingle()), text(limit.maxSingle()), limit.source(), slip(true)));
        }
        if (daily.isPresent() && atLeast(daily.getAsDouble(), REFUSE_ABOVE_FACTOR * limit.maxDaily())) {
            return refused(Text.of("advice.doseLimit.refusedDaily", describeOrder(false), text(daily.getAsDouble()),
                    Amounts.ratio(daily.getAsDouble() / limit.maxDaily()), text(limit.maxDaily()), limit.source()));
        }
        OptionalDouble weekly = weekly();
        if (weekly.isPresent() && atLeast(weekly.getAsDouble(), REFUSE_ABOVE_FACTOR * limit.maxWeekly().getAsDouble())) {
            return refused(Text.of("advice.doseLimit.refusedWeekly", describeOrder(false), text(weekly.getAsDouble()),
                    Amounts.ratio(weekly.getAsDouble() / limit.maxWeekly().getAsDouble()),
                    text(limit.maxWeekly().getAsDouble()), limit.source()));
        }
        if (below(single, lowest)) {
            return refused(Text.of("advice.doseLimit.refusedLow", describeSingle(), Amounts.text(REFUSE_BELOW_DIVISOR),
                    text(limit.usualSingle().low()), limit.source(), slip(false)));
        }
        List<Text> over = overMaximum(daily, weekly);
        if (!over.isEmpty()) {
            return answer(Verdict.ABOVE_MAXIMUM, Severity.HIGH, Text.of("advice.doseLimit.aboveMaximum",
                    describeOrder(true), and(over), limit.source(), dailyUnknown(), note()));
        }
        List<Text> above = new ArrayList<>();
        List<Text> under = new ArrayList<>();
        usual(SINGLE, single, limit.usualSingle(), above, under);
        if (daily.isPresent()) {
            usual(DAILY, daily.getAsDouble(), limit.usualDaily(), above, under);
        }
        if (!above.isEmpty() || !under.isEmpty()) {
            List<Text> parts = new ArrayList<>(above);
            parts.addAll(under);
            return answer(Verdict.OUTSIDE_USUAL, above.isEmpty() ? Severity.LOW : Severity.MODERATE,
                    Text.of("advice.doseLimit.outsideUsual", describeOrder(true), and(parts), text(limit.maxSingle()),
                            text(limit.maxDaily()), limit.source(), allowanceUsed(), dailyUnknown(), note()));
        }
        return answer(Verdict.WITHIN_USUAL, Severity.LOW, Text.of("advice.doseLimit.withinUsual", describeOrder(true),
                range(limit.usualSingle()),
                daily.isPresent() ? Text.of("advice.doseLimit.andDaily", range(limit.usualDaily())) : Text.empty(),
                limit.source(), allowanceUsed(), dailyUnknown()));
    }

    private List<Text> overMaximum(OptionalDouble daily, OptionalDouble weekly) {
        List<Text> over = new ArrayList<>();
        if (overUpper(single, limit.maxSingle())) {
            over.add(Text.of("advice.doseLimit.over.single", text(limit.maxSingle())));
        }
        if (daily.isPresent() && overUpper(daily.getAsDouble(), limit.maxDaily())) {
            over.add(Text.of("advice.doseLimit.over.daily", text(limit.maxDaily())));
        }
        if (weekly.isPresent() && overUpper(weekly.getAsDouble(), limit.maxWeekly().getAsDouble())) {
            over.add(Text.of("advice.doseLimit.over.weekly", text(limit.maxWeekly().getAsDouble())));
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

    private void usual(String which, double dose, DoseLimit.Range range, List<Text> above, List<Text> under) {
        boolean daily = which.equals(DAILY);
        if (overUpper(dose, range.high())) {
            above.add(Text.of(daily ? "advice.doseLimit.aboveUsual.daily" : "advice.doseLimit.aboveUsual.single",
                    range(range)));
        } else if (below(dose, range.low())) {
            under.add(Text.of(daily ? "advice.doseLimit.belowUsual.daily" : "advice.doseLimit.belowUsual.single",
                    range(range)));
        }
    }

    /** "a and b and c", as the verdicts join the limits a dose passes. */
    private static Text and(List<Text> parts) {
        Text joined = parts.getFirst();
        for (Text next : parts.subList(1, parts.size())) {
            joined = Text.of("advice.join.and", joined, next);
        }
        return joined;
    }

    /** "5 to 10 mg", or "5 mg" when the range is one figure (as {@link DoseLimit.Range#text}). */
    private Text range(DoseLimit.Range range) {
        Text amounts = range.low() == range.high() ? Text.verbatim(Amounts.text(range.low()))
                : Text.of("advice.doseLimit.range", Amounts.text(range.low()), Amounts.text(range.high()));
        return Text.of("advice.doseLimit.amount", amounts, limit.doseUnit());
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
    private Text describeSingle() {
        return !unit.equals(limit.unit()) || limit.basis() != Basis.ABSOLUTE
                ? Text.of("advice.doseLimit.converted", typed(), text(single), sizeText) : typed();
    }

    /**
     * "metformin 1000 mg twice daily (2000 mg a day)": the order with what it comes to, where it differs; the day's
     * total only when {@code withDaily}.
     */
    private Text describeOrder(boolean withDaily) {
        List<Text> details = new ArrayList<>();
        if (!unit.equals(limit.unit()) || limit.basis() != Basis.ABSOLUTE) {
            details.add(Text.of("advice.doseLimit.perDose", text(single), sizeText));
        }
        OptionalDouble daily = daily();
        if (withDaily && daily.isPresent() && perDay.getAsDouble() != 1 && !DosesPerDay.weekly(frequency)) {
            details.add(Text.of("advice.doseLimit.aDay", text(daily.getAsDouble())));
        }
        OptionalDouble weekly = weekly();
        if (withDaily && weekly.isPresent() && !DosesPerDay.weekly(frequency)) {
            details.add(Text.of("advice.doseLimit.aWeek", text(weekly.getAsDouble())));
        }
        Text order = frequency.isEmpty() ? typed() : Text.of("advice.doseLimit.withFrequency", typed(), frequency);
        if (details.isEmpty()) {
            return order;
        }
        Text joined = details.getFirst();
        for (Text next : details.subList(1, details.size())) {
            joined = Text.of("advice.join.semicolon", joined, next);
        }
        return Text.of("advice.doseLimit.withDetails", order, joined);
    }

    /** The dose as typed: "warfarin 5000 mcg". */
    private Text typed() {
        return Text.of("advice.doseLimit.typed", limit.drug(), Amounts.text(amount), unit);
    }

    private Text text(double rowAmount) {
        return Text.of("advice.doseLimit.amount", Amounts.text(rowAmount), limit.doseUnit());
    }

    private Text dailyUnknown() {
        if (perDay.isPresent()) {
            return Text.empty();
        }
        return DosesPerDay.asNeeded(frequency) ? Text.of("advice.doseLimit.asNeeded", text(limit.maxDaily()))
                : frequency.isEmpty() ? Text.of("advice.doseLimit.noFrequency", text(limit.maxDaily()))
                : Text.of("advice.doseLimit.unknownFrequency", frequency, text(limit.maxDaily()));
    }

    private Text allowanceUsed() {
        return allowanceUsed ? Text.of("advice.doseLimit.allowance", Amounts.text(allowance * 100)) : Text.empty();
    }

    private Text note() {
        return limit.comment().isEmpty() ? Text.empty() : Text.of("advice.doseLimit.note", limit.comment());
    }

    /** The likely slip behind a refused dose, when a unit or a factor of ten or a hundred gives a usual dose. */
    private Text slip(boolean tooHigh) {
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
                Text meant = Text.of("advice.doseLimit.amount", Amounts.text(amount), other.get());
                Text converted = other.get().equals(limit.unit()) && limit.basis() == Basis.ABSOLUTE ? Text.empty()
                        : Text.of("advice.doseLimit.slipConverted", text(candidate), sizeText);
                return Text.of("advice.doseLimit.slipUnit", meant, converted, unit, other.get());
            }
            double meant = tooHigh ? amount / factor : amount * factor;
            Text zeros = Text.of(factor == 10 ? (tooHigh ? "advice.doseLimit.extraZero" : "advice.doseLimit.missingZero")
                    : (tooHigh ? "advice.doseLimit.twoExtraZeros" : "advice.doseLimit.twoMissingZeros"));
            return Text.of("advice.doseLimit.slipZeros", Amounts.text(meant), unit, zeros);
        }
        return Text.empty();
    }

    // ------------------------------------------------------------------------------------------ answers

    private DoseLimitAdvice refused(Text text) {
        return answer(Verdict.REFUSED, Severity.HIGH, text);
    }

    private DoseLimitAdvice answer(Verdict verdict, Severity severity, Text text) {
        boolean worked = verdict != Verdict.NOT_CHECKED && single > 0;
        return new DoseLimitAdvice(limit.drug(), limit.route(), verdict,
                new Recommendation(severity, text.english(), "", Optional.empty(), limit.source(), text), Optional.of(limit),
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
