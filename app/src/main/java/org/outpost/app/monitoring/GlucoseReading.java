package org.outpost.app.monitoring;

import java.time.Instant;
import java.util.Objects;

/**
 * One sensor glucose value.
 *
 * @param mgPerDl the value in mg/dL (a sensor reading below or above its range is recorded at the limit it reports)
 */
public record GlucoseReading(Instant at, double mgPerDl) {
    /** A reading outside this is not a glucose value but a unit or typing error (mmol/L taken as mg/dL, 10 MB…). */
    public static final double MIN_MG_PER_DL = 20;
    public static final double MAX_MG_PER_DL = 600;

    public GlucoseReading {
        Objects.requireNonNull(at, "at");
        if (!(mgPerDl >= MIN_MG_PER_DL && mgPerDl <= MAX_MG_PER_DL)) {
            throw new IllegalArgumentException("A sensor glucose is " + MIN_MG_PER_DL + " to " + MAX_MG_PER_DL
                    + " mg/dL; " + mgPerDl + " is not (mmol/L given as mg/dL?)");
        }
    }
}
