package org.outpost.ui.chart.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue 15 item 1: the series drawn is bounded by the chart's width, whatever its size, and keeps its spikes. */
class DownSamplerTest {
    private static final long MINUTE = 60;
    private static final long YEAR = 365 * 24 * 60;

    /** A year of per-minute heart rate: 70 ± 5 with one single-minute spike to 190 and one drop to 35. */
    private static long[] times(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * MINUTE;
        }
        return t;
    }

    @Test
    void aYearOfMinutesBecomesAtMostTwoPointsAColumnAndKeepsItsSpikes() {
        int n = (int) YEAR;
        long[] t = times(n);
        double[] v = new double[n];
        Random random = new Random(15);
        for (int i = 0; i < n; i++) {
            v[i] = 70 + random.nextInt(11) - 5;
        }
        v[123_457] = 190;
        v[400_001] = 35;
        for (int width : new int[] {1, 300, 800, 1920}) {
            DownSampler.Path p = DownSampler.sample(t, v, n, 0, n * MINUTE, width, 3600);
            assertThat(p.size()).as("width " + width).isLessThanOrEqualTo(2 * width).isGreaterThan(0);
            assertThat(Arrays.stream(p.values()).max().orElseThrow()).isEqualTo(190);
            assertThat(Arrays.stream(p.values()).min().orElseThrow()).isEqualTo(35);
            assertThat(p.times()).isSorted();
        }
    }

    @Test
    void fewerReadingsThanColumnsAreKeptAsTheyAre() {
        long[] t = {0, 86_400, 2 * 86_400, 5 * 86_400};
        double[] v = {80.5, 80.1, 79.9, 81.0};
        DownSampler.Path p = DownSampler.sample(t, v, 4, 0, 7 * 86_400, 700, Long.MAX_VALUE);
        assertThat(p.times()).containsExactly(t);
        assertThat(p.values()).containsExactly(v);
    }

    @Test
    void onlyTheWindowIsSampledAndAGapInWearingBreaksTheLine() {
        int n = 3 * 24 * 60;
        long[] t = times(n);
        double[] v = new double[n];
        Arrays.fill(v, 60);
        // day 2: the watch was off from 08:00 to 20:00 — drop those readings
        long[] kept = Arrays.stream(t).filter(x -> x < (24 + 8) * 3600 || x >= (24 + 20) * 3600).toArray();
        double[] keptValues = new double[kept.length];
        Arrays.fill(keptValues, 60);
        DownSampler.Path p = DownSampler.sample(kept, keptValues, kept.length, 24 * 3600, 48 * 3600, 240, 3600);
        assertThat(p.times()[0]).isGreaterThanOrEqualTo(24 * 3600);
        assertThat(p.times()[p.size() - 1]).isLessThan(48 * 3600);
        assertThat(Arrays.stream(p.values()).filter(Double::isNaN).count()).isEqualTo(1);
        // one-minute readings in a day drawn 2,000 px wide: empty columns, but no gap over an hour, so no break
        DownSampler.Path wide = DownSampler.sample(t, v, n, 0, 24 * 3600, 2000, 3600);
        assertThat(Arrays.stream(wide.values()).filter(Double::isNaN).count()).isZero();
        assertThat(wide.size()).isEqualTo(24 * 60);
    }

    @Test
    void anEmptyOrBackwardWindow() {
        assertThat(DownSampler.sample(new long[0], new double[0], 0, 0, 10, 100, 60).size()).isZero();
        assertThatThrownBy(() -> DownSampler.sample(new long[0], new double[0], 0, 10, 10, 100, 60))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends after it starts");
    }
}
