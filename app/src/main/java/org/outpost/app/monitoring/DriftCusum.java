package org.outpost.app.monitoring;

import java.util.Optional;

/**
 * Two one-sided tabular CUSUMs (upward and downward) over standardised residuals: a slow drift away from the
 * baseline, too small on any one day to leave the band, accumulates until it crosses the decision interval.
 *
 * <p><b>Method.</b> Page ES. "Continuous inspection schemes." Biometrika 1954;41:100–115; in the tabular form of
 * Montgomery DC, <i>Introduction to Statistical Quality Control</i>, 6th ed., Wiley 2009, §9.1:
 * C⁺ᵢ = max(0, C⁺ᵢ₋₁ + zᵢ − k), C⁻ᵢ = max(0, C⁻ᵢ₋₁ − zᵢ − k), a signal when either exceeds h. Montgomery
 * recommends k = 0.5 (tuned to a shift of one standard deviation) with h = 4 or 5; h = 5 gives an in-control average
 * run length of about 465 observations (≈ 1.3 years of daily residuals per side), h = 4 about 168. After a signal
 * that side restarts from zero (Montgomery §9.1.2), so a drift that goes on signals again and the caller can
 * extend its episode.
 */
public final class DriftCusum {
    private final double k;
    private final double h;
    private double up;
    private double down;
    private int upRun;
    private int downRun;

    /**
     * @param k the reference value (allowance), in standard units
     * @param h the decision interval, in standard units
     */
    public DriftCusum(double k, double h) {
        if (!(k >= 0) || !(h > 0)) {
            throw new IllegalArgumentException("A CUSUM needs k ≥ 0 and h > 0");
        }
        this.k = k;
        this.h = h;
    }

    private DriftCusum(DriftCusum other) {
        this(other.k, other.h);
        up = other.up;
        down = other.down;
        upRun = other.upRun;
        downRun = other.downRun;
    }

    /** An independent copy in the same state. */
    public DriftCusum copy() {
        return new DriftCusum(this);
    }

    /**
     * A signal: the sum on one side crossed h.
     *
     * @param observations how many observations the run that crossed had (it began with the first of them)
     */
    public record Signal(Deviation.Direction direction, int observations) { }

    /** Adds one standardised residual; the signal, if a side crossed h (that side then restarts from zero). */
    public Optional<Signal> add(double z) {
        if (!Double.isFinite(z)) {
            throw new IllegalArgumentException("A residual is a number");
        }
        up = Math.max(0, up + z - k);
        upRun = up > 0 ? upRun + 1 : 0;
        down = Math.max(0, down - z - k);
        downRun = down > 0 ? downRun + 1 : 0;
        if (up > h) {
            Signal s = new Signal(Deviation.Direction.ABOVE, upRun);
            up = 0;
            upRun = 0;
            return Optional.of(s);
        }
        if (down > h) {
            Signal s = new Signal(Deviation.Direction.BELOW, downRun);
            down = 0;
            downRun = 0;
            return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The upward sum C⁺. */
    public double upper() {
        return up;
    }

    /** The downward sum C⁻. */
    public double lower() {
        return down;
    }
}
