package org.outpost.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.outpost.app.monitoring.BaselineTracker;
import org.outpost.app.monitoring.HeartRateBaseline;
import org.outpost.app.monitoring.Reading;

/**
 * Issue 15's budget for live monitoring: the time to accept one new reading into a {@link BaselineTracker} that holds
 * 28 days of per-minute heart rate (40,320 readings, the whole learning window), target ≤ 1 ms. The readings go on
 * minute by minute, so the average includes the readings that close an hour (median of its 60 readings, band check,
 * run update) and a day (the day's residual, CUSUM, 24 new bands from the 28-day window); the SampleTime mode shows
 * those as the upper percentiles.
 *
 * <p>Synthetic, seeded series: 58 /min at night, 76 by day, minute noise SD 4 /min, a daily level SD 3 /min.
 * Each measurement iteration starts again from a fresh 28-day tracker, so the tracker's kept band (one segment an
 * hour) does not grow for ever.
 * <pre>
 *   ./mvnw -q -B -pl bench -am package -DskipTests
 *   $JAVA_HOME/bin/java -cp bench/target/benchmarks.jar org.openjdk.jmh.Main MonitoringBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
public class MonitoringBenchmark {
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final int MINUTES_A_DAY = 1440;
    private static final int WINDOW_DAYS = 28;

    private final Instant start = Instant.parse("2026-01-05T00:00:00Z");
    private double[] values;
    private BaselineTracker tracker;
    private long minute;

    @Setup(Level.Iteration)
    public void fill() {
        Random rnd = new Random(15);
        values = new double[MINUTES_A_DAY * 64];
        for (int i = 0; i < values.length; i++) {
            int m = i % MINUTES_A_DAY;
            double dayLevel = (i / MINUTES_A_DAY % 7 - 3) * 1.0;
            double typical = m < 360 ? 58
                    : m < 480 ? 58 + 18.0 * (m - 360) / 120
                    : m < 1320 ? 76 : 76 - 18.0 * (m - 1320) / 120;
            values[i] = Math.round(typical + dayLevel + rnd.nextGaussian() * 4);
        }
        tracker = new HeartRateBaseline().tracker(ZONE);
        for (minute = 0; minute < (long) WINDOW_DAYS * MINUTES_A_DAY; minute++) {
            tracker.accept(next());
        }
    }

    private Reading next() {
        return new Reading(start.plusSeconds(60 * minute), values[(int) (minute % values.length)]);
    }

    /** One new reading, a minute after the last. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void acceptOneReading(Blackhole bh) {
        bh.consume(tracker.accept(next()));
        minute++;
    }
}
