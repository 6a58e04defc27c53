package org.outpost.app.monitoring;

/**
 * A patient's own home blood pressure (systolic or diastolic), from 1–4 readings a day on some days, and the
 * sustained departures from it (a medicine stopped or started, a rise over weeks).
 *
 * <p><b>Method, and why.</b> A {@link RollingBaseline} per day: the day's median reading against the median of the
 * day medians of the {@value #WINDOW_DAYS} days before, ± {@value #K} scaled MADs (Leys et al. 2013). Home readings
 * are sparse and have no hour-of-day pattern worth learning from two a day; guidelines average them over days
 * (ESH home-monitoring protocol: duplicate morning and evening readings over 7 days; Stergiou GS et al. "2021
 * European Society of Hypertension practice guidelines for office and out-of-office blood pressure measurement."
 * J Hypertens 2021;39:1293–1302). {@value #MIN_DAYS} reading days are needed, the same week.
 *
 * <p><b>Band at least ±{@value #MIN_HALF_WIDTH} mmHg</b>: the validation standard for BP monitors (ISO 81060-2,
 * the AAMI/ESH/ISO universal standard, Stergiou GS et al. Hypertension 2018;71:368–374) accepts a mean error up to
 * 5 mmHg with an SD up to 8 mmHg against the reference, so a narrower band would flag the device.
 *
 * <p><b>Sustained: {@value #SUSTAINED_DAYS} consecutive reading days</b> outside the band on the same side (one
 * high day after a bad night or a white-coat morning is common, three in a row are not). Slow drift:
 * {@link DriftCusum} on the day's standardised residual.
 */
public final class HomeBloodPressureBaseline extends RollingBaseline {
    /** Reading days needed before a day is assessed. */
    public static final int MIN_DAYS = 7;
    /** The learning window, days. */
    public static final int WINDOW_DAYS = 28;
    /** Band half-width in scaled MADs. */
    public static final double K = 2.5;
    /** The narrowest band half-width, mmHg. */
    public static final double MIN_HALF_WIDTH = 8;
    /** Consecutive deviating reading days before a sustained deviation. */
    public static final int SUSTAINED_DAYS = 3;
    /** CUSUM allowance k and decision interval h, standard units (Montgomery 2009 §9.1). */
    public static final double CUSUM_K = 0.5;
    public static final double CUSUM_H = 5;

    private final BaselineSettings settings;

    /**
     * The detector for home systolic or diastolic pressure.
     *
     * @throws IllegalArgumentException for any other measure
     */
    public HomeBloodPressureBaseline(Measure measure) {
        this.settings = settings(measure);
    }

    @Override
    public BaselineSettings settings() {
        return settings;
    }

    /** The settings for {@link Measure#SYSTOLIC_BP} or {@link Measure#DIASTOLIC_BP}. */
    public static BaselineSettings settings(Measure measure) {
        if (measure != Measure.SYSTOLIC_BP && measure != Measure.DIASTOLIC_BP) {
            throw new IllegalArgumentException("A home blood pressure baseline is for systolic or diastolic pressure,"
                    + " not " + measure.code());
        }
        return new BaselineSettings(measure, BaselineSettings.Period.DAY, MIN_DAYS, WINDOW_DAYS, MIN_DAYS, 0.5, 1, K,
                MIN_HALF_WIDTH, SUSTAINED_DAYS, CUSUM_K, CUSUM_H);
    }
}
