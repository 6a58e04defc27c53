package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Patient;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.Reading;
import org.outpost.app.monitoring.SeriesExtent;
import org.outpost.app.port.Store;

/**
 * Issue 15: an import killed with SIGKILL midway leaves whole days or nothing — every day the child reported
 * committed is there with all 86,400 readings, the day in flight is there whole or not at all, and every stored day
 * unpacks and passes its seal.
 */
class MonitoringCrashTest {
    private static final int ROUNDS = 3;

    @TempDir
    Path tmp;

    @Test
    void killedMidImportEveryDayIsWholeOrAbsent() throws Exception {
        Path dir = tmp.resolve("data");
        Patient patient = Fixtures.patient("MON-K", "Crash", "Kim", LocalDate.of(1960, 1, 1));
        try (Store s = TestVaults.fast(dir, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            s.write(r -> {
                r.patients().insert(patient);
                return null;
            });
        }
        Random random = new Random(15);
        int next = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Process child = ChildProcess.start("monitor", dir.toString(), patient.id().value().toString(),
                    Integer.toString(next));
            AtomicInteger lastReported = new AtomicInteger(next - 1);
            CompletableFuture<String> opened = new CompletableFuture<>();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("COMMITTED ")) {
                            lastReported.set(Integer.parseInt(line.substring("COMMITTED ".length())));
                        } else {
                            opened.complete(line);
                        }
                    }
                } catch (java.io.IOException e) {
                    // the pipe breaks when the child is killed
                }
            });
            assertThat(opened.get(60, TimeUnit.SECONDS)).isEqualTo("OPEN");
            Thread.sleep(800 + random.nextInt(1500));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // every line the child wrote before it died is still in the pipe: read to its end before judging (on a
            // loaded machine 5 s was not always enough, and a late "COMMITTED" looked like a day too many)
            reader.join(60_000);
            assertThat(reader.isAlive()).as("the child's output read to its end").isFalse();
            int reported = lastReported.get();
            try (Store s = TestVaults.fast(dir, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
                List<SeriesExtent> extents = s.read(r -> r.monitoring().extents(patient.id()));
                long stored = extents.isEmpty() ? 0 : extents.getFirst().readings();
                assertThat(stored % 86_400).as("round %d: whole days only", round).isZero();
                long days = stored / 86_400;
                assertThat(days).as("round %d: every reported day, and perhaps the one in flight", round)
                        .isBetween((long) reported + 1, (long) reported + 2);
                List<Reading> all = s.read(r -> r.monitoring().readings(patient.id(), Measure.HEART_RATE, Instant.EPOCH,
                        Instant.parse("2100-01-01T00:00:00Z")));
                assertThat(all).hasSize((int) stored);
                var report = s.verifyIntegrity();
                assertThat(report.tables()).filteredOn(t -> t.name().equals("monitoring_days"))
                        .singleElement().satisfies(t -> {
                            assertThat(t.rows()).isEqualTo(days);
                            assertThat(t.intact()).isTrue();
                        });
                assertThat(report.intact()).as(report.summary()).isTrue();
                next = (int) days;
            }
        }
        assertThat(next).as("the child got some days in").isGreaterThan(0);
    }
}
