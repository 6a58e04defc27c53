package org.outpost.app.monitoring;

import java.util.Objects;

/**
 * The numbers that make a {@link RollingBaseline} for one measure. Each detector class ({@link HeartRateBaseline},
 * {@link GlucoseBaseline}, {@link HomeBloodPressureBaseline}, {@link WeightBaseline}) says why it chose its values.
 *
 * @param measure            the measure assessed
 * @param period             the period a reading is summarised over (a quantile of its readings, usually the median): an hour of the day for a daily
 *                           rhythm, the day for sparse home readings
 * @param minDays            days with readings, within the window before a day, needed before that day is assessed
 * @param windowDays         the learning window: a day is compared with the (up to) this many calendar days before it
 * @param minDaysPerBin      days an hour of the day needs in the window before it has a band (the day itself for
 *                           {@link Period#DAY})
 * @param summaryQuantile    the quantile of a period's readings that summarises it: 0.5, the median, except where a
 *                           lower quantile is steadier (heart rate: the hour's near-resting rate)
 * @param minReadings        readings a period needs before its summary counts (a few stray points are not an hour)
 * @param k                  the band's half-width in scaled MADs
 * @param minHalfWidth       the narrowest half-width, in the measure's unit (measurement error and ordinary noise)
 * @param sustainedPeriods   consecutive periods outside the band, on the same side, before a sustained deviation
 * @param cusumK             the CUSUM reference value (allowance), in standard units
 * @param cusumH             the CUSUM decision interval, in standard units
 */
public record BaselineSettings(Measure measure, Period period, int minDays, int windowDays, int minDaysPerBin,
                               double summaryQuantile, int minReadings, double k, double minHalfWidth, int sustainedPeriods, double cusumK,
                               double cusumH) {
    public BaselineSettings {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(period, "period");
        if (minDays < 1 || windowDays < minDays || minDaysPerBin < 1 || minDaysPerBin > windowDays || !(summaryQuantile > 0 && summaryQuantile < 1) || minReadings < 1
                || !(k > 0) || !(minHalfWidth > 0) || sustainedPeriods < 1 || !(cusumK >= 0) || !(cusumH > 0)) {
            throw new IllegalArgumentException("Baseline settings out of range for " + measure.code());
        }
    }

    /** The period a reading is summarised over. */
    public enum Period {
        /** A clock hour; the baseline is per hour of the day (24 bands). */
        HOUR_OF_DAY,
        /** A calendar day; one band. */
        DAY
    }
}
