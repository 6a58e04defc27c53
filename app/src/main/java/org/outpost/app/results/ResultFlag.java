package org.outpost.app.results;

/**
 * Where a value falls against its measure's reference range and critical limits ({@link ReferenceRange#flag}).
 * A value is normal inside the range, limits included; low or high outside it; critically low or high beyond a
 * critical limit (strictly below the critical low limit, strictly above the critical high one).
 */
public enum ResultFlag {
    NORMAL, LOW, HIGH, CRITICAL_LOW, CRITICAL_HIGH;

    /** Whether the value is outside the reference range. */
    public boolean abnormal() {
        return this != NORMAL;
    }

    /** Whether the value is beyond a critical limit. */
    public boolean critical() {
        return this == CRITICAL_LOW || this == CRITICAL_HIGH;
    }
}
