package org.outpost.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DriftCusumTest {
    /**
     * Montgomery DC, Introduction to Statistical Quality Control, 6th ed. (2009), Example 9.1, Tables 9.1–9.2: 30
     * observations, the first 20 from N(10, 1) and the last 10 from N(11, 1); tabular CUSUM with μ0 = 10, σ = 1,
     * K = 0.5, H = 5. "The upper CUSUM at period 29 is C⁺29 = 5.28. Since this is the first period at which
     * C⁺i > H = 5, we would conclude that the process is out of control at that point" and N⁺ = 7, so the shift
     * began after period 29 − 7 = 22.
     */
    @Test
    void reproducesMontgomerysExample() {
        double[] x = {9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34, 9.03, 11.47, 10.51, 9.40,
            10.08, 9.37, 10.62, 10.31, 8.52, 10.84, 10.90, 9.33, 12.29, 11.50, 10.60, 11.08, 10.38, 11.62, 11.31, 10.52};
        DriftCusum cusum = new DriftCusum(0.5, 5);
        for (int i = 0; i < 28; i++) {
            assertThat(cusum.add(x[i] - 10)).as("period " + (i + 1)).isEmpty();
        }
        assertThat(cusum.upper()).isCloseTo(4.47, Offset.offset(0.005)); // Table 9.2, period 28
        Optional<DriftCusum.Signal> s = cusum.add(x[28] - 10);
        assertThat(s).contains(new DriftCusum.Signal(Deviation.Direction.ABOVE, 7));
        assertThat(cusum.upper()).as("restarted after the signal").isZero();
    }

    @Test
    void aDownwardDriftSignalsOnTheLowerSide() {
        DriftCusum cusum = new DriftCusum(0.5, 4);
        assertThat(cusum.add(-1.5)).isEmpty(); // C⁻ = 1
        assertThat(cusum.add(-1.5)).isEmpty(); // 2
        assertThat(cusum.add(-2.5)).isEmpty(); // 4, not yet above h
        assertThat(cusum.add(-1.0)).contains(new DriftCusum.Signal(Deviation.Direction.BELOW, 4)); // 4.5
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new DriftCusum(0.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DriftCusum(0.5, 5).add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
