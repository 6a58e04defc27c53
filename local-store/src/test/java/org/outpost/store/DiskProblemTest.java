package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.port.DatabaseDamagedException;
import org.outpost.app.port.DiskProblemException;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;

/**
 * Issue 10, item 4, on a real size-limited file system (a tmpfs of a few MiB, mounted for the test; needs
 * root, as in CI — skipped where mounting is not allowed): a full disk is reported as "disk full: the last
 * change was not saved", never as damage; every write reported committed before it is still there after
 * space is freed; a read-only data directory is reported as such.
 */
class DiskProblemTest {
    @TempDir
    Path tmp;
    Path mount;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mount = tmp.resolve("small-disk");
        Files.createDirectories(mount);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mount.toString()) == 0,
                "needs permission to mount a tmpfs (root, as in CI)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void aFullDiskLosesNoCommittedWriteAndSaysWhatHappened() throws Exception {
        Path dir = mount.resolve("data");
        Path ballast = mount.resolve("ballast");
        long committed = 0;
        StoreException failure = null;
        try (Store s = TestVaults.fast(dir, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            Files.write(ballast, new byte[512 * 1024]); // freed later, to reopen
            for (int i = 0; i < 200_000 && failure == null; i++) {
                int n = i;
                try {
                    s.write(r -> {
                        r.patients().insert(Fixtures.patient("MRN-" + n, "Family" + n, "Given " + "x".repeat(200),
                                LocalDate.of(1950, 1, 1 + n % 28)));
                        return null;
                    });
                    committed++;
                } catch (StoreException e) {
                    failure = e;
                }
            }
        }
        assertThat(failure).as("the disk filled up").isNotNull();
        assertThat(failure).isInstanceOf(DiskProblemException.class).isNotInstanceOf(DatabaseDamagedException.class)
                .hasMessageContaining("is full").hasMessageContaining("the last change was not saved");
        assertThat(((DiskProblemException) failure).kind()).isEqualTo(DiskProblemException.Kind.FULL);
        assertThat(committed).isPositive();

        Files.delete(ballast);
        try (Store s = TestVaults.fast(dir, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            long patients = s.read(r -> r.patients().count());
            assertThat(patients).as("every write reported committed is there, the failed one is not").isEqualTo(committed);
            assertThat(s.read(r -> r.audit().verify()).intact()).isTrue();
        }
    }

    @Test
    void aReadOnlyDataDirectoryIsNotDamaged() throws Exception {
        Path dir = mount.resolve("data");
        try (Store s = TestVaults.fast(dir, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            s.write(r -> {
                r.patients().insert(Fixtures.patient("MRN-1", "Smith", "Ann", LocalDate.of(1970, 1, 1)));
                return null;
            });
        }
        String before = Fixtures.sha256(dir.resolve(DataDirectory.DB_FILE));
        assertThat(run("mount", "-o", "remount,ro", mount.toString())).isZero();

        assertThatThrownBy(() -> TestVaults.fast(dir, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(DiskProblemException.class)
                .hasMessageContaining("cannot be written")
                .satisfies(e -> assertThat(((DiskProblemException) e).kind()).isEqualTo(DiskProblemException.Kind.READ_ONLY));
        assertThat(Fixtures.sha256(dir.resolve(DataDirectory.DB_FILE))).isEqualTo(before);
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
