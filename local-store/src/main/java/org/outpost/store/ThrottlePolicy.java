package org.outpost.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long sign-in waits after repeated failures: nothing for the first {@code free} failures (typos),
 * then {@code first}, doubling with each further failure up to {@code cap}. A bucket with no failure for
 * {@code forgetAfter} starts again from zero. The cap is what keeps an attacker from locking a real user
 * out for good: however many failures there were, the wait never exceeds it.
 *
 * @param free        failures that cost nothing
 * @param first       the wait after failure {@code free + 1}
 * @param cap         the longest wait
 * @param forgetAfter quiet time after which the failures are forgotten (at least {@code cap})
 */
record ThrottlePolicy(int free, Duration first, Duration cap, Duration forgetAfter) {
    /** Per user name: three typos free, then 1 s, 2 s, 4 s … up to 5 minutes; forgotten after an hour. */
    static final ThrottlePolicy PER_USER = new ThrottlePolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofHours(1));
    /**
     * Per data directory (the workstation): ten failures of any names free, then 1 s doubling up to one
     * minute; forgotten after 15 quiet minutes. It slows guessing across many names without ever keeping
     * the clinic out for more than a minute.
     */
    static final ThrottlePolicy PER_MACHINE = new ThrottlePolicy(10, Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(15));

    ThrottlePolicy {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (free < 0 || first.isNegative() || cap.compareTo(first) < 0 || forgetAfter.compareTo(cap) < 0) {
            throw new IllegalArgumentException("inconsistent throttle policy");
        }
    }

    /** The wait after {@code failures} failures in a row. */
    Duration delayAfter(int failures) {
        int over = failures - free;
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration d = first;
        for (int i = 1; i < over && d.compareTo(cap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /** How far in the future a last failure may lie (clocks of processes differ a little) before it is ignored. */
    static final Duration SKEW = Duration.ofMinutes(1);

    /**
     * What is left of the wait at {@code now}; zero when none, and never more than the full delay. A last
     * failure more than {@link #SKEW} in the future (the clock was set back, or the time was written into
     * the file) is ignored rather than trusted: trusted, it would hold the wait at its full length until
     * the clock caught up, a lockout.
     */
    Duration remaining(LoginGuardState.Bucket bucket, Instant now) {
        if (bucket == null || isForgotten(bucket, now) || bucket.last().isAfter(now.plus(SKEW))) {
            return Duration.ZERO;
        }
        Duration delay = delayAfter(bucket.failures());
        Duration left = Duration.between(now, bucket.last().plus(delay));
        if (left.isNegative() || left.isZero()) {
            return Duration.ZERO;
        }
        return left.compareTo(delay) > 0 ? delay : left;
    }

    /** True when the bucket's last failure is older than {@link #forgetAfter}. */
    boolean isForgotten(LoginGuardState.Bucket bucket, Instant now) {
        return bucket.last().plus(forgetAfter).isBefore(now);
    }

    /** The bucket after one more failure at {@code now}. */
    LoginGuardState.Bucket afterFailure(LoginGuardState.Bucket bucket, Instant now) {
        int before = bucket == null || isForgotten(bucket, now) ? 0 : bucket.failures();
        return new LoginGuardState.Bucket(Math.min(before + 1, 1_000), now);
    }
}
