package org.outpost.app.monitoring;

import java.util.Objects;

/** The personal-baseline detector Outpost uses for each {@link Measure}. */
public final class MonitoringDetectors {
    private MonitoringDetectors() {
    }

    /** The detector for {@code measure}. */
    public static RollingBaseline forMeasure(Measure measure) {
        Objects.requireNonNull(measure, "measure");
        return switch (measure) {
            case HEART_RATE -> new HeartRateBaseline();
            case GLUCOSE -> new GlucoseBaseline();
            case SYSTOLIC_BP, DIASTOLIC_BP -> new HomeBloodPressureBaseline(measure);
            case WEIGHT -> new WeightBaseline();
        };
    }
}
