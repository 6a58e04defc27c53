package org.outpost.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.decision.Decision;
import org.outpost.app.demo.DemoDataService;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.model.ModelRegistry;
import org.outpost.app.port.Store;
import org.outpost.app.port.Vault;
import org.outpost.app.sharing.BearerToken;
import org.outpost.app.sharing.OutboxCounts;
import org.outpost.app.usecase.ChartService;
import org.outpost.app.usecase.ConsentDraft;
import org.outpost.app.usecase.ConsentService;
import org.outpost.app.usecase.Session;
import org.outpost.app.usecase.SyncSettingsService;
import org.outpost.store.H2Vault;
import org.outpost.sync.deid.Deidentifier;
import org.outpost.sync.deid.PseudonymKey;
import org.outpost.sync.fhir.FhirSummaryBuilder;
import org.outpost.sync.outbox.SiteSync;
import org.outpost.sync.transport.SyncProgress;
import org.outpost.sync.transport.SyncReport;
import org.outpost.sync.transport.SyncService;

/**
 * Issue 12's budget: de-identify and sync 10,000 summaries to a local server in at most 30 s with a heap under
 * 256 MB. Not JMH: one pass is the measurement.
 *
 * <pre>
 *   ./mvnw -q -B -pl bench -am package -DskipTests
 *   $JAVA_HOME/bin/java -Xmx256m -cp bench/target/benchmarks.jar org.outpost.bench.SyncBench [PATIENTS]
 * </pre>
 *
 * <ol>
 *   <li>Data (built once, cached in {@code <outpost.bench.dir>/sync-demo-<PATIENTS>-g1/}): PATIENTS demo patients
 *       ({@link DemoDataService}, default 10,000) in an encrypted store made by {@link H2Vault}, every one of them
 *       consenting ({@link ConsentService}: those who had not consented give it, a third also to genotypes), sync
 *       configured with k = 5 and genotype sharing on. Each run works on a fresh copy.</li>
 *   <li>The server: {@link SyncBenchServer} in a child JVM ({@code -Xmx}{@value #SERVER_HEAP}, more options in
 *       {@code -Doutpost.bench.serverJvmArgs="..."}, e.g. a flight recording) on a loopback port, so this JVM's heap
 *       is the workstation's alone. The two share the machine's cores.</li>
 *   <li>The pass: {@link SiteSync#syncNow()} with the standard loop settings (batches of 25), timed; the heap is
 *       sampled every 10 ms and the heap pools' peaks are read at the end.</li>
 *   <li>De-identification alone: {@link Deidentifier#summarise}, {@link FhirSummaryBuilder#build} and the JSON of
 *       1,000 charts already read, after a warm-up round, per summary.</li>
 * </ol>
 */
