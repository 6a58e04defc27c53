package org.outpost.app.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * SYNTHETIC per-minute heart rate around the clock, seeded, for what the real Fitbit export cannot show: its wearer
 * took the watch off at night, so it has no nocturnal dip to lose. Night (00:00–06:00) ≈ 58 /min, day ≈ 76 /min with a
 * smooth transition; each day's level N(0, 3) /min; minute noise N(0, 4); a few activity bursts a day (+30 to +60
 * /min for 5–30 minutes).
 */
final class SyntheticHeartRate {
    static final LocalDate FIRST = LocalDate.of(2026, 2, 2);

    private SyntheticHeartRate() {
    }

    /** The night-time (00:00–06:00) and day-time (08:00–22:00) typical rates. */
    static final double NIGHT = 58;
    static final double DAY = 76;

    /** Days of per-minute readings. */
    static List<Reading> perMinute(long seed, int days) {
        Random rnd = new Random(seed);
        List<Reading> out = new ArrayList<>(days * 1440);
        for (int d = 0; d < days; d++) {
            double dayLevel = rnd.nextGaussian() * 3;
            int bursts = 2 + rnd.nextInt(3);
            int[] burstStart = new int[bursts];
            int[] burstLength = new int[bursts];
            double[] burstHeight = new double[bursts];
            for (int b = 0; b < bursts; b++) {
                burstStart[b] = 7 * 60 + rnd.nextInt(14 * 60);
                burstLength[b] = 5 + rnd.nextInt(26);
                burstHeight[b] = 30 + rnd.nextInt(31);
            }
            Instant midnight = FIRST.plusDays(d).atStartOfDay().toInstant(ZoneOffset.UTC);
            for (int m = 0; m < 1440; m++) {
                double v = typical(m / 60.0) + dayLevel + rnd.nextGaussian() * 4;
                for (int b = 0; b < bursts; b++) {
                    if (m >= burstStart[b] && m < burstStart[b] + burstLength[b]) {
                        v += burstHeight[b];
                    }
                }
                out.add(new Reading(midnight.plusSeconds(60L * m), Math.round(Math.max(35, v))));
            }
        }
        return out;
    }

    /** The typical rate at an hour of the day (fractional). */
    static double typical(double hour) {
        if (hour < 6) {
            return NIGHT;
        }
        if (hour < 8) {
            return NIGHT + (DAY - NIGHT) * (hour - 6) / 2;
        }
        if (hour < 22) {
            return DAY;
        }
        return DAY - (DAY - NIGHT) * (hour - 22) / 2;
    }
}
