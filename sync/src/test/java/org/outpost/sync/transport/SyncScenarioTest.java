package org.outpost.sync.transport;

import org.outpost.app.sharing.ServerUrl;
import org.outpost.app.sharing.BearerToken;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outpost.sync.testserver.FaultProxy;
import org.outpost.sync.testserver.FaultProxy.Fault;
import org.outpost.sync.testserver.FhirServerExtension;
import org.outpost.sync.testserver.FhirTestServer;
import org.outpost.sync.testserver.MemoryOutbox;
import org.outpost.sync.testserver.ServerInspector;
import org.outpost.sync.testserver.TestSummaries;

/**
 * The whole delivery path — outbox, sync loop with backoff, HAPI client, a fault-injecting proxy, a real HAPI
 * FHIR server — under each kind of failure. Every scenario ends with the same two checks: the server holds
 * exactly one current copy of every summary that should be there and nothing else, and the outbox was told
 * "confirmed" exactly as often as the server's 200 answer actually reached the client.
 */
@ExtendWith(FhirServerExtension.class)
class SyncScenarioTest {
    private static final FhirContext FHIR = FhirContext.forR4();
    private static final Duration SETTLE = Duration.ofSeconds(45);

    private final FhirTestServer server;
    private final ServerInspector inspector;
    private final List<SyncProgress> progress = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<AuditHead> auditHead = new AtomicReference<>(new AuditHead("c".repeat(64), 10));
    private final List<AutoCloseable> open = new ArrayList<>();
    private FaultProxy proxy;
    private MemoryOutbox outbox;
    private String scenario;
    private long started;

    SyncScenarioTest(FhirTestServer server) {
        this.server = server;
        this.inspector = new ServerInspector(server);
    }

    @BeforeEach
    void setUp(TestInfo info) throws IOException {
        server.reset();
        proxy = FaultProxy.start(server.port());
        outbox = new MemoryOutbox();
        scenario = info.getDisplayName();
        started = System.nanoTime();
    }

    @AfterEach
    void tearDown() throws Exception {
        System.out.printf("[sync scenario] %-60s %5d ms, %2d exchanges%n", scenario,
                (System.nanoTime() - started) / 1_000_000, proxy.exchanges().size());
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        proxy.close();
    }

    // ---- the scenarios ----

    @Test
    void gatewayErrorsBeforeTheServerSawTheRequest() throws Exception {
        Map<String, Bundle> latest = enqueue(6, Set.of(0, 1));
        proxy.failNext(Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500);

        runUntilSettled(service(transport(Duration.ofSeconds(2)), outbox.connect()));

        inspector.assertHoldsExactly(latest, Map.of(), 1);
        assertConfirmedOnlyWhatTheClientHeard();
        assertThat(outbox.notConfirmed()).hasSize(3)
                .allSatisfy(n -> assertThat(n.reason()).isEqualTo(SendResult.Reason.SERVER_ERROR));
    }

