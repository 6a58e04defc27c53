package org.outpost.app.monitoring;

import java.util.Locale;
import java.util.Optional;

/**
 * What a monitored series measures, in the one unit Outpost keeps it in, with the range a real reading can take (a
 * value outside it is a unit or typing error, refused on import) and the resolution it is stored at.
 *
 * @param unit         the unit, as shown (UCUM where it differs is in {@link #ucum()})
 * @param min          the smallest plausible reading
 * @param max          the largest plausible reading
 * @param resolution   readings are stored rounded to this step (a device's own resolution or finer)
 */
public enum Measure {
    /** Heart rate, /min (wearables: every few seconds to every minute). */
    HEART_RATE("/min", "/min", "8867-4", 20, 250, 1),
    /** Interstitial (sensor) glucose, mg/dL (CGM: every 5 or 15 minutes). */
    GLUCOSE("mg/dL", "mg/dL", "2339-0", 20, 600, 1),
    /** Home systolic blood pressure, mmHg. */
    SYSTOLIC_BP("mmHg", "mm[Hg]", "8480-6", 50, 260, 1),
    /** Home diastolic blood pressure, mmHg. */
    DIASTOLIC_BP("mmHg", "mm[Hg]", "8462-4", 25, 160, 1),
    /** Body weight, kg. */
    WEIGHT("kg", "kg", "29463-7", 2, 350, 0.05);

    private final String unit;
    private final String ucum;
    private final String loinc;
    private final double min;
    private final double max;
    private final double resolution;

    Measure(String unit, String ucum, String loinc, double min, double max, double resolution) {
        this.unit = unit;
        this.ucum = ucum;
        this.loinc = loinc;
        this.min = min;
        this.max = max;
        this.resolution = resolution;
    }

    public String unit() {
        return unit;
    }

    /** The UCUM code of {@link #unit()}. */
    public String ucum() {
        return ucum;
    }

    /** The LOINC code a FHIR Observation of this measure carries (glucose: 2339-0 or CGM 2340-8/99504-3, see interop). */
    public String loinc() {
        return loinc;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double resolution() {
        return resolution;
    }

    /** Whether {@code value} (in {@link #unit()}) can be a real reading. */
    public boolean plausible(double value) {
        return value >= min && value <= max;
    }

    /** The value rounded to the stored resolution. */
    public double round(double value) {
        return Math.round(value / resolution) * resolution;
    }

    /** The stable code used in files, the command line and the database: {@code heart-rate}, {@code glucose}, …. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The measure with this {@link #code()} (or enum name), if any. */
    public static Optional<Measure> fromCode(String code) {
        for (Measure m : values()) {
            if (m.code().equalsIgnoreCase(code.strip()) || m.name().equalsIgnoreCase(code.strip())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
