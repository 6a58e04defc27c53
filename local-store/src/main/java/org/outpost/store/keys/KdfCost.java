package org.outpost.store.keys;

import java.text.NumberFormat;
import java.util.Locale;
import org.outpost.app.port.StoreException;

/**
 * The PBKDF2 cost of key slots: the rounds a new slot gets, and the range of rounds a slot may ask for
 * when it is opened. The count is read from the key file, which anyone who can write the data folder can
 * edit: 2^31 rounds hung the app, 1 round would make a copied slot cheap to guess. A count outside the
 * range is refused with a clear message before any work is done.
 *
 * <p>{@link #PRODUCTION} is the only cost main code can name (the constructor is package-private); tests
 * make low-cost vaults through a test-only factory in the test sources, so the suite does not pay
 * 600,000 rounds per database.
 */
public final class KdfCost {
    /**
     * 600,000 rounds for new slots (OWASP Password Storage Cheat Sheet, 2023, PBKDF2-HMAC-SHA256); slots of
     * 100,000 to 5,000,000 rounds open (older or future defaults; about 0.1 to 5 s on a clinic PC).
     */
    public static final KdfCost PRODUCTION = new KdfCost(600_000, 100_000, 5_000_000);

    private final int newSlots;
    private final int minAccepted;
    private final int maxAccepted;

    KdfCost(int newSlots, int minAccepted, int maxAccepted) {
        if (minAccepted < 1 || minAccepted > newSlots || newSlots > maxAccepted) {
            throw new IllegalArgumentException("need 1 <= min <= new slots <= max");
        }
        this.newSlots = newSlots;
        this.minAccepted = minAccepted;
        this.maxAccepted = maxAccepted;
    }

    /** Rounds for a new slot. */
    public int newSlots() {
        return newSlots;
    }

    /** Fails with a clear message when a slot asks for rounds outside the accepted range. */
    public void requireAccepted(int iterations) {
        if (iterations < minAccepted || iterations > maxAccepted) {
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
            throw new StoreException("The key file (" + KeySlotFile.NAME + ") asks for " + n.format(iterations)
                    + " PBKDF2 rounds, outside the accepted " + n.format(minAccepted) + " to " + n.format(maxAccepted)
                    + ": it was edited or damaged. Restore it from a backup.");
        }
    }

    @Override
    public String toString() {
        return "KdfCost[new=" + newSlots + ", accepted=" + minAccepted + ".." + maxAccepted + "]";
    }
}
