package org.outpost.app.monitoring;

/**
 * A patient's own heart-rate normal by hour of the day, and the sustained departures from it (a fever, an infection,
 * a new arrhythmia, a lost night-time dip), from a wearable's readings every few seconds to every minute.
 *
 * <p><b>Summary of an hour: its 10th percentile, the near-resting rate.</b> Wearable studies that find illness in
 * heart-rate data watch the resting rate, not the average, because activity swamps the average: Radin JM et al.
 * Lancet Digit Health 2020;2:e85–e93 (influenza-like illness from Fitbit resting heart rate); Mishra T et al. Nat
 * Biomed Eng 2020;4:1208–1220 (COVID-19 from smartwatch resting heart rate, with a CUSUM). An hour's
 * {@value #SUMMARY_QUANTILE} quantile is the rate the wearer comes back to between bouts of activity. On the real
 * Fitbit export in {@code shared/data/timeseries} its day-to-day spread per hour is about 4–9 /min, where the
 * hour's median spreads 6–26 /min (the walking and running hours), so the band can be narrower and still quiet.
 * The band, {@link Deviation#baseline()} and {@link Deviation#observed()} are therefore in terms of the hour's
 * near-resting rate, and a chart should say so ("resting band"). A fever or an infection raises the whole hour,
 * its low part included; a run raises its top.
 *
 * <p><b>Method, and why.</b> A {@link RollingBaseline} per clock hour of the day: the band for an hour of the day is
 * the median ± {@value #K} scaled MADs of that hour's summaries over the {@value #WINDOW_DAYS} days before (Leys et
 * al. 2013, J Exp Soc Psychol 49:764; 2.5 is their recommended default). Hour-of-day bins carry the daily rhythm
 * (night-time rates well below day-time ones) without a seasonal model to fit; medians keep a fever day or a spike
 * hour in the window from dragging the band. A day is compared only with the days before it, so a change that
 * lasts (a new medicine, training) becomes the new normal after about two weeks, half the window. The band is at
 * least ±{@value #MIN_HALF_WIDTH} /min so a very regular hour does not flag ordinary variation (resting heart rate
 * varies by several beats a day with posture, meals and caffeine).
 *
 * <p><b>Sustained.</b> {@value #SUSTAINED_HOURS} consecutive clock hours outside the band on the same side: a
 * climb of stairs, a run or a loose strap lasts minutes, a fever or an infection hours to days. Slow drift:
 * {@link DriftCusum} on each day's median standardised hourly residual.
 *
 * <p>Fewer than {@value #MIN_DAYS} days with readings: not established (a week covers weekday and weekend rhythms).
 */
public final class HeartRateBaseline extends RollingBaseline {
    /** Days with readings needed before a day is assessed. */
    public static final int MIN_DAYS = 7;
    /** The learning window, days. */
    public static final int WINDOW_DAYS = 28;
    /** Band half-width in scaled MADs. */
    public static final double K = 2.5;
    /** The narrowest band half-width, /min. */
    public static final double MIN_HALF_WIDTH = 8;
    /** Consecutive deviating hours before a sustained deviation. */
    public static final int SUSTAINED_HOURS = 3;
    /** Days an hour of the day needs in the window before it has a band. */
    public static final int MIN_DAYS_PER_HOUR = 4;
    /** The quantile of an hour's readings that summarises it: the near-resting rate. */
    public static final double SUMMARY_QUANTILE = 0.1;
    /** Readings an hour needs before its summary counts (a few stray points are not an hour). */
    public static final int MIN_READINGS_PER_HOUR = 6;
    /** CUSUM allowance k (a one-SD shift) and decision interval h, standard units (Montgomery 2009 §9.1). */
    public static final double CUSUM_K = 0.5;
    public static final double CUSUM_H = 5;

    /** The settings. */
    public static final BaselineSettings SETTINGS = new BaselineSettings(Measure.HEART_RATE,
            BaselineSettings.Period.HOUR_OF_DAY, MIN_DAYS, WINDOW_DAYS, MIN_DAYS_PER_HOUR, SUMMARY_QUANTILE, MIN_READINGS_PER_HOUR, K,
            MIN_HALF_WIDTH, SUSTAINED_HOURS, CUSUM_K, CUSUM_H);

    /** The detector. */
    public HeartRateBaseline() {
        // the settings are constants
    }

    @Override
    public BaselineSettings settings() {
        return SETTINGS;
    }
}