    @Test
    void gatewayErrorsAfterTheServerStoredTheSummary() throws Exception {
        Map<String, Bundle> latest = enqueue(6, Set.of(2));
        proxy.plan(n -> n <= 6 && n % 2 == 1 ? Fault.HTTP_500_AFTER_PROCESSING : Fault.NONE);

        runUntilSettled(service(transport(Duration.ofSeconds(2)), outbox.connect()));

        inspector.assertHoldsExactly(latest, Map.of(), 1);
        assertConfirmedOnlyWhatTheClientHeard();
        assertThat(storedButNotHeard()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void timeoutsAreNotConfirmedAndTheResendDoesNotDuplicate() throws Exception {
        Map<String, Bundle> latest = enqueue(5, Set.of(0));
        proxy.hold(Duration.ofMillis(1200)).failNext(Fault.TIMEOUT, Fault.NONE, Fault.TIMEOUT);

        runUntilSettled(service(transport(Duration.ofMillis(600)), outbox.connect()));

        inspector.assertHoldsExactly(latest, Map.of(), 1);
        assertConfirmedOnlyWhatTheClientHeard();
        assertThat(outbox.notConfirmed()).extracting(SendResult.NotConfirmed::reason)
                .containsExactly(SendResult.Reason.TIMEOUT, SendResult.Reason.TIMEOUT);
        assertThat(proxy.exchanges()).filteredOn(e -> e.fault() == Fault.TIMEOUT)
                .allSatisfy(e -> assertThat(e.upstreamStatus()).as("server stored it").isEqualTo(200));
    }

    @Test
    void connectionsDroppedAfterTheServerStoredTheSummary() throws Exception {
        Map<String, Bundle> latest = enqueue(6, Set.of(4, 5));
        proxy.failNext(Fault.DROP_AFTER_PROCESSING, Fault.DROP_AFTER_PROCESSING, Fault.NONE,
                Fault.DROP_AFTER_PROCESSING);

        runUntilSettled(service(transport(Duration.ofSeconds(2)), outbox.connect()));

        inspector.assertHoldsExactly(latest, Map.of(), 1);
        assertConfirmedOnlyWhatTheClientHeard();
        assertThat(outbox.notConfirmed()).hasSize(3)
                .allSatisfy(n -> assertThat(n.reason()).isEqualTo(SendResult.Reason.CONNECTION_LOST));
        assertThat(storedButNotHeard()).isEqualTo(3);
    }

    @Test
    void slowAnswersWithinTheReadTimeoutAreConfirmedFirstTime() throws Exception {
        Map<String, Bundle> latest = enqueue(4, Set.of(1));
        proxy.slowDelay(Duration.ofMillis(400)).plan(n -> Fault.SLOW);

        runUntilSettled(service(transport(Duration.ofMillis(1500)), outbox.connect()));

        inspector.assertHoldsExactly(latest, Map.of(), 1);
        assertConfirmedOnlyWhatTheClientHeard();
        assertThat(outbox.notConfirmed()).isEmpty();
        assertThat(proxy.exchanges()).filteredOn(FaultProxy.Exchange::isTransaction).hasSize(4);
    }

    @Test
    void serverDownForAWhileIsWaitedOutWithBackoff() throws Exception {
        Map<String, Bundle> latest = enqueue(5, Set.of(3));
        proxy.down();
        SyncService service = service(transport(Duration.ofSeconds(2)), outbox.connect());
        service.start();
        await(() -> outbox.notConfirmed().size() >= 3, Duration.ofSeconds(20));
        proxy.up();
        awaitSettled(service);

        inspector.assertHoldsExactly(latest, Map.of(), 1);
        assertConfirmedOnlyWhatTheClientHeard();
        assertThat(outbox.notConfirmed()).allSatisfy(n -> assertThat(n.reason()).isEqualTo(SendResult.Reason.UNREACHABLE));
        assertThat(progress(0)).filteredOn(p -> p.state() == SyncProgress.State.BACKING_OFF)
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(p -> {
                    assertThat(p.nextAttempt()).isPresent();
                    assertThat(p.problem()).hasValueSatisfying(w -> assertThat(w).contains("cannot be reached"));
                });
    }

    @Test
    void syncNowCutsALongBackoffShort() throws Exception {
        Map<String, Bundle> latest = enqueue(3, Set.of());
        proxy.down();
        SyncService service = new SyncService(outbox.connect(), transport(Duration.ofSeconds(2)),
                new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(10), new SplittableRandom(1)),
                new SyncService.Settings(2, Duration.ofMinutes(10)), () -> Optional.of(auditHead.get()),
                progress::add, Clock.systemUTC());
        open.add(service);
        service.start();
        await(() -> progress(0).stream().anyMatch(p -> p.state() == SyncProgress.State.BACKING_OFF), Duration.ofSeconds(10));
        proxy.up();
        long t0 = System.nanoTime();
        service.requestSync();
        awaitSettled(service);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        inspector.assertHoldsExactly(latest, Map.of(), 1);
        assertConfirmedOnlyWhatTheClientHeard();
    }

    @Test
    void killedMidBatchThenRestartedLosesAndDuplicatesNothing() throws Exception {
        Map<String, Bundle> latest = enqueue(7, Set.of(0, 6));
        proxy.hold(Duration.ofSeconds(10)).failNext(Fault.NONE, Fault.NONE, Fault.TIMEOUT);
        FhirSummaryTransport first = transport(Duration.ofSeconds(8));
        SyncService dying = service(first, outbox.connect());
        dying.start();
        await(() -> proxy.forwarded() >= 3, Duration.ofSeconds(10)); // the server has stored the third summary…
        outbox.kill(); // …and the process dies before the answer comes back
        first.close();
        assertThat(dying.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(outbox.confirmations()).hasSize(2);

        runUntilSettled(service(transport(Duration.ofSeconds(2)), outbox.connect()));

        inspector.assertHoldsExactly(latest, Map.of(), 1);
        assertThat(outbox.confirmations()).hasSize(7);
        // seven summaries, the killed one twice, one checkpoint (the killed exchange is still being held)
        assertThat(proxy.forwarded()).isEqualTo(7 + 1 + 1);
    }

    @Test
    void updatesAfterConfirmationBecomeNewVersionsNotNewCopies() throws Exception {
        Map<String, Bundle> latest = enqueue(4, Set.of());
        runUntilSettled(service(transport(Duration.ofSeconds(2)), outbox.connect()));
        Map<String, List<Bundle>> delivered = new LinkedHashMap<>();
        latest.forEach((p, b) -> delivered.computeIfAbsent(p, k -> new ArrayList<>()).add(b));

        for (int i : List.of(1, 2)) {
            String p = TestSummaries.pseudonym(scenario, i);
            Bundle updated = TestSummaries.summary(p, 2);
            outbox.enqueue(p, updated);
            latest.put(p, updated);
            delivered.get(p).add(updated);
        }
        auditHead.set(new AuditHead("d".repeat(64), 14));
        proxy.failNext(Fault.DROP_AFTER_PROCESSING);
        runUntilSettled(service(transport(Duration.ofSeconds(2)), outbox.connect()));

        Map<String, String> versions = expectedVersions(delivered);
        assertThat(versions).as("some resources really changed").containsValue("2");
        inspector.assertHoldsExactly(latest, versions, 1);
        assertThat(inspector.read("Basic", "outpost-audit-clinic-7").getMeta().getVersionId()).isEqualTo("2");
        assertConfirmedOnlyWhatTheClientHeard();
    }

    @Test
    void aRejectedSummaryWaitsForAPersonAndDoesNotBlockTheOthers() throws Exception {
        Map<String, Bundle> latest = enqueue(3, Set.of());
        String orphan = TestSummaries.pseudonym(scenario, 99);
        outbox.enqueue(orphan, TestSummaries.orphanObservation(orphan));
        SyncService service = service(transport(Duration.ofSeconds(2)), outbox.connect());

        SyncReport first = service.syncNow();
        SyncReport second = service.syncNow();

        assertThat(first.confirmed()).isEqualTo(3);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(second.confirmed() + second.rejected() + second.notConfirmed()).isZero();
        assertThat(outbox.state(orphan)).isEqualTo(MemoryOutbox.State.REJECTED);
        assertThat(outbox.rejection(orphan)).containsIgnoringCase("not found");
        inspector.assertHoldsExactly(latest, Map.of(), 1);
        assertConfirmedOnlyWhatTheClientHeard();
    }

    @Test
    void aWithdrawnSummaryNeverReachesTheServer() throws Exception {
        Map<String, Bundle> latest = enqueue(4, Set.of());
        String withdrawn = TestSummaries.pseudonym(scenario, 2);
        outbox.withdraw(withdrawn);
        latest.remove(withdrawn);

        runUntilSettled(service(transport(Duration.ofSeconds(2)), outbox.connect()));

        inspector.assertHoldsExactly(latest, Map.of(), 1);
        assertThat(inspector.patientsWithPseudonym(withdrawn)).isEmpty();
    }

    @Test
    void syncNowStopsAtTheFirstUnconfirmedSendAndKeepsTheRestQueued() {
        enqueue(5, Set.of());
        proxy.failNext(Fault.NONE, Fault.NONE, Fault.HTTP_500);
        SyncService service = service(transport(Duration.ofSeconds(2)), outbox.connect());

        SyncReport report = service.syncNow();

        assertThat(report.confirmed()).isEqualTo(2);
        assertThat(report.notConfirmed()).isEqualTo(1);
        assertThat(report.problem()).hasValueSatisfying(n -> assertThat(n.reason()).isEqualTo(SendResult.Reason.SERVER_ERROR));
        assertThat(report.checkpointConfirmed()).isFalse();
        assertThat(outbox.allSettled()).isFalse();
        assertThat(proxy.exchanges()).hasSize(3);
        // the second batch (rows 4 and 5) was prepared while the first was sent: it is handed back unsent
        assertThat(outbox.passesEnded()).isEqualTo(1);
        assertThat(outbox.unsentReturned()).isEqualTo(2);

        SyncReport again = service.syncNow();

        assertThat(again.confirmed()).as("the failed one and the two handed back, once each").isEqualTo(3);
        assertThat(outbox.allSettled()).isTrue();
        assertThat(proxy.exchanges()).filteredOn(FaultProxy.Exchange::isTransaction).hasSize(6);
    }

    @Test
    void everyFaultAtRandomStillEndsWithExactlyOneCopy() throws Exception {
        Map<String, Bundle> latest = enqueue(10, Set.of(2, 5));
        SplittableRandom random = new SplittableRandom(20260301);
        Fault[] faults = Fault.values();
        List<Fault> drawn = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            drawn.add(faults[random.nextInt(faults.length)]);
        }
        proxy.hold(Duration.ofMillis(900)).slowDelay(Duration.ofMillis(150)).failNext(drawn.toArray(Fault[]::new));

        runUntilSettled(service(transport(Duration.ofMillis(500)), outbox.connect()));

        inspector.assertHoldsExactly(latest, Map.of(), 1);
        assertConfirmedOnlyWhatTheClientHeard();
    }

    // ---- helpers ----

    /**
     * A transport through the proxy. The JPA server can take seconds for a transaction on a busy two-core machine
     * (Hibernate's first statements), and a read timeout the scenario did not plan turns a 200 the proxy delivered
     * into "not confirmed" on the client — the race the scenarios' last check would then report. So against JPA a
     * scenario's ordinary timeout (2 s or more) is stretched; the short timeouts that fault scenarios rely on are
     * kept as they are.
     */
    private FhirSummaryTransport transport(Duration readTimeout) {
        open.stream().filter(FhirSummaryTransport.class::isInstance).forEach(c -> ((FhirSummaryTransport) c).close());
        boolean jpa = server.description().contains("JPA");
        Duration read = jpa && readTimeout.compareTo(Duration.ofSeconds(2)) >= 0 ? Duration.ofSeconds(30) : readTimeout;
        FhirSummaryTransport t = new FhirSummaryTransport(FHIR, new ConnectionSettings(
                ServerUrl.parse(proxy.base().toString()), ServerTrust.systemDefault(),
                Optional.of(BearerToken.of("scenario-token")), "clinic-7", Duration.ofSeconds(1), read));
        open.add(t);
        return t;
    }

    private SyncService service(SummarySender sender, org.outpost.sync.transport.PendingSummaries view) {
        SyncService s = new SyncService(view, sender,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(250), new SplittableRandom(7)),
                new SyncService.Settings(3, Duration.ofMillis(200)), () -> Optional.of(auditHead.get()), progress::add,
                Clock.systemUTC());
        open.add(s);
        return s;
    }

