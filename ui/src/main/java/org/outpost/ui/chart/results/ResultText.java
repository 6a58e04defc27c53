package org.outpost.ui.chart.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Unit;
import org.outpost.app.results.ReferenceRange;
import org.outpost.app.results.ResultFlag;
import org.outpost.app.results.ResultUnits;
import org.outpost.ui.text.UiText;

/** How results read: numbers to the places their unit is reported in, reference ranges and flags in words. */
public final class ResultText {
    private final UiText text;

    public ResultText(UiText text) {
        this.text = Objects.requireNonNull(text);
    }

    /** A value of {@code measure} in {@code unit}, to the places that unit is reported in (5.5, 88, 0.93). */
    public String number(Measure measure, Unit unit, double value) {
        int places = ResultUnits.decimals(measure, unit);
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
        return (rounded.signum() == 0 ? BigDecimal.ZERO.setScale(places) : rounded).toPlainString();
    }

    /** A range in its unit: "70–99 mg/dL", "≤ 199 mg/dL" or "≥ 40 mg/dL". */
    public String range(Measure measure, ReferenceRange range) {
        String unit = range.unit().display();
        if (range.low().isPresent() && range.high().isPresent()) {
            return text.get("results.range.between", number(measure, range.unit(), range.low().getAsDouble()),
                    number(measure, range.unit(), range.high().getAsDouble()), unit);
        }
        if (range.low().isPresent()) {
            return text.get("results.range.atLeast", number(measure, range.unit(), range.low().getAsDouble()), unit);
        }
        return text.get("results.range.atMost", number(measure, range.unit(), range.high().getAsDouble()), unit);
    }

    /** The flag as a laboratory report prints it: H, L, HH, LL; empty when normal. */
    public String symbol(ResultFlag flag) {
        return switch (flag) {
            case NORMAL -> "";
            case LOW -> text.get("results.flag.low");
            case HIGH -> text.get("results.flag.high");
            case CRITICAL_LOW -> text.get("results.flag.criticalLow");
            case CRITICAL_HIGH -> text.get("results.flag.criticalHigh");
        };
    }

    /** The flag in words. */
    public String name(ResultFlag flag) {
        return switch (flag) {
            case NORMAL -> text.get("results.flagName.normal");
            case LOW -> text.get("results.flagName.low");
            case HIGH -> text.get("results.flagName.high");
            case CRITICAL_LOW -> text.get("results.flagName.criticalLow");
            case CRITICAL_HIGH -> text.get("results.flagName.criticalHigh");
        };
    }

    /** A value with its unit and, when abnormal, its flag: "162 mg/dL H". */
    public String valueWithFlag(String number, String unit, String flag) {
        return flag.isEmpty() ? text.get("results.value", number, unit)
                : text.get("results.valueFlagged", number, unit, flag);
    }

    /** The CSS class of a flag's cell and trend point: result-low, result-high, result-critical-low, … */
    public static String styleClass(ResultFlag flag) {
        return switch (flag) {
            case NORMAL -> "result-normal";
            case LOW -> "result-low";
            case HIGH -> "result-high";
            case CRITICAL_LOW -> "result-critical-low";
            case CRITICAL_HIGH -> "result-critical-high";
        };
    }
}
