package org.outpost.interop.monitoring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.outpost.app.monitoring.Measure;

/**
 * The units each measure is accepted in (CSV spellings and UCUM codes, compared ignoring case), with the factor to the
 * measure's own unit ({@link Measure#unit()}).
 */
final class Units {
    /**
     * mmol/L to mg/dL for glucose: the molar mass of glucose, C6H12O6, is 180.156 g/mol (from IUPAC standard atomic
     * weights, C 12.011, H 1.008, O 15.999), so 1 mmol/L = 180.16 mg/L = 18.016 mg/dL.
     */
    static final double GLUCOSE_MG_PER_DL_PER_MMOL_PER_L = 18.016;
    /** 1 mmHg = 133.322387415 Pa (definition: 13.5951 g/cm3 × 9.80665 m/s2 × 1 mm), so 1 kPa = 7.50062 mmHg. */
    static final double MMHG_PER_KPA = 1000 / 133.322387415;
    /** The international avoirdupois pound is exactly 0.45359237 kg (International Yard and Pound Agreement, 1959). */
    static final double KG_PER_LB = 0.45359237;

    private static final Map<Measure, Map<String, Double>> FACTORS = Map.of(
            Measure.HEART_RATE, Map.of("/min", 1.0, "bpm", 1.0, "beats/min", 1.0, "{beats}/min", 1.0),
            Measure.GLUCOSE, Map.of("mg/dl", 1.0, "mmol/l", GLUCOSE_MG_PER_DL_PER_MMOL_PER_L),
            Measure.SYSTOLIC_BP, Map.of("mmhg", 1.0, "mm[hg]", 1.0, "kpa", MMHG_PER_KPA),
            Measure.DIASTOLIC_BP, Map.of("mmhg", 1.0, "mm[hg]", 1.0, "kpa", MMHG_PER_KPA),
            Measure.WEIGHT, Map.of("kg", 1.0, "g", 0.001, "lb", KG_PER_LB, "[lb_av]", KG_PER_LB));

    private static final Map<Measure, List<String>> SHOWN = Map.of(
            Measure.HEART_RATE, List.of("/min", "bpm", "beats/min"),
            Measure.GLUCOSE, List.of("mg/dL", "mmol/L"),
            Measure.SYSTOLIC_BP, List.of("mmHg", "kPa"),
            Measure.DIASTOLIC_BP, List.of("mmHg", "kPa"),
            Measure.WEIGHT, List.of("kg", "g", "lb", "[lb_av]"));

    private Units() {
    }

    /** The factor from {@code unit} to {@code measure}'s own unit, or empty if the unit is not one of its units. */
    static OptionalDouble factor(Measure measure, String unit) {
        Double f = FACTORS.get(measure).get(unit.strip().toLowerCase(Locale.ROOT));
        return f == null ? OptionalDouble.empty() : OptionalDouble.of(f);
    }

    /** The units accepted for {@code measure}, for messages. */
    static String accepted(Measure measure) {
        return String.join(", ", SHOWN.get(measure));
    }

    /** How a message names the measure ("heart rate"). */
    static String name(Measure measure) {
        return switch (measure) {
            case HEART_RATE -> "heart rate";
            case GLUCOSE -> "glucose";
            case SYSTOLIC_BP -> "systolic blood pressure";
            case DIASTOLIC_BP -> "diastolic blood pressure";
            case WEIGHT -> "weight";
        };
    }
}