    /** Queues summaries 0..n-1 of this scenario; those in {@code updatedTwice} get revisions 2 and 3 before any send. */
    private Map<String, Bundle> enqueue(int n, Set<Integer> updatedTwice) {
        Map<String, Bundle> latest = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String p = TestSummaries.pseudonym(scenario, i);
            int revisions = updatedTwice.contains(i) ? 3 : 1;
            for (int r = 1; r <= revisions; r++) {
                Bundle b = TestSummaries.summary(p, r);
                outbox.enqueue(p, b);
                latest.put(p, b);
            }
        }
        return latest;
    }

    private void runUntilSettled(SyncService service) throws Exception {
        service.start();
        awaitSettled(service);
    }

    /** Until every row is sent or rejected and the loop has finished a clean pass (checkpoint included). */
    private void awaitSettled(SyncService service) throws Exception {
        int before = progress.size();
        await(() -> outbox.allSettled() && progress(before).stream()
                .anyMatch(p -> p.state() == SyncProgress.State.IDLE), SETTLE);
        assertThat(service.stop(Duration.ofSeconds(5))).isTrue();
    }

    /**
     * The progress reports from number {@code from} on, copied under the list's lock: the loop adds to it from its
     * own thread, and iterating it unlocked threw ConcurrentModificationException once.
     */
    private List<SyncProgress> progress(int from) {
        synchronized (progress) {
            return List.copyOf(progress.subList(Math.min(from, progress.size()), progress.size()));
        }
    }

    private static void await(BooleanSupplier condition, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + max);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Each confirmation must match a transaction answer the client really received with 200, and each such
     * answer must have led to a confirmation: "synced" is never said on a timeout, a 500 or a dropped line.
     */
    private void assertConfirmedOnlyWhatTheClientHeard() {
        long heard = proxy.exchanges().stream()
                .filter(e -> e.isTransaction() && e.delivered() && e.upstreamStatus() == 200).count();
        assertThat((long) outbox.confirmations().size()).as("confirmations vs 200 answers delivered").isEqualTo(heard);
    }

    /** Transactions the server stored while the client never heard so. */
    private long storedButNotHeard() {
        return proxy.exchanges().stream()
                .filter(e -> e.isTransaction() && e.upstreamStatus() == 200 && !e.delivered()).count();
    }

    /** The version each resource must be at after these summaries reached the server in this order. */
    private Map<String, String> expectedVersions(Map<String, List<Bundle>> deliveredInOrder) {
        Map<String, String> lastContent = new LinkedHashMap<>();
        Map<String, Integer> version = new LinkedHashMap<>();
        for (List<Bundle> bundles : deliveredInOrder.values()) {
            for (Bundle b : bundles) {
                for (Bundle.BundleEntryComponent e : b.getEntry()) {
                    Resource r = e.getResource();
                    String key = r.fhirType() + "/" + r.getIdElement().getIdPart();
                    String content = inspector.content(r);
                    if (!content.equals(lastContent.put(key, content))) {
                        version.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        version.forEach((k, v) -> out.put(k, Integer.toString(v)));
        return out;
    }
}
