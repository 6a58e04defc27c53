package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Unit;
import org.outpost.app.port.Store;

/**
 * A clinic's many small commits leave the H2 file mostly dead space; closing the store then compacts it,
 * keeps every row, and leaves the file owner-only. A small or well-filled file is closed as it is.
 */
class CompactionTest {
    @TempDir
    Path dir;

    private static void onePatientPerTransaction(Store store, int patients) {
        for (int i = 0; i < patients; i++) {
            Patient p = Fixtures.patient("C-" + i, "Compact" + i, "Cleo", LocalDate.of(1950, 1, 1));
            store.write(r -> {
                r.patients().insert(p);
                for (int k = 0; k < 30; k++) {
                    r.observations().insert(new Observation(UUID.randomUUID(), p.id(), Measure.SYSTOLIC_BP,
                            Quantity.of(110 + k, Unit.MM_HG), Instant.parse("2025-01-01T08:00:00Z").plusSeconds(86_400L * k),
                            "nurse"));
                }
                return null;
            });
        }
    }

    @Test
    void aMostlyDeadFileIsCompactedOnCloseWithEveryRowKept() throws Exception {
        Path data = dir.resolve("data");
        Path file = data.resolve(DataDirectory.DB_NAME + ".mv.db");
        Store store = TestVaults.fast(data, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store();
        onePatientPerTransaction(store, 400);
        long before = Files.size(file);
        assertThat(before).as("the workload grows the file past the threshold").isGreaterThan(H2Store.COMPACT_MIN_MIB << 20);

        store.close();

        long after = Files.size(file);
        assertThat(after).isLessThan(before / 4);
        if (SecureFilesSupport.posix(data)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (Store reopened = TestVaults.fast(data, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            assertThat(reopened.read(r -> r.patients().all(1000)).size()).isEqualTo(400);
            int observations = reopened.read(r -> r.observations().forPatient(r.patients().all(1).getFirst().id()).size());
            assertThat(observations).isEqualTo(30);
            assertThat(reopened.read(r -> r.audit().verify()).intact()).isTrue();
        }
    }

    @Test
    void onlyABigMostlyDeadFileIsWorthTheWait() {
        assertThat(H2Store.worthCompacting(781L << 20, 8)).isTrue(); // measured: 6,000 one-patient commits
        assertThat(H2Store.worthCompacting(781L << 20, 50)).isFalse();
        assertThat(H2Store.worthCompacting(15L << 20, 8)).isFalse();
        assertThat(H2Store.worthCompacting(16L << 20, 49)).isTrue();
    }
}