public final class SyncBench {
    static final String SERVER_HEAP = "6g";
    private static final int GENERATION = 1;
    private static final long SEED = 2025;
    private static final String TOKEN = "sync-bench-token";

    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean breakdown = arguments.remove("--breakdown");
        int patients = arguments.isEmpty() ? 10_000 : Integer.parseInt(arguments.getFirst());
        Path root = Path.of(System.getProperty("outpost.bench.dir", "bench/target/bench-data")).toAbsolutePath();
        Path template = root.resolve("sync-demo-" + patients + "-g" + GENERATION);
        ensureTemplate(template, patients);
        Path work = root.resolve("sync-work");
        BenchData.deleteTree(work);
        Files.createDirectories(work);
        for (Path f : Files.list(template).filter(Files::isRegularFile).toList()) {
            Files.copy(f, work.resolve(f.getFileName()));
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("JVM: %s, max heap %,d MiB, %d processors%n", Runtime.version(), maxHeap >> 20,
                Runtime.getRuntime().availableProcessors());

        Process serverProcess = startServer();
        try {
            String base = awaitReady(serverProcess);
            Clock clock = Clock.systemDefaultZone();
            Vault.Unlocked unlocked = new H2Vault(work, clock).unlock(Dataset.USER, Dataset.PASSWORD.toCharArray());
            try (Store store = unlocked.store()) {
                Session session = new Session(unlocked.user());
                new SyncSettingsService(store, clock, session).configure(base, Optional.empty(), OptionalInt.empty(),
                        Optional.empty());
                OutboxCounts before = SiteSync.counts(store);
                System.out.printf("Outbox before: %,d waiting%n", before.waiting());

                long bytes0 = sizeOf(work);
                HeapWatch heap = HeapWatch.start();
                long cpu0 = processCpuNanos();
                java.time.Duration serverCpu0 = serverProcess.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
                long t0 = System.nanoTime();
                AtomicLong lastPrint = new AtomicLong(t0);
                SyncReport report;
                Timed timed = null;
                if (breakdown) {
                    timed = new Timed(store, clock, base);
                    report = timed.run(p -> progress(p, t0, lastPrint, heap, (int) before.waiting()));
                } else {
                    try (SiteSync sync = SiteSync.open(store, Dataset.USER, BundledModels.registry(), clock.getZone(),
                            clock, Optional.empty(), SyncService.Settings.standard(),
                            p -> progress(p, t0, lastPrint, heap, (int) before.waiting()))
                            .orElseThrow()) {
                        report = sync.syncNow();
                    }
                }
                long took = System.nanoTime() - t0;
                long cpu = processCpuNanos() - cpu0;
                java.time.Duration serverCpu = serverProcess.info().totalCpuDuration().orElse(java.time.Duration.ZERO)
                        .minus(serverCpu0);
                heap.stop();
                OutboxCounts after = SiteSync.counts(store);
                long onServer = countPatients(base);

                System.out.printf("%nSync pass: %,d sent, %d refused, %d not confirmed%s%n", report.confirmed(),
                        report.rejected(), report.notConfirmed(),
                        report.problem().map(p -> " (" + p.why() + ")").orElse(""));
                System.out.printf("  %.1f s, %.2f ms per summary%n", took / 1e9,
                        took / 1e6 / Math.max(1, report.confirmed()));
                System.out.printf("  heap (max %,d MiB): peak in use %,d MiB (sampled every 10 ms, garbage included); "
                                + "live data half-way (after a full collection) %,d MiB%n",
                        maxHeap >> 20, heap.sampledPeak() >> 20, heap.liveMidPass() >> 20);
                System.out.printf("  outbox after: %,d waiting, %,d held back; Patients on the server: %,d%n",
                        after.pending(), after.heldBack(), onServer);
                long grew = sizeOf(work) - bytes0;
                System.out.printf("  database file grew by %,d MB (%,d bytes a summary sent: what was sent is kept)%n",
                        grew >> 20, grew / Math.max(1, report.confirmed()));
                System.out.printf("  CPU during the pass: workstation %.1f s (%.2f ms a summary), server %.1f s "
                                + "(%.2f ms a summary), of %.1f s available on %d cores%n", cpu / 1e9,
                        cpu / 1e6 / Math.max(1, report.confirmed()), serverCpu.toNanos() / 1e9,
                        serverCpu.toNanos() / 1e6 / Math.max(1, report.confirmed()),
                        took / 1e9 * Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().availableProcessors());
                if (timed != null) {
                    timed.print(took);
                }

                deidentificationAlone(store, clock.getZone(), BundledModels.registry(), LocalDate.now(clock));
            }
        } finally {
            serverProcess.getOutputStream().close();
            if (!serverProcess.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                serverProcess.destroy();
            }
            BenchData.deleteTree(work);
        }
    }

    private static void progress(SyncProgress p, long t0, AtomicLong lastPrint, HeapWatch heap, int total) {
        if (p.state() == SyncProgress.State.SENDING) {
            heap.progress(p.confirmed(), total);
        }
        long now = System.nanoTime();
        if (p.state() == SyncProgress.State.SENDING && now - lastPrint.get() > 5_000_000_000L) {
            lastPrint.set(now);
            System.out.printf("  %5.1f s: %,d sent%n", (now - t0) / 1e9, p.confirmed());
        }
    }

