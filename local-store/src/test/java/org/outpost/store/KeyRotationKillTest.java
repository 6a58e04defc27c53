package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outpost.app.domain.Role;
import org.outpost.app.port.Vault;
import org.outpost.store.keys.KeySlot;
import org.outpost.store.keys.KeySlotFile;

/**
 * A real crash: a child JVM rotating the data key is killed with SIGKILL at each step (no finally blocks,
 * no shutdown hooks run); afterwards the database opens with the right passwords and all its rows, under
 * the old key before the commit marker and the new key from it on.
 */
class KeyRotationKillTest {
    private static final char[] BOB = "velvet maple orbit".toCharArray();
    private static final int PATIENTS = 30;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(KeyRotation.Step.class)
    void aRotationKilledAtAnyStepOpensAfterwardsWithAllRows(KeyRotation.Step step) throws Exception {
        Path dir = tmp.resolve("data");
        TestClock clock = new TestClock();
        H2Vault vault = TestVaults.fast(dir, clock);
        Vault.Unlocked u = vault.create(Fixtures.ADMIN, "Ada Admin", Fixtures.pw());
        try (var store = u.store()) {
            store.accounts().add(Fixtures.ADMIN, "bob", "Bob", Role.CLINICIAN, BOB.clone());
            store.write(r -> {
                for (int i = 0; i < PATIENTS; i++) {
                    r.patients().insert(Fixtures.patient("MRN-" + i, "Smith", "Jo", LocalDate.of(1980, 1, 2)));
                }
                return null;
            });
        }

        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RotationChild.class.getName(), dir.toString(),
                step.name())).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean reached = false;
            while ((line = out.readLine()) != null) {
                if (line.equals("AT " + step)) {
                    reached = true;
                    break;
                }
            }
            assertThat(reached).as("the child reached " + step).isTrue();
            child.destroyForcibly(); // SIGKILL on Linux and macOS
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).isEqualTo(137);

        boolean committed = step.compareTo(KeyRotation.Step.COMMITTED) >= 0;
        assertThat(Files.exists(dir.resolve(KeyRotation.STAGING))).isTrue();
        for (String user : List.of(Fixtures.ADMIN, "bob")) {
            try (var store = vault.unlock(user, user.equals("bob") ? BOB.clone() : Fixtures.pw()).store()) {
                long patients = store.read(r -> r.patients().count());
                assertThat(patients).isEqualTo(PATIENTS);
            }
        }
        assertThat(dir.resolve(KeyRotation.STAGING)).doesNotExist();
        for (KeySlot slot : KeySlotFile.read(dir.resolve(KeySlotFile.NAME)).slots().values()) {
            assertThat(slot.sealedKey().orElseThrow().generation()).isEqualTo(committed ? 2 : 1);
        }
    }
}
