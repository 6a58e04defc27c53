package org.outpost.store;

import java.nio.file.Path;
import java.time.Clock;
import org.outpost.store.keys.TestKdfCost;

/**
 * Test-only vaults (in the test sources, shipped to other modules' tests as local-store's test jar):
 * real encrypted H2 files whose key slots cost 1,000 PBKDF2 rounds instead of 600,000. Tests about the
 * production cost itself use {@code new H2Vault(dir, clock)}.
 */
public final class TestVaults {
    private TestVaults() {
    }

    /** A low-cost vault over {@code dataDirectory}. */
    public static H2Vault fast(Path dataDirectory, Clock clock) {
        return new H2Vault(dataDirectory, clock, TestKdfCost.LOW);
    }
}
