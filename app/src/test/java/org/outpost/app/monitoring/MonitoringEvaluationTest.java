package org.outpost.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The detectors' precision and recall on labelled anomalies injected at seeded random positions into the REAL
 * series (Fitbit heart rate, Dexcom G6 glucose, {@link RealSeries}) and into SYNTHETIC series where no real one
 * exists (home blood pressure and weight, {@link SyntheticHomeSeries}; heart rate around the clock for the lost
 * nocturnal dip, {@link SyntheticHeartRate}). Method and the measured table: docs/monitoring-evaluation.md.
 *
 * <p>Per trial one anomaly is injected into a copy of the series and the whole copy assessed. <b>Recall</b>: the share
 * of trials with a deviation on the injected side overlapping the injected window. <b>Precision</b>: of all the
 * deviations raised in the trials, the share overlapping their injected window on its side — the unmodified
 * series' own false flags count against it in every trial. <b>Spikes</b> must not be flagged: the share of spike
 * trials in which a deviation not raised on the unmodified series covers a spike. <b>False flags</b>: deviations per
 * patient-week of assessed days on the unmodified series.
 *
 * <p>Each metric fails the test if it drops below what was measured when this was written minus {@value #MARGIN}
 * (false flags: rises above 1.5 × measured + 0.1 per week; spikes: any flagged).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringEvaluationTest {
    static final double MARGIN = 0.1;
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final long DAY = 86_400;

    private List<Reading> hr;
    private List<Reading> cgm;
    private LocalDate hrFirst;
    private LocalDate cgmFirst;
    private final Map<String, String> table = new TreeMap<>();

    /** A copy of a series with one anomaly, and where and which way it went. */
    record Labelled(List<Reading> series, Instant from, Instant to, Deviation.Direction direction) { }

    /** Counts over the trials of one anomaly type. */
    record Score(int trials, int detected, int matchedFlags, int flags) {
        double recall() {
            return (double) detected / trials;
        }

        double precision() {
            return flags == 0 ? Double.NaN : (double) matchedFlags / flags;
        }
    }

    @BeforeAll
    void read() throws IOException {
        hr = RealSeries.fitbitHeartRate();
        cgm = RealSeries.dexcomGlucose();
        hrFirst = hr.getFirst().at().atZone(UTC).toLocalDate();
        cgmFirst = cgm.getFirst().at().atZone(UTC).toLocalDate();
    }

    @AfterAll
    void print() {
        System.out.println("| measure | anomaly | trials | recall | precision | flags | median time to flag |");
        table.forEach((k, v) -> System.out.println("| " + k.replace(" / ", " | ") + " | " + v + " |"));
    }

    private static List<Reading> changed(List<Reading> series, Instant from, Instant to,
                                         Function<Reading, Double> value) {
        List<Reading> out = new ArrayList<>(series.size());
        for (Reading r : series) {
            boolean in = !r.at().isBefore(from) && r.at().isBefore(to);
            out.add(in ? new Reading(r.at(), value.apply(r)) : r);
        }
        return out;
    }

    private static List<Deviation> deviations(RollingBaseline detector, List<Reading> series) {
        return ((Assessment.Established) detector.assess(series, UTC)).deviations();
    }

    private Score score(String name, RollingBaseline detector, int trials, long seed,
                        Function<Random, Labelled> inject) {
        int detected = 0;
        int matched = 0;
        int flags = 0;
        List<Double> hoursToFlag = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            Labelled l = inject.apply(new Random(seed * 1_000 + i));
            // fed live, as a wearable's readings arrive: when was the injected change first reported?
            BaselineTracker tracker = detector.tracker(UTC);
            Instant firstReported = null;
            for (Reading r : l.series()) {
                for (Deviation d : tracker.accept(r)) {
                    if (firstReported == null && matches(d, l)) {
                        firstReported = r.at();
                    }
                }
            }
            boolean found = false;
            for (Deviation d : ((Assessment.Established) tracker.assessment()).deviations()) {
                flags++;
                if (matches(d, l)) {
                    matched++;
                    found = true;
                }
            }
            if (found) {
                detected++;
                Instant at = firstReported != null ? firstReported : l.series().getLast().at();
                hoursToFlag.add(Duration.between(l.from(), at).toMinutes() / 60.0);
            }
        }
        Score s = new Score(trials, detected, matched, flags);
        table.put(name, trials + " | " + fmt(s.recall()) + " | " + fmt(s.precision()) + " | " + flags + " | "
                + (hoursToFlag.isEmpty() ? "–" : fmt(RobustStats.median(
                        hoursToFlag.stream().mapToDouble(Double::doubleValue).toArray())) + " h"));
        return s;
    }

    private static boolean matches(Deviation d, Labelled l) {
        return d.direction() == l.direction() && d.start().isBefore(l.to()) && l.from().isBefore(d.end());
    }

    /**
     * The share of spike trials in which a spike was flagged: a deviation of the spiked series, not raised on the
     * unmodified one, covers a spike's time.
     */
    private double spikes(String name, RollingBaseline detector, int trials, long seed, int perTrial,
                          IntFunction<List<Reading>> unmodified, SpikeInjector inject) {
        int flagged = 0;
        for (int i = 0; i < trials; i++) {
            Random rnd = new Random(seed * 1_000 + i);
            List<Reading> base = unmodified.apply(i);
            List<Reading> spiked = new ArrayList<>(base);
            List<Instant> at = new ArrayList<>();
            for (int k = 0; k < perTrial; k++) {
                at.add(inject.spike(spiked, rnd));
            }
            List<Deviation> before = deviations(detector, base);
            boolean hit = deviations(detector, spiked).stream().filter(d -> !before.contains(d))
                    .anyMatch(d -> at.stream().anyMatch(t -> !t.isBefore(d.start()) && t.isBefore(d.end())));
            flagged += hit ? 1 : 0;
        }
        double rate = (double) flagged / trials;
        table.put(name, trials + " (" + trials * perTrial + " spikes) | " + fmt(rate) + " flagged | – | – | –");
        return rate;
    }

    /** Puts a spike into a series, in place. */
    interface SpikeInjector {
        /** Puts one spike in and returns its time. */
        Instant spike(List<Reading> series, Random rnd);
    }

    /** Deviations per patient-week of assessed days (days with a band). */
    private double falseFlags(String name, RollingBaseline detector, List<List<Reading>> unmodified) {
        int flags = 0;
        Set<String> days = new HashSet<>();
        for (int i = 0; i < unmodified.size(); i++) {
            Assessment.Established a = (Assessment.Established) detector.assess(unmodified.get(i), UTC);
            flags += a.deviations().size();
            for (BandSegment s : a.band()) {
                days.add(i + " " + s.start().atZone(UTC).toLocalDate());
            }
        }
        double perWeek = flags / (days.size() / 7.0);
        table.put(name, unmodified.size() + " series, " + fmt(days.size() / 7.0) + " patient-weeks | – | – | "
                + flags + " (" + fmt(perWeek) + " per patient-week) | –");
        return perWeek;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static void atLeast(double measured, double value) {
        assertThat(value).isGreaterThanOrEqualTo(measured - MARGIN);
    }

    private static void falseFlagsAtMost(double measured, double value) {
        assertThat(value).isLessThanOrEqualTo(1.5 * measured + 0.1);
    }

    private Instant hrAt(int day, int hour) {
        return hrFirst.plusDays(day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    // ---- heart rate, real Fitbit series (31 days, worn 06:00-22:00; days 7-30 assessed) ----

    @Test
    void heartRateOnTheRealSeries() {
        HeartRateBaseline det = new HeartRateBaseline();
        Instant end = hr.getLast().at().plusSeconds(1);
        // level shift: ±15 /min for 12 h from 07:00-09:00 on a random assessed day (a fever; a beta-blocker)
        Score shift = score("heart rate (Fitbit) / level shift ±15 /min, 12 h", det, 30, 1, rnd -> {
            Instant from = hrAt(8 + rnd.nextInt(22), 7 + rnd.nextInt(3));
            double delta = rnd.nextBoolean() ? 15 : -15;
            return new Labelled(changed(hr, from, from.plusSeconds(12 * 3600), r -> r.value() + delta), from,
                    from.plusSeconds(12 * 3600), delta > 0 ? Deviation.Direction.ABOVE : Deviation.Direction.BELOW);
        });
        // gradual drift: +1.5 /min a day for 8 days (+12), then held to the end (deconditioning, an infection)
        Score drift = score("heart rate (Fitbit) / drift +1.5 /min/day over 8 days", det, 20, 2, rnd -> {
            Instant from = hrAt(8 + rnd.nextInt(9), 0);
            return new Labelled(changed(hr, from, end, r -> r.value()
                    + Math.min(12, 1.5 * Duration.between(from, r.at()).toSeconds() / DAY)), from, end,
                    Deviation.Direction.ABOVE);
        });
        // spikes: single minutes at 180 /min, five per trial
        double spikes = spikes("heart rate (Fitbit) / spikes: single minutes at 180 /min", det, 15, 3, 5, i -> hr,
                (series, rnd) -> {
                    Instant at = hrAt(7 + rnd.nextInt(24), 8 + rnd.nextInt(12)).plusSeconds(60L * rnd.nextInt(60));
                    series.replaceAll(r -> !r.at().isBefore(at) && r.at().isBefore(at.plusSeconds(60))
                            ? new Reading(r.at(), 180) : r);
                    return at;
                });
        double falseFlags = falseFlags("heart rate (Fitbit) / unmodified", det, List.of(hr));
        atLeast(MEASURED_HR_SHIFT_RECALL, shift.recall());
        atLeast(MEASURED_HR_SHIFT_PRECISION, shift.precision());
        atLeast(MEASURED_HR_DRIFT_RECALL, drift.recall());
        atLeast(MEASURED_HR_DRIFT_PRECISION, drift.precision());
        assertThat(spikes).isZero();
        falseFlagsAtMost(MEASURED_HR_FALSE_FLAGS, falseFlags);
    }

    // ---- heart rate, SYNTHETIC around the clock: the lost nocturnal dip ----

    @Test
    void heartRateLostNocturnalDipOnSyntheticSeries() {
        HeartRateBaseline det = new HeartRateBaseline();
        Score dip = score("heart rate (SYNTHETIC 24 h) / lost nocturnal dip: 00-06 h raised to day level", det, 12, 4,
                rnd -> {
                    List<Reading> series = SyntheticHeartRate.perMinute(rnd.nextLong(), 21);
                    Instant from = SyntheticHeartRate.FIRST.plusDays(8 + rnd.nextInt(13)).atStartOfDay()
                            .toInstant(ZoneOffset.UTC);
                    Instant to = from.plusSeconds(6 * 3600);
                    double lift = SyntheticHeartRate.DAY - SyntheticHeartRate.NIGHT;
                    return new Labelled(changed(series, from, to, r -> r.value() + lift), from, to,
                            Deviation.Direction.ABOVE);
                });
        List<List<Reading>> plain = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            plain.add(SyntheticHeartRate.perMinute(100 + i, 35));
        }
        double falseFlags = falseFlags("heart rate (SYNTHETIC 24 h) / unmodified", det, plain);
        atLeast(MEASURED_HR_DIP_RECALL, dip.recall());
        atLeast(MEASURED_HR_DIP_PRECISION, dip.precision());
        falseFlagsAtMost(MEASURED_HR_SYNTHETIC_FALSE_FLAGS, falseFlags);
    }

    // ---- glucose, real Dexcom G6 series (9 calendar days; days 4-8 assessed) ----

    private Instant cgmAt(int day, int hour) {
        return cgmFirst.plusDays(day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static double clampCgm(double v) {
        return Math.min(RealSeries.G6_HIGH, Math.max(RealSeries.G6_LOW, v));
    }

    @Test
    void glucoseOnTheRealSeries() {
        GlucoseBaseline det = new GlucoseBaseline();
        Instant end = cgm.getLast().at().plusSeconds(1);
        // level shift: +40 mg/dL for 6 h at a random hour of an assessed day (a missed insulin dose, an illness)
        Score shift = score("glucose (Dexcom G6) / level shift +40 mg/dL, 6 h", det, 30, 5, rnd -> {
            Instant from = cgmAt(4 + rnd.nextInt(4), rnd.nextInt(18));
            Instant to = from.plusSeconds(6 * 3600);
            return new Labelled(changed(cgm, from, to, r -> clampCgm(r.value() + 40)), from, to,
                    Deviation.Direction.ABOVE);
        });
        // gradual drift: +10 mg/dL a day from the start of day 4 or 5 to the end of the file
        Score drift = score("glucose (Dexcom G6) / drift +10 mg/dL/day", det, 10, 6, rnd -> {
            Instant from = cgmAt(4 + rnd.nextInt(2), 0);
            return new Labelled(changed(cgm, from, end, r -> clampCgm(r.value()
                    + 10.0 * Duration.between(from, r.at()).toSeconds() / DAY)), from, end, Deviation.Direction.ABOVE);
        });
        // lost overnight pattern: 00:00-06:00 raised by 50 mg/dL (nocturnal hyperglycaemia, dawn phenomenon)
        Score night = score("glucose (Dexcom G6) / overnight raised +50 mg/dL, 00-06 h", det, 10, 7, rnd -> {
            Instant from = cgmAt(4 + rnd.nextInt(5), 0);
            Instant to = from.plusSeconds(6 * 3600);
            return new Labelled(changed(cgm, from, to, r -> clampCgm(r.value() + 50)), from, to,
                    Deviation.Direction.ABOVE);
        });
        // spikes: single 5-minute points +100 mg/dL (a sensor glitch), five per trial
        double spikes = spikes("glucose (Dexcom G6) / spikes: single points +100 mg/dL", det, 20, 8, 5, i -> cgm,
                (series, rnd) -> {
                    int i = series.size() / 2 + rnd.nextInt(series.size() / 2);
                    series.set(i, new Reading(series.get(i).at(), clampCgm(series.get(i).value() + 100)));
                    return series.get(i).at();
                });
        double falseFlags = falseFlags("glucose (Dexcom G6) / unmodified", det, List.of(cgm));
        atLeast(MEASURED_GLUCOSE_SHIFT_RECALL, shift.recall());
        atLeast(MEASURED_GLUCOSE_SHIFT_PRECISION, shift.precision());
        atLeast(MEASURED_GLUCOSE_DRIFT_RECALL, drift.recall());
        atLeast(MEASURED_GLUCOSE_NIGHT_RECALL, night.recall());
        atLeast(MEASURED_GLUCOSE_NIGHT_PRECISION, night.precision());
        assertThat(spikes).isZero();
        falseFlagsAtMost(MEASURED_GLUCOSE_FALSE_FLAGS, falseFlags);
    }

    // ---- home blood pressure and weight: SYNTHETIC series (no real one exists in the shared data) ----

    private static final int HOME_DAYS = 120;

    private static Instant homeDay(int day) {
        return SyntheticHomeSeries.FIRST.plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Test
    void weightOnSyntheticSeries() {
        WeightBaseline det = new WeightBaseline();
        // +2 kg over 3 days, held a week (fluid retention in heart failure, the > 2 kg in 3 days rule)
        Score shift = score("weight (SYNTHETIC) / +2 kg over 3 days, held 7 days", det, 60, 9, rnd -> {
            int start = 30 + rnd.nextInt(80);
            List<Reading> s = SyntheticHomeSeries.weight(rnd.nextLong(), HOME_DAYS,
                    d -> d < start || d >= start + 10 ? 0 : Math.min(2, (d - start + 1) * 2.0 / 3));
            return new Labelled(s, homeDay(start), homeDay(start + 10), Deviation.Direction.ABOVE);
        });
        // slow drift: +0.1 kg a day from a random day to the end (weight gain over months)
        Score drift = score("weight (SYNTHETIC) / drift +0.1 kg/day", det, 60, 10, rnd -> {
            int start = 30 + rnd.nextInt(50);
            boolean up = rnd.nextBoolean();
            List<Reading> s = SyntheticHomeSeries.weight(rnd.nextLong(), HOME_DAYS,
                    d -> d < start ? 0 : (up ? 0.1 : -0.1) * (d - start));
            return new Labelled(s, homeDay(start), homeDay(HOME_DAYS),
                    up ? Deviation.Direction.ABOVE : Deviation.Direction.BELOW);
        });
        // a spike: one reading 3 kg high (weighed in winter clothes)
        double spikes = spikes("weight (SYNTHETIC) / spike: one reading +3 kg", det, 60, 11, 1,
                i -> SyntheticHomeSeries.weight(500 + i, HOME_DAYS, d -> 0), (series, rnd) -> {
                    int i = series.size() / 3 + rnd.nextInt(series.size() * 2 / 3);
                    series.set(i, new Reading(series.get(i).at(), series.get(i).value() + 3));
                    return series.get(i).at();
                });
        List<List<Reading>> plain = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            plain.add(SyntheticHomeSeries.weight(900 + i, 365, d -> 0));
        }
        double falseFlags = falseFlags("weight (SYNTHETIC) / unmodified", det, plain);
        atLeast(MEASURED_WEIGHT_SHIFT_RECALL, shift.recall());
        atLeast(MEASURED_WEIGHT_SHIFT_PRECISION, shift.precision());
        atLeast(MEASURED_WEIGHT_DRIFT_RECALL, drift.recall());
        atLeast(MEASURED_WEIGHT_DRIFT_PRECISION, drift.precision());
        assertThat(spikes).isZero();
        falseFlagsAtMost(MEASURED_WEIGHT_FALSE_FLAGS, falseFlags);
    }

    @Test
    void bloodPressureOnSyntheticSeries() {
        for (boolean systolic : new boolean[] {true, false}) {
            Measure m = systolic ? Measure.SYSTOLIC_BP : Measure.DIASTOLIC_BP;
            RollingBaseline det = MonitoringDetectors.forMeasure(m);
            double step = systolic ? 15 : 10;
            String name = systolic ? "systolic BP (SYNTHETIC)" : "diastolic BP (SYNTHETIC)";
            // a medicine stopped for 10 days: +15 / +10 mmHg
            Score shift = score(name + " / level shift +" + (int) step + " mmHg, 10 days", det, 60, 12, rnd -> {
                int start = 30 + rnd.nextInt(80);
                List<Reading> s = SyntheticHomeSeries.bloodPressure(rnd.nextLong(), HOME_DAYS, systolic,
                        d -> d >= start && d < start + 10 ? step : 0);
                return new Labelled(s, homeDay(start), homeDay(start + 10), Deviation.Direction.ABOVE);
            });
            // slow drift: +0.5 / +0.35 mmHg a day to the end
            double slope = systolic ? 0.5 : 0.35;
            Score drift = score(name + " / drift +" + slope + " mmHg/day", det, 60, 13, rnd -> {
                int start = 30 + rnd.nextInt(50);
                List<Reading> s = SyntheticHomeSeries.bloodPressure(rnd.nextLong(), HOME_DAYS, systolic,
                        d -> d < start ? 0 : slope * (d - start));
                return new Labelled(s, homeDay(start), homeDay(HOME_DAYS), Deviation.Direction.ABOVE);
            });
            double spikes = spikes(name + " / spike: one reading +" + (int) (step * 8 / 3) + " mmHg", det, 60, 14, 1,
                    i -> SyntheticHomeSeries.bloodPressure(600 + i, HOME_DAYS, systolic, d -> 0), (series, rnd) -> {
                        int i = series.size() / 3 + rnd.nextInt(series.size() * 2 / 3);
                        series.set(i, new Reading(series.get(i).at(), series.get(i).value() + step * 8 / 3));
                        return series.get(i).at();
                    });
            List<List<Reading>> plain = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                plain.add(SyntheticHomeSeries.bloodPressure(700 + i, 365, systolic, d -> 0));
            }
            double falseFlags = falseFlags(name + " / unmodified", det, plain);
            atLeast(systolic ? MEASURED_SBP_SHIFT_RECALL : MEASURED_DBP_SHIFT_RECALL, shift.recall());
            atLeast(systolic ? MEASURED_SBP_SHIFT_PRECISION : MEASURED_DBP_SHIFT_PRECISION, shift.precision());
            atLeast(systolic ? MEASURED_SBP_DRIFT_RECALL : MEASURED_DBP_DRIFT_RECALL, drift.recall());
            atLeast(systolic ? MEASURED_SBP_DRIFT_PRECISION : MEASURED_DBP_DRIFT_PRECISION, drift.precision());
            assertThat(spikes).isZero();
            falseFlagsAtMost(systolic ? MEASURED_SBP_FALSE_FLAGS : MEASURED_DBP_FALSE_FLAGS, falseFlags);
        }
    }

    // ---- what was measured when this was written (docs/monitoring-evaluation.md) ----
    private static final double MEASURED_HR_SHIFT_RECALL = 0.50;
    private static final double MEASURED_HR_SHIFT_PRECISION = 1.00;
    private static final double MEASURED_HR_DRIFT_RECALL = 1.00;
    private static final double MEASURED_HR_DRIFT_PRECISION = 1.00;
    private static final double MEASURED_HR_FALSE_FLAGS = 0.00;
    private static final double MEASURED_HR_DIP_RECALL = 1.00;
    private static final double MEASURED_HR_DIP_PRECISION = 0.75;
    private static final double MEASURED_HR_SYNTHETIC_FALSE_FLAGS = 0.00;
    private static final double MEASURED_GLUCOSE_SHIFT_RECALL = 0.27;
    private static final double MEASURED_GLUCOSE_SHIFT_PRECISION = 0.14;
    private static final double MEASURED_GLUCOSE_DRIFT_RECALL = 1.00;
    private static final double MEASURED_GLUCOSE_NIGHT_RECALL = 0.80;
    private static final double MEASURED_GLUCOSE_NIGHT_PRECISION = 0.29;
    private static final double MEASURED_GLUCOSE_FALSE_FLAGS = 2.80;
    private static final double MEASURED_WEIGHT_SHIFT_RECALL = 1.00;
    private static final double MEASURED_WEIGHT_SHIFT_PRECISION = 0.99;
    private static final double MEASURED_WEIGHT_DRIFT_RECALL = 1.00;
    private static final double MEASURED_WEIGHT_DRIFT_PRECISION = 1.00;
    private static final double MEASURED_WEIGHT_FALSE_FLAGS = 0.00;
    private static final double MEASURED_SBP_SHIFT_RECALL = 0.93;
    private static final double MEASURED_SBP_SHIFT_PRECISION = 0.95;
    private static final double MEASURED_SBP_DRIFT_RECALL = 1.00;
    private static final double MEASURED_SBP_DRIFT_PRECISION = 1.00;
    private static final double MEASURED_SBP_FALSE_FLAGS = 0.01;
    private static final double MEASURED_DBP_SHIFT_RECALL = 0.88;
    private static final double MEASURED_DBP_SHIFT_PRECISION = 0.95;
    private static final double MEASURED_DBP_DRIFT_RECALL = 1.00;
    private static final double MEASURED_DBP_DRIFT_PRECISION = 1.00;
    private static final double MEASURED_DBP_FALSE_FLAGS = 0.01;
}
