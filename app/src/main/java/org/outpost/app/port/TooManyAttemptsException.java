package org.outpost.app.port;

import java.time.Duration;
import java.util.Objects;

/**
 * A sign-in refused without checking the password, because this user name or this workstation has had
 * too many failed attempts lately. It is a {@link WrongCredentialsException} so that a caller that does
 * not know about throttling still refuses the sign-in; callers that do show {@link #retryAfter()}.
 * The delay grows with each failure up to a cap and ends on its own: there is no permanent lockout.
 */
public final class TooManyAttemptsException extends WrongCredentialsException {
    private static final long serialVersionUID = 1L;

    /** No store asks for a longer wait; a caller may treat a longer one (a clock set back) as over. */
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many failed attempts: try again in " + wholeSeconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    /** How long until the next attempt is checked (at least one second). */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds, rounded up, at least 1: what a person is told. */
    public long seconds() {
        return wholeSeconds(retryAfter);
    }

    private static long wholeSeconds(Duration d) {
        Objects.requireNonNull(d, "retryAfter");
        long s = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, s);
    }
}
