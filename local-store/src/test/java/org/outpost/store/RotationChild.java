package org.outpost.store;

import java.nio.file.Path;

/**
 * A separate JVM for {@link KeyRotationKillTest}: rotates the data key of a data directory and, at the
 * named step, says so on standard output and waits to be killed with SIGKILL.
 */
public final class RotationChild {
    private RotationChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        KeyRotation.Step stop = KeyRotation.Step.valueOf(args[1]);
        H2Vault vault = TestVaults.fast(dir, new TestClock());
        vault.rotateKey(Fixtures.ADMIN, Fixtures.pw(), step -> {
            if (step == stop) {
                System.out.println("AT " + step);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.out.println("DONE");
    }
}
