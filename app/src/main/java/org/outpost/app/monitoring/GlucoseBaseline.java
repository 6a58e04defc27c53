package org.outpost.app.monitoring;

/**
 * A patient's own sensor-glucose pattern (meals, overnight) by hour of the day, from a CGM reading every 5 (or 15)
 * minutes, and the sustained departures from it. The standard summary of the same series is {@link CgmSummary}.
 *
 * <p><b>Method, and why.</b> A {@link RollingBaseline} per clock hour of the day, as for heart rate: meals at
 * roughly the same times make post-meal rises a pattern of the hour, and the overnight hours their own flat part;
 * the hour's median ignores a single compression low or a calibration glitch.
 *
 * <p><b>Days needed: {@value #MIN_DAYS}.</b> The consensus wants 14 days of wear for the summary metrics to
 * stand for three months (Battelino T et al. Diabetes Care 2019;42:1593–1603), but the baseline only needs each
 * hour's typical value: with 4 days, the median of an hour is the mean of the middle two, which one atypical day
 * (a late dinner, a sensor's first day) cannot move far, and a 10-day sensor session then has 5–6 days assessed
 * (the real Dexcom G6 export in {@code shared/data/timeseries} holds 9 calendar days). An hour needs
 * {@value #MIN_DAYS_PER_HOUR} of them.
 *
 * <p><b>Band.</b> ±{@value #K} scaled MADs, at least ±{@value #MIN_HALF_WIDTH} mg/dL: the iCGM special controls
 * (21 CFR 862.1355) accept sensor readings within 15 mg/dL (below 70) or 15 % (above) of the reference, so a band
 * narrower than that would flag sensor error.
 *
 * <p><b>Sustained: {@value #SUSTAINED_HOURS} consecutive hours</b> outside the band on the same side. A meal's
 * rise is back near baseline within 2–3 hours in people without diabetes and about 3 hours with it (ADA Standards of
 * Care: post-prandial glucose measured 1–2 h after the start of the meal), so three hours is more than a meal
 * eaten an hour late. Slow drift: {@link DriftCusum}, h = {@value #CUSUM_H} as for the other measures.
 */
public final class GlucoseBaseline extends RollingBaseline {
    /** Days with readings needed before a day is assessed. */
    public static final int MIN_DAYS = 4;
    /** The learning window, days. */
    public static final int WINDOW_DAYS = 28;
    /** Band half-width in scaled MADs. */
    public static final double K = 2.5;
    /** The narrowest band half-width, mg/dL. */
    public static final double MIN_HALF_WIDTH = 20;
    /** Consecutive deviating hours before a sustained deviation. */
    public static final int SUSTAINED_HOURS = 3;
    /** Days an hour of the day needs in the window before it has a band. */
    public static final int MIN_DAYS_PER_HOUR = 3;
    /** Readings an hour needs before its median counts: half of the 12 a 5-minute sensor gives. */
    public static final int MIN_READINGS_PER_HOUR = 6;
    /** CUSUM allowance k and decision interval h, standard units (Montgomery 2009 §9.1). */
    public static final double CUSUM_K = 0.5;
    public static final double CUSUM_H = 5;

    /** The settings. */
    public static final BaselineSettings SETTINGS = new BaselineSettings(Measure.GLUCOSE,
            BaselineSettings.Period.HOUR_OF_DAY, MIN_DAYS, WINDOW_DAYS, MIN_DAYS_PER_HOUR, 0.5, MIN_READINGS_PER_HOUR, K,
            MIN_HALF_WIDTH, SUSTAINED_HOURS, CUSUM_K, CUSUM_H);

    /** The detector. */
    public GlucoseBaseline() {
        // the settings are constants
    }

    @Override
    public BaselineSettings settings() {
        return SETTINGS;
    }
}
