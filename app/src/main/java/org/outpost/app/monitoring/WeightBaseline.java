package org.outpost.app.monitoring;

/**
 * A patient's own body weight, from home scales (usually one reading a morning, some days missed), and the
 * sustained departures from it — above all fluid retention in heart failure.
 *
 * <p><b>Method, and why.</b> A {@link RollingBaseline} per day, as for home blood pressure: the day's median
 * against the median of the day medians of the {@value #WINDOW_DAYS} days before ± {@value #K} scaled MADs (Leys et
 * al. 2013), from {@value #MIN_DAYS} reading days.
 *
 * <p><b>Band at least ±{@value #MIN_HALF_WIDTH} kg</b>: day-to-day weight varies by about 0.5–1 kg with food,
 * fluid and clothes, and the heart-failure self-care rule is to act on a "sudden unexpected weight gain of &gt; 2 kg
 * in 3 days" (ESC heart-failure guidelines, Ponikowski P et al. Eur Heart J 2016;37:2129–2200, table of essential
 * self-care topics), so
 * ±1 kg keeps ordinary variation in and lets such a gain out by its second or third day.
 *
 * <p><b>Sustained: {@value #SUSTAINED_DAYS} consecutive reading days</b> outside the band on the same side, the
 * rule's three days. Slow drift (a kilogram a week over weeks): {@link DriftCusum}.
 */
public final class WeightBaseline extends RollingBaseline {
    /** Reading days needed before a day is assessed. */
    public static final int MIN_DAYS = 7;
    /** The learning window, days. */
    public static final int WINDOW_DAYS = 28;
    /** Band half-width in scaled MADs. */
    public static final double K = 2.5;
    /** The narrowest band half-width, kg. */
    public static final double MIN_HALF_WIDTH = 1;
    /** Consecutive deviating reading days before a sustained deviation. */
    public static final int SUSTAINED_DAYS = 3;
    /** CUSUM allowance k and decision interval h, standard units (Montgomery 2009 §9.1). */
    public static final double CUSUM_K = 0.5;
    public static final double CUSUM_H = 5;

    /** The settings. */
    public static final BaselineSettings SETTINGS = new BaselineSettings(Measure.WEIGHT, BaselineSettings.Period.DAY,
            MIN_DAYS, WINDOW_DAYS, MIN_DAYS, 0.5, 1, K, MIN_HALF_WIDTH, SUSTAINED_DAYS, CUSUM_K, CUSUM_H);

    /** The detector. */
    public WeightBaseline() {
        // the settings are constants
    }

    @Override
    public BaselineSettings settings() {
        return SETTINGS;
    }
}
