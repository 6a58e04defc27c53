package org.outpost.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Unit;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.Reading;

/**
 * Home and wearable series for a few fixed demo patients, so the monitoring tab has something to show and each kind of
 * flag can be tried (issue 15). Synthetic and seeded; each series starts from the patient's own latest office value
 * and ends with a change a clinician would want to hear about:
 * <ul>
 *   <li>patient 1 (after a coronary stent): a wrist-worn heart rate every minute, day and night, for six weeks, with
 *   a daily rhythm (lower asleep, walking bouts by day) — and a resting rate about 15 /min higher for the last three
 *   days;</li>
 *   <li>patient 2 (atrial fibrillation on warfarin): a morning weight for eight weeks, the last four days climbing
 *   2.5 kg (the fluid gain heart-failure plans ask patients to report);</li>
 *   <li>patient 3 (type 2 diabetes): a CGM every 5 minutes for 14 days with meal peaks — and the overnight level
 *   40 mg/dL higher on the last three nights;</li>
 *   <li>patient 5: home blood pressure morning and evening for eight weeks, steady (a series that raises nothing).</li>
 * </ul>
 * Only numbers 1–99 get series, so a 100,000-patient bench database stays the size it was.
 */
public final class DemoMonitoring {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final Instant now;
    private final ZoneId zone;

    public DemoMonitoring(long seed, Instant now, ZoneId zone) {
        this.seed = seed;
        this.now = now;
        this.zone = zone;
    }

    /** The series of demo patient {@code number} (empty for most). */
    public Map<Measure, List<Reading>> series(long number, List<Observation> record) {
        Map<Measure, List<Reading>> out = new EnumMap<>(Measure.class);
        if (number >= 100) {
            return out;
        }
        RandomGenerator rng = new SplittableRandom(seed * GOLDEN + number * 0xBF58476D1CE4E5B9L + 9 * 0x94D049BB133111EBL);
        switch ((int) number) {
            case 1 -> out.put(Measure.HEART_RATE, heartRate(rng, latest(record, org.outpost.app.domain.Measure.HEART_RATE,
                    Unit.PER_MIN, 70)));
            case 2 -> out.put(Measure.WEIGHT, weight(rng, latest(record, org.outpost.app.domain.Measure.BODY_WEIGHT,
                    Unit.KG, 78)));
            case 3 -> out.put(Measure.GLUCOSE, glucose(rng));
            case 5 -> {
                double sys = latest(record, org.outpost.app.domain.Measure.SYSTOLIC_BP, Unit.MM_HG, 132);
                double dia = latest(record, org.outpost.app.domain.Measure.DIASTOLIC_BP, Unit.MM_HG, 82);
                List<Reading> s = new ArrayList<>();
                List<Reading> d = new ArrayList<>();
                for (LocalDate day : days(56)) {
                    for (int hour : new int[] {7, 21}) {
                        Instant at = at(day, hour, rng.nextInt(40));
                        s.add(new Reading(at, Math.round(sys + gauss(rng, 0, 6) + (hour == 7 ? 3 : -2))));
                        d.add(new Reading(at, Math.round(dia + gauss(rng, 0, 4))));
                    }
                }
                out.put(Measure.SYSTOLIC_BP, s);
                out.put(Measure.DIASTOLIC_BP, d);
            }
            default -> { }
        }
        return out;
    }

    private List<Reading> heartRate(RandomGenerator rng, double office) {
        double resting = Math.max(50, Math.min(85, office - 6));
        List<Reading> out = new ArrayList<>();
        List<LocalDate> days = days(42);
        LocalDate shiftFrom = days.get(days.size() - 3);
        for (LocalDate day : days) {
            double shift = day.isBefore(shiftFrom) ? 0 : 15;
            int walkStart = 7 * 60 + rng.nextInt(11 * 60);
            for (int minute = 0; minute < 24 * 60; minute++) {
                int hour = minute / 60;
                boolean asleep = hour < 6 || hour >= 23;
                double level = asleep ? resting - 7 : resting + 6;
                if (!asleep && minute >= walkStart && minute < walkStart + 35) {
                    level += 30;
                }
                Instant at = at(day, 0, minute);
                if (at.isAfter(now)) {
                    return out;
                }
                out.add(new Reading(at, Math.round(clamp(level + shift + gauss(rng, 0, 3.5), 35, 190))));
            }
        }
        return out;
    }

    private List<Reading> weight(RandomGenerator rng, double office) {
        List<Reading> out = new ArrayList<>();
        List<LocalDate> days = days(56);
        for (int i = 0; i < days.size(); i++) {
            int fromEnd = days.size() - 1 - i;
            double gain = fromEnd < 4 ? 2.5 * (4 - fromEnd) / 4.0 : 0;
            double v = office + gain + gauss(rng, 0, 0.35);
            out.add(new Reading(at(days.get(i), 7, rng.nextInt(30)), Math.round(v * 10) / 10.0));
        }
        return out;
    }

    private List<Reading> glucose(RandomGenerator rng) {
        List<Reading> out = new ArrayList<>();
        List<LocalDate> days = days(14);
        LocalDate raisedFrom = days.get(days.size() - 3);
        double level = 130;
        for (LocalDate day : days) {
            boolean raised = !day.isBefore(raisedFrom);
            for (int m = 0; m < 24 * 60; m += 5) {
                double hours = m / 60.0;
                double target = 125;
                for (double meal : new double[] {7.5, 12.75, 19}) {
                    double since = hours - meal;
                    if (since > 0 && since < 3.5) {
                        target += 85 * Math.sin(Math.PI * since / 3.5);
                    }
                }
                if (raised && (hours < 6.5 || hours > 23)) {
                    target += 40;
                }
                level += 0.3 * (target - level) + gauss(rng, 0, 4);
                Instant at = at(day, 0, m);
                if (at.isAfter(now)) {
                    return out;
                }
                out.add(new Reading(at, Math.round(clamp(level, 40, 400))));
            }
        }
        return out;
    }

    /** The {@code n} days up to yesterday and today, oldest first. */
    private List<LocalDate> days(int n) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<LocalDate> out = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            out.add(today.minusDays(i));
        }
        return out;
    }

    private Instant at(LocalDate day, int hour, int minutes) {
        return ZonedDateTime.of(day.atStartOfDay(), zone).plusHours(hour).plus(Duration.ofMinutes(minutes)).toInstant();
    }

    private static double latest(List<Observation> record, org.outpost.app.domain.Measure m, Unit unit, double otherwise) {
        return record.stream().filter(o -> o.measure() == m && o.value().unit() == unit)
                .max(Comparator.comparing(Observation::effective)).map(o -> o.value().value()).orElse(otherwise);
    }

    private static double gauss(RandomGenerator rng, double mean, double sd) {
        return mean + sd * rng.nextGaussian();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
