package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.port.Store;

/**
 * Issue 10, item 5: a child process writes continuously (patients, vitals, audit rows, one transaction
 * each) and is killed with SIGKILL at a random moment; after every kill the database opens, the audit chain
 * verifies, and every write the child reported committed is there (and at most one more: the one in flight
 * may have reached the disk before its report).
 *
 * <p>The suite runs {@value #DEFAULT_ROUNDS} rounds; the full 50 are a documented bench command:
 * {@code ./mvnw -B -pl local-store -am test -Dtest=CrashTest -Doutpost.crash.rounds=50
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CrashTest {
    static final int DEFAULT_ROUNDS = 6;

    @TempDir
    Path tmp;

    @Test
    void killedMidWriteTheDatabaseOpensVerifiesAndKeepsEveryReportedCommit() throws Exception {
        int rounds = Integer.getInteger("outpost.crash.rounds", DEFAULT_ROUNDS);
        Path dir = tmp.resolve("data");
        TestVaults.fast(dir, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store().close();
        Random random = new Random(20261206);
        int next = 0;
        long totalCommitted = 0;
        for (int round = 0; round < rounds; round++) {
            Process child = ChildProcess.start("write", dir.toString(), Integer.toString(next));
            AtomicInteger lastReported = new AtomicInteger(next - 1);
            CompletableFuture<String> opened = new CompletableFuture<>();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.equals("OPEN")) {
                            opened.complete(line);
                        } else if (line.startsWith("COMMITTED ")) {
                            lastReported.set(Integer.parseInt(line.substring("COMMITTED ".length())));
                        } else {
                            opened.complete(line);
                        }
                    }
                } catch (java.io.IOException e) {
                    // the pipe breaks when the child is killed
                }
            });
            assertThat(opened.get(60, TimeUnit.SECONDS)).as("round " + round + ": the child opened the database").isEqualTo("OPEN");
            Thread.sleep(100 + random.nextInt(900)); // kill at a random moment of continuous writing
            child.destroyForcibly(); // SIGKILL on Linux and macOS
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
            int reported = lastReported.get();

            try (Store s = TestVaults.fast(dir, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
                assertThat(s.read(r -> r.audit().verify()).intact()).as("round " + round + ": audit chain").isTrue();
                int from = next;
                long present = s.read(r -> r.patients().count()); // only the child's patients are in this database
                // every reported commit is there; the one in flight may or may not be
                for (int i = from; i <= reported; i++) {
                    String mrn = "K-" + i;
                    java.util.Optional<org.outpost.app.domain.Patient> found =
                            s.read(r -> r.patients().findByMrn(new org.outpost.app.domain.Mrn(mrn)));
                    assertThat(found).as("round " + round + ": committed " + mrn).isPresent();
                }
                long inFlight = s.read(r -> r.patients().findByMrn(new org.outpost.app.domain.Mrn("K-" + (reported + 1)))).isPresent() ? 1 : 0;
                assertThat(present).as("round " + round).isEqualTo(reported + 1 + inFlight);
                totalCommitted = present;
                next = reported + 1 + (int) inFlight;
            }
        }
        assertThat(totalCommitted).as("the child committed writes across %d kills", rounds).isPositive();
        System.out.printf("CrashTest: %d SIGKILLs, %d transactions committed and all present%n", rounds, totalCommitted);
    }
}
