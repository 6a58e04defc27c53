package org.outpost.app.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A vital sign or laboratory measure Outpost records: its LOINC code, canonical UCUM unit, the other
 * units a user may enter it in, and two ranges in the canonical unit.
 *
 * <ul>
 *   <li><b>possible</b>: outside it the value cannot be a human measurement (a negative weight,
 *       SpO2 above 100 %): refused as impossible.</li>
 *   <li><b>plausible</b>: outside it the value is almost surely a typo or a unit mix-up (a systolic
 *       pressure of 400 mmHg, a temperature of 20 °C): refused as implausible.</li>
 * </ul>
 *
 * Plausible ranges are deliberately wide (survivable extremes reported in the clinical literature) so
 * real critical values are never refused. Conversion factors: cholesterol 38.67 mg/dL per mmol/L
 * (molar mass 386.65 g/mol), glucose 18.016 (180.16 g/mol), creatinine 88.42 µmol/L per mg/dL
 * (113.12 g/mol); HbA1c IFCC↔NGSP master equation NGSP = 0.09148 × IFCC + 2.152 (Hoelzel et al., Clin
 * Chem 2004).
 *
 * <p>Cystatin C (LOINC 33863-2, mg/L only): plausible 0.2–10 mg/L. Healthy adults measure about 0.6–1.0 mg/L
 * on IFCC-standardised assays (ERM-DA471/IFCC), and values rise to about 5–8 mg/L in kidney failure; below
 * 0.2 or above 10 mg/L is almost surely an error or a result in another unit (1 mg/L ≈ 75 nmol/L, molar mass
 * about 13.3 kDa), so nmol/L is not accepted: a value in nmol/L typed as mg/L is refused as implausible or
 * impossible rather than converted. Possible: 0–50 mg/L. (Ranges are Outpost's, chosen from these
 * reference intervals; they are not from a single published source.)
 */
public enum Measure {
    SYSTOLIC_BP("8480-6", Category.VITAL, Unit.MM_HG, 0, 350, 50, 300, 0),
    DIASTOLIC_BP("8462-4", Category.VITAL, Unit.MM_HG, 0, 250, 20, 200, 0),
    HEART_RATE("8867-4", Category.VITAL, Unit.PER_MIN, 0, 400, 20, 300, 0),
    BODY_TEMPERATURE("8310-5", Category.VITAL, Unit.CELSIUS, 0, 50, 25, 45, 1,
            conv(Unit.FAHRENHEIT, 5.0 / 9.0, -32.0 * 5.0 / 9.0)),
    BODY_WEIGHT("29463-7", Category.VITAL, Unit.KG, 0.2, 700, 0.3, 400, 1,
            conv(Unit.LB, 0.45359237, 0)),
    BODY_HEIGHT("8302-2", Category.VITAL, Unit.CM, 10, 300, 20, 260, 1,
            conv(Unit.INCH, 2.54, 0)),
    OXYGEN_SATURATION("59408-5", Category.VITAL, Unit.PERCENT, 0, 100, 40, 100, 0),
    TOTAL_CHOLESTEROL("2093-3", Category.LAB, Unit.MG_PER_DL, 0, 3000, 40, 1000, 0,
            conv(Unit.MMOL_PER_L, 38.67, 0)),
    HDL_CHOLESTEROL("2085-9", Category.LAB, Unit.MG_PER_DL, 0, 500, 5, 250, 0,
            conv(Unit.MMOL_PER_L, 38.67, 0)),
    CREATININE("2160-0", Category.LAB, Unit.MG_PER_DL, 0, 60, 0.1, 30, 2,
            conv(Unit.UMOL_PER_L, 1 / 88.42, 0)),
    HBA1C("4548-4", Category.LAB, Unit.PERCENT, 0, 30, 3, 20, 1,
            conv(Unit.MMOL_PER_MOL, 0.09148, 2.152)),
    INR("6301-6", Category.LAB, Unit.INR, 0, 30, 0.5, 20, 1),
    GLUCOSE("2345-7", Category.LAB, Unit.MG_PER_DL, 0, 5000, 10, 2000, 0,
            conv(Unit.MMOL_PER_L, 18.016, 0)),
    CYSTATIN_C("33863-2", Category.LAB, Unit.MG_PER_L, 0, 50, 0.2, 10, 2);

    /** Vitals are taken at the bedside; labs come from a laboratory. */
    public enum Category { VITAL, LAB }

    /** canonical = value × factor + offset. */
    private record Conversion(Unit unit, double factor, double offset) { }

    private final String loinc;
    private final Category category;
    private final Unit canonicalUnit;
    private final double possibleMin;
    private final double possibleMax;
    private final double plausibleMin;
    private final double plausibleMax;
    private final int decimals;
    private final Map<Unit, Conversion> conversions;

    Measure(String loinc, Category category, Unit canonicalUnit, double possibleMin, double possibleMax,
            double plausibleMin, double plausibleMax, int decimals, Conversion... others) {
        this.loinc = loinc;
        this.category = category;
        this.canonicalUnit = canonicalUnit;
        this.possibleMin = possibleMin;
        this.possibleMax = possibleMax;
        this.plausibleMin = plausibleMin;
        this.plausibleMax = plausibleMax;
        this.decimals = decimals;
        Map<Unit, Conversion> map = new LinkedHashMap<>();
        map.put(canonicalUnit, new Conversion(canonicalUnit, 1, 0));
        for (Conversion c : others) {
            map.put(c.unit(), c);
        }
        this.conversions = Map.copyOf(map);
        this.unitOrder = List.copyOf(map.keySet());
    }

    private final List<Unit> unitOrder;

    private static Conversion conv(Unit unit, double factor, double offset) {
        return new Conversion(unit, factor, offset);
    }

    public String loinc() {
        return loinc;
    }

    public Category category() {
        return category;
    }

    public Unit canonicalUnit() {
        return canonicalUnit;
    }

    /** Units a user may enter this measure in, canonical first. */
    public List<Unit> units() {
        return unitOrder;
    }

    public boolean accepts(Unit unit) {
        return conversions.containsKey(unit);
    }

    /** Decimal places worth showing in the canonical unit. */
    public int decimals() {
        return decimals;
    }

    public double possibleMin() {
        return possibleMin;
    }

    public double possibleMax() {
        return possibleMax;
    }

    public double plausibleMin() {
        return plausibleMin;
    }

    public double plausibleMax() {
        return plausibleMax;
    }

    /** Converts a quantity of this measure to {@code target}. */
    public Quantity convert(Quantity q, Unit target) {
        Conversion from = conversionFor(q.unit());
        Conversion to = conversionFor(target);
        double canonical = q.value() * from.factor() + from.offset();
        return new Quantity((canonical - to.offset()) / to.factor(), target);
    }

    public Quantity toCanonical(Quantity q) {
        return convert(q, canonicalUnit);
    }

    private Conversion conversionFor(Unit unit) {
        Conversion c = conversions.get(unit);
        if (c == null) {
            throw new IllegalArgumentException(unit.display() + " is not a unit for " + name());
        }
        return c;
    }

    public static Optional<Measure> byLoinc(String loinc) {
        return Arrays.stream(values()).filter(m -> m.loinc.equals(loinc)).findFirst();
    }

    public static List<Measure> vitals() {
        return Arrays.stream(values()).filter(m -> m.category == Category.VITAL).toList();
    }

    public static List<Measure> labs() {
        return Arrays.stream(values()).filter(m -> m.category == Category.LAB).toList();
    }

    /** Formats a number without trailing zeros (120, 5.5, 0.93). */
    public static String format(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
