package org.outpost.sync.transport;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait after the n-th failure in a row: "full jitter" exponential backoff, a uniformly random delay
 * between zero and {@code min(cap, base * 2^(n-1))} (Brooker, "Exponential Backoff And Jitter", AWS
 * Architecture Blog, 2015). The randomness spreads out clinics that lost the server at the same moment, so
 * they do not all come back in the same second and knock it over again; the cap bounds how stale a queue can
 * get once the server is back. The random source is injected so tests can pin the draws.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    /**
     * @param base the ceiling after the first failure (e.g. 2 s)
     * @param cap the largest ceiling (e.g. 10 min)
     * @param random where the jitter comes from
     */
    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** 2 s doubling up to 10 min. */
    public static Backoff standard(RandomGenerator random) {
        return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), random);
    }

    /** The upper bound of the wait after {@code failures} failures in a row (at least 1). */
    public Duration ceiling(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        long baseNanos = base.toNanos();
        long capNanos = cap.toNanos();
        int shift = failures - 1;
        // base * 2^shift without overflow: stop doubling once past the cap
        if (shift >= 63 || baseNanos > (capNanos >> Math.min(shift, 62))) {
            return cap;
        }
        return Duration.ofNanos(Math.min(capNanos, baseNanos << shift));
    }

    /** A random wait in {@code [0, ceiling(failures)]}. */
    public Duration delay(int failures) {
        long ceiling = ceiling(failures).toNanos();
        return Duration.ofNanos(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
