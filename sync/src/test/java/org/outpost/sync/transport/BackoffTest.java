package org.outpost.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Full-jitter exponential backoff (Brooker, AWS Architecture Blog, 2015): delay uniform in [0, min(cap, base·2^(n-1))]. */
class BackoffTest {
    private static final Backoff STANDARD = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10),
            new SplittableRandom(1));

    @ParameterizedTest
    @CsvSource(textBlock = """
            # failures, ceiling in seconds (base 2 s, cap 600 s)
            1,    2
            2,    4
            3,    8
            8,  256
            9,  512
            10, 600
            11, 600
            64, 600
            1000, 600
            """)
    void theCeilingDoublesUpToTheCap(int failures, long seconds) {
        assertThat(STANDARD.ceiling(failures)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void theDelayIsDrawnFromZeroToTheCeiling() {
        RandomGenerator top = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
        RandomGenerator bottom = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };
        Backoff high = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), top);
        Backoff low = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), bottom);

        assertThat(high.delay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(low.delay(3)).isEqualTo(Duration.ZERO);
    }

    @Test
    void delaysSpreadOverTheWholeRangeAndStayInIt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), new SplittableRandom(42));
        long below = 0;
        for (int i = 0; i < 2_000; i++) {
            Duration d = backoff.delay(4);
            assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(16));
            if (d.compareTo(Duration.ofSeconds(8)) < 0) {
                below++;
            }
        }
        assertThat(below).as("about half below the midpoint").isBetween(900L, 1100L);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> STANDARD.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
