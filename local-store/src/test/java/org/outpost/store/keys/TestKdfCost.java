package org.outpost.store.keys;

/**
 * Test-only PBKDF2 costs (test sources: main code cannot name them). A test database whose slots cost
 * 1,000 rounds opens in about a millisecond instead of half a second.
 */
public final class TestKdfCost {
    /** 1,000 rounds for new slots; opens anything from 1 round up to the production maximum. */
    public static final KdfCost LOW = new KdfCost(1_000, 1, 5_000_000);

    private TestKdfCost() {
    }

    /** A wrapper at {@link #LOW} (opens low-cost and production slots alike). */
    public static KeyWrapper lowCostWrapper() {
        return new KeyWrapper(new java.security.SecureRandom(), LOW);
    }
}