    /** Builds the cached demo store unless it is complete. */
    private static void ensureTemplate(Path template, int patients) throws Exception {
        Path done = template.resolve("complete");
        if (Files.exists(done)) {
            System.out.printf("Data: %s (cached)%n", template);
            return;
        }
        BenchData.deleteTree(template);
        Files.createDirectories(template);
        System.out.printf("Building %,d consenting demo patients in %s (once)...%n", patients, template);
        long t0 = System.nanoTime();
        Clock clock = Clock.systemDefaultZone();
        Vault.Unlocked u = new H2Vault(template, clock).create(Dataset.USER, "Bench", Dataset.PASSWORD.toCharArray());
        try (Store store = u.store()) {
            Session session = new Session(u.user());
            new DemoDataService(store, clock, session).create(patients, SEED, (n, total) -> {
                if (n % 1_000 == 0) {
                    System.out.printf("  %,d / %,d patients (%.0f s)%n", n, total, (System.nanoTime() - t0) / 1e9);
                }
            });
            ConsentService consent = new ConsentService(store, clock, session);
            int i = 0;
            for (PatientSummary p : store.read(r -> r.patients().all(Integer.MAX_VALUE))) {
                Consent now = store.read(r -> r.patients().find(p.id()).orElseThrow().consent().summaries());
                if (now != Consent.GIVEN) {
                    consent.record(p.id(), ConsentDraft.given(i++ % 3 == 0));
                }
            }
            new SyncSettingsService(store, clock, session).configure("http://127.0.0.1:9/fhir",
                    Optional.of(BearerToken.of(TOKEN)), OptionalInt.of(5), Optional.of(true));
            System.out.printf("  consent given by %,d more; %,d summaries waiting%n", i,
                    SiteSync.counts(store).waiting());
        }
        Files.writeString(done, "built in " + (System.nanoTime() - t0) / 1_000_000_000 + " s\n");
        System.out.printf("Built in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static long sizeOf(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** CPU time of this JVM so far (every thread, GC and JIT included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Process startServer() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + SERVER_HEAP));
        String extra = System.getProperty("outpost.bench.serverJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SyncBenchServer.class.getName()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String awaitReady(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                String base = line.substring(6).trim();
                System.out.println("Server: " + base + " (child JVM, -Xmx" + SERVER_HEAP + ")");
                Thread.ofVirtual().start(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the server ended
                    }
                });
                return base;
            }
        }
        throw new IOException("the bench FHIR server did not start");
    }

    private static long countPatients(String base) {
        FhirContext ctx = FhirContext.forR4();
        ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = ctx.newRestfulGenericClient(base);
        Bundle page = client.search().forResource(Patient.class).count(500).returnBundle(Bundle.class).execute();
        long n = 0;
        while (true) {
            n += page.getEntry().size();
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                return n;
            }
            page = client.loadPage().next(page).execute();
        }
    }

    /** Per-summary time of de-identification and the FHIR JSON alone, on charts already in memory. */
    private static void deidentificationAlone(Store store, ZoneId zone, ModelRegistry models, LocalDate asOf) {
        record Input(Chart chart, List<Decision> decisions, boolean genotypes) {
        }
        List<PatientId> ids = store.read(r -> r.patients().all(1_000)).stream().map(PatientSummary::id).toList();
        List<Input> inputs = store.read(r -> {
            List<Input> out = new ArrayList<>();
            for (PatientId id : ids) {
                Chart chart = ChartService.load(r, id);
                out.add(new Input(chart, r.decisions().latestPerModel(id), chart.patient().consent().sharesGenotypes()));
            }
            return out;
        });
        Deidentifier deid = Deidentifier.withBundledTables(
                PseudonymKey.forSite(store.read(r -> r.syncSettings().siteSecret())), models, zone);
        FhirSummaryBuilder builder = new FhirSummaryBuilder();
        long resources = 0;
        long chars = 0;
        long nanos = 0;
        for (int round = 0; round < 3; round++) {
            resources = 0;
            chars = 0;
            long t0 = System.nanoTime();
            for (Input in : inputs) {
                Bundle b = builder.build(deid.summarise(in.chart(), in.decisions(), in.genotypes(), asOf));
                resources += b.getEntry().size();
                chars += builder.toJson(b).length();
            }
            nanos = System.nanoTime() - t0;
        }
        System.out.printf("De-identification alone (summarise + FHIR bundle + JSON), %,d charts in memory, third "
                        + "round: %.0f µs per summary (%.1f resources, %,d characters of JSON on average)%n",
                inputs.size(), nanos / 1e3 / inputs.size(), (double) resources / inputs.size(), chars / inputs.size());
    }

    /**
     * {@code --breakdown}: the parts {@link SiteSync} wires (outbox, transport, loop), wired the same way here with
     * a clock around each, to see where a pass spends its wall time. Not the audited path: no SYNC_RUN row.
     */
    private static final class Timed {
        private final org.outpost.sync.outbox.OutboxSummaries outbox;
        private final org.outpost.sync.transport.FhirSummaryTransport transport;
        private final AtomicLong nextNanos = new AtomicLong();
        private final AtomicLong sendNanos = new AtomicLong();
        private final AtomicLong reportNanos = new AtomicLong();
        private final AtomicLong flushNanos = new AtomicLong();

        Timed(Store store, Clock clock, String base) {
            var settings = store.read(r -> r.syncSettings().load());
            Deidentifier deid = Deidentifier.withBundledTables(
                    PseudonymKey.forSite(store.read(r -> r.syncSettings().siteSecret())), BundledModels.registry(),
                    clock.getZone());
            outbox = new org.outpost.sync.outbox.OutboxSummaries(store, deid, new FhirSummaryBuilder(), settings, clock);
            transport = new org.outpost.sync.transport.FhirSummaryTransport(org.outpost.sync.fhir.FhirR4.context(),
                    org.outpost.sync.transport.ConnectionSettings.of(
                            org.outpost.app.sharing.ServerUrl.parse(base),
                            org.outpost.sync.transport.ServerTrust.systemDefault(),
                            Optional.of(BearerToken.of(TOKEN)), "bench-site"));
        }

        SyncReport run(org.outpost.sync.transport.SyncListener listener) {
            var pending = new org.outpost.sync.transport.PendingSummaries() {
                @Override
                public List<org.outpost.sync.transport.PendingSummary> next(int max) {
                    long t = System.nanoTime();
                    try {
                        return outbox.next(max);
                    } finally {
                        nextNanos.addAndGet(System.nanoTime() - t);
                    }
                }

                @Override
                public void confirmed(org.outpost.sync.transport.PendingSummary s,
                                      org.outpost.sync.transport.SendResult.Confirmed r) {
                    long t = System.nanoTime();
                    outbox.confirmed(s, r);
                    reportNanos.addAndGet(System.nanoTime() - t);
                }

                @Override
                public void rejected(org.outpost.sync.transport.PendingSummary s,
                                     org.outpost.sync.transport.SendResult.Rejected r) {
                    outbox.rejected(s, r);
                }

                @Override
                public void notConfirmed(org.outpost.sync.transport.PendingSummary s,
                                         org.outpost.sync.transport.SendResult.NotConfirmed r) {
                    outbox.notConfirmed(s, r);
                }

                @Override
                public void passEnded(List<org.outpost.sync.transport.PendingSummary> unsent) {
                    outbox.passEnded(unsent);
                }
            };
            var sender = new org.outpost.sync.transport.SummarySender() {
                @Override
                public org.outpost.sync.transport.SendResult send(Bundle summary, String json) {
                    long t = System.nanoTime();
                    try {
                        return transport.send(summary, json);
                    } finally {
                        sendNanos.addAndGet(System.nanoTime() - t);
                    }
                }

                @Override
                public org.outpost.sync.transport.SendResult checkpoint(String hash, long length, java.time.Instant at) {
                    return transport.checkpoint(hash, length, at);
                }
            };
            try (SyncService service = new SyncService(pending, sender,
                    org.outpost.sync.transport.Backoff.standard(new java.util.SplittableRandom()),
                    SyncService.Settings.standard(), Optional::empty, listener, Clock.systemUTC())) {
                return service.syncNow();
            } finally {
                long t = System.nanoTime();
                outbox.flush();
                flushNanos.addAndGet(System.nanoTime() - t);
                transport.close();
            }
        }

        void print(long totalNanos) {
            System.out.printf("  time by part: outbox.next on the preparing thread (read outbox and charts, gate, "
                            + "de-identify, build, JSON; writes the previous batches' confirmations) %.1f s; on the "
                            + "sending thread: send (HTTP, server) %.1f s, confirmations noted %.1f s; final write "
                            + "%.1f s; sending thread waiting for a batch or idle %.1f s%n",
                    nextNanos.get() / 1e9, sendNanos.get() / 1e9, reportNanos.get() / 1e9, flushNanos.get() / 1e9,
                    (totalNanos - sendNanos.get() - reportNanos.get() - flushNanos.get()) / 1e9);
        }
    }

    /**
     * Samples heap use every 10 ms (garbage included), and once, half-way through the pass, measures the live data:
     * a full collection ({@code System.gc()}, a few hundred milliseconds inside the timed pass) and the heap in use
     * right after it.
     */
    private static final class HeapWatch {
        private final Thread sampler;
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong live = new AtomicLong(-1);
        private volatile boolean running = true;

        private HeapWatch() {
            var memory = ManagementFactory.getMemoryMXBean();
            sampler = Thread.ofPlatform().daemon(true).name("heap-watch").start(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapWatch start() {
            System.gc();
            return new HeapWatch();
        }

        /** Called on the sync thread with the summaries sent so far. */
        void progress(int sent, int total) {
            if (live.get() < 0 && sent >= total / 2) {
                System.gc();
                live.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        long sampledPeak() {
            return peak.get();
        }

        long liveMidPass() {
            return live.get();
        }
    }
}
