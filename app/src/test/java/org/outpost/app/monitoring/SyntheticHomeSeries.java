package org.outpost.app.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * SYNTHETIC home readings, seeded (there is no real home blood-pressure or weight series in the shared data):
 * <ul>
 *   <li>weight: one reading most mornings (15 % of days missed), the day's true weight 80 kg + N(0, 0.3) kg plus a
 *       reading error N(0, 0.2) kg — day-to-day weight SD ≈ 0.4 kg;</li>
 *   <li>blood pressure: 1–4 readings on 85 % of days, morning and evening; the day's level 132/82 + N(0, 4)/N(0, 3)
 *       mmHg, each reading that plus N(0, 6)/N(0, 4) mmHg.</li>
 * </ul>
 * The noise levels are assumptions of a plausible order, not fitted to any data set. A change is injected as a
 * function of the day offset added to each reading.
 */
final class SyntheticHomeSeries {
    static final LocalDate FIRST = LocalDate.of(2026, 1, 5);

    private SyntheticHomeSeries() {
    }

    /** Days 0..days-1 of weight, with {@code change(day)} kg added. */
    static List<Reading> weight(long seed, int days, DoubleUnaryOperator change) {
        Random rnd = new Random(seed);
        List<Reading> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            double level = 80 + rnd.nextGaussian() * 0.3;
            double err = rnd.nextGaussian() * 0.2;
            if (rnd.nextDouble() < 0.15) {
                continue;
            }
            Instant at = FIRST.plusDays(d).atTime(7, rnd.nextInt(60)).toInstant(ZoneOffset.UTC);
            out.add(new Reading(at, Measure.WEIGHT.round(level + err + change.applyAsDouble(d))));
        }
        return out;
    }

    /** Days 0..days-1 of systolic (or diastolic) home pressure, with {@code change(day)} mmHg added. */
    static List<Reading> bloodPressure(long seed, int days, boolean systolic, DoubleUnaryOperator change) {
        Random rnd = new Random(seed);
        List<Reading> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            double level = systolic ? 132 + rnd.nextGaussian() * 4 : 82 + rnd.nextGaussian() * 3;
            int n = 1 + rnd.nextInt(4);
            boolean skip = rnd.nextDouble() < 0.15;
            for (int i = 0; i < n; i++) {
                double v = level + rnd.nextGaussian() * (systolic ? 6 : 4) + change.applyAsDouble(d);
                int hour = i % 2 == 0 ? 7 : 20;
                Instant at = FIRST.plusDays(d).atTime(hour, i * 2).toInstant(ZoneOffset.UTC);
                if (!skip) {
                    out.add(new Reading(at, Math.round(v)));
                }
            }
        }
        return out;
    }
}
