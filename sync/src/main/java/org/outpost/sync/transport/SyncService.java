package org.outpost.sync.transport;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to the server: in batches, on demand ("Sync now") or periodically on its own thread, with
 * exponential backoff while the server does not confirm.
 *
 * <p>A pass takes batches from {@link PendingSummaries} (the next one prepared on a second thread while the current
 * one is sent) and sends each summary as its own transaction, so one
 * refused summary does not hold back the others, and reports each result to the outbox as it comes: a row is
 * marked sent only on {@link SendResult.Confirmed}. The pass stops at the first send that is not confirmed (the
 * server or the network is most likely down, and hammering it helps nobody) and the periodic loop waits
 * {@link Backoff#delay} before the next pass; a confirmed pass resets the backoff. When everything queued went
 * through, the audit chain head is sent as a checkpoint if it moved since the last confirmed one.
 *
 * <p>Stopping is cooperative: {@link #close()} lets the send in flight finish (bounded by the transport's read
 * timeout) and sends nothing more. Killing the process instead loses nothing either: an unconfirmed row is
 * still pending in the outbox and is sent again, which the server absorbs because every entry is a PUT to a
 * stable id.
 */
public final class SyncService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    /**
     * @param batchSize summaries taken from the outbox at a time
     * @param period how long the periodic loop rests after a pass that went through
     */
    public record Settings(int batchSize, Duration period) {
        public Settings {
            if (batchSize < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("batch size and period must be positive");
            }
        }

        /** 25 summaries a batch, every 5 minutes. */
        public static Settings standard() {
            return new Settings(25, Duration.ofMinutes(5));
        }
    }

    private final PendingSummaries outbox;
    private final SummarySender sender;
    private final Backoff backoff;
    private final Settings settings;
    private final Supplier<Optional<AuditHead>> auditHead;
    private final SyncListener listener;
    private final Clock clock;

    private final ReentrantLock passLock = new ReentrantLock();
    private final Object wake = new Object();
    private boolean wakeRequested; // guarded by wake
    private volatile boolean stopping;
    private Thread worker; // guarded by this
    private AuditHead lastCheckpoint; // guarded by passLock

    /**
     * @param auditHead the current audit chain head, or empty while there is none
     * @param listener progress for the screen
     * @param clock for "next attempt at" and the checkpoint time
     */
    public SyncService(PendingSummaries outbox, SummarySender sender, Backoff backoff, Settings settings,
            Supplier<Optional<AuditHead>> auditHead, SyncListener listener, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox);
        this.sender = Objects.requireNonNull(sender);
        this.backoff = Objects.requireNonNull(backoff);
        this.settings = Objects.requireNonNull(settings);
        this.auditHead = Objects.requireNonNull(auditHead);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * One pass on the calling thread (run it off the FX thread): sends until the outbox is empty or the server
     * stops confirming. Waits if the periodic loop is in the middle of a pass.
     */
    public SyncReport syncNow() {
        passLock.lock();
        try {
            return pass();
        } finally {
            passLock.unlock();
        }
    }

    /** Starts the periodic loop on a daemon thread named {@code outpost-sync}. */
    public synchronized void start() {
        if (worker != null) {
            throw new IllegalStateException("already started");
        }
        if (stopping) {
            throw new IllegalStateException("already stopped");
        }
        worker = Thread.ofPlatform().name("outpost-sync").daemon(true).start(this::loop);
    }

    /** Asks the periodic loop to pass now, cutting short a rest or a backoff wait (the user pressed "Sync now"). */
    public void requestSync() {
        synchronized (wake) {
            wakeRequested = true;
            wake.notifyAll();
        }
    }

    /**
     * Stops the loop after the send in flight, waiting at most {@code timeout} for it.
     *
     * @return true if the loop has ended
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        stopping = true;
        requestSync();
        Thread t;
        synchronized (this) {
            t = worker;
        }
        if (t == null) {
            return true;
        }
        return t.join(timeout);
    }

    /** Stops and waits for the loop to end. */
    @Override
    public void close() {
        try {
            stop(Duration.ofDays(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        int failures = 0;
        while (!stopping) {
            Duration rest;
            SyncProgress.State state;
            Optional<String> problem = Optional.empty();
            SyncReport report = null;
            try {
                report = syncNow();
            } catch (RuntimeException e) {
                LOG.error("Sync pass failed unexpectedly", e);
                problem = Optional.of("Sync stopped on an unexpected error (" + e.getClass().getSimpleName()
                        + "); it will try again.");
            }
            if (report != null && !report.interrupted()) {
                failures = 0;
                rest = settings.period();
                state = SyncProgress.State.IDLE;
            } else if (report != null && report.problem().get().needsSettingsChange()) {
                rest = settings.period();
                state = SyncProgress.State.NEEDS_SETTINGS;
                problem = Optional.of(report.problem().get().why());
            } else {
                failures++;
                rest = backoff.delay(failures);
                state = SyncProgress.State.BACKING_OFF;
                if (report != null) {
                    problem = Optional.of(report.problem().get().why());
                }
            }
            if (stopping) {
                break;
            }
            listener.onProgress(new SyncProgress(state, report == null ? 0 : report.confirmed(),
                    report == null ? 0 : report.rejected(), report == null ? 0 : report.notConfirmed(), problem,
                    Optional.of(clock.instant().plus(rest)),
                    report == null ? Optional.empty() : report.problem().map(SendResult.NotConfirmed::reason)));
            rest(rest);
        }
        listener.onProgress(new SyncProgress(SyncProgress.State.STOPPED, 0, 0, 0, Optional.empty(), Optional.empty()));
    }

    private void rest(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (wake) {
            try {
                while (!wakeRequested && !stopping) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(wake, left);
                }
            } catch (InterruptedException e) {
                stopping = true;
                Thread.currentThread().interrupt();
            }
            wakeRequested = false;
        }
    }

    private SyncReport pass() {
        int confirmed = 0;
        int rejected = 0;
        int notConfirmed = 0;
        Optional<SendResult.NotConfirmed> problem = Optional.empty();
        // a row whose newest revision was already confirmed in this pass is not sent twice, even if the outbox
        // offers it again; this also keeps a faulty outbox from spinning the pass forever
        Set<String> sent = new HashSet<>();
        List<PendingSummary> unsent = new ArrayList<>();
        // the next batch is prepared (read, de-identified, encoded) on a second thread while this one sends the
        // current batch: the two halves take about as long as each other, and a remote server's wait is free
        ExecutorService preparer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("outpost-sync-prepare").daemon(true).factory());
        Future<List<PendingSummary>> coming = null;
        try {
            coming = preparer.submit(() -> outbox.next(settings.batchSize()));
            batches:
            while (!stopping) {
                List<PendingSummary> taken = awaitBatch(coming);
                coming = null;
                List<PendingSummary> batch = taken.stream()
                        .filter(p -> !sent.contains(p.key() + "#" + p.revision()))
                        .toList();
                if (batch.isEmpty()) {
                    unsent.addAll(taken);
                    break;
                }
                coming = preparer.submit(() -> outbox.next(settings.batchSize()));
                for (int i = 0; i < batch.size(); i++) {
                    PendingSummary p = batch.get(i);
                    if (stopping) {
                        unsent.addAll(batch.subList(i, batch.size()));
                        break batches;
                    }
                    sent.add(p.key() + "#" + p.revision());
                    SendResult result = sendOne(p);
                    switch (result) {
                        case SendResult.Confirmed c -> {
                            outbox.confirmed(p, c);
                            confirmed++;
                        }
                        case SendResult.Rejected r -> {
                            outbox.rejected(p, r);
                            rejected++;
                        }
                        case SendResult.NotConfirmed n -> {
                            // the batch being prepared is finished first, so the outbox hears of the failure
                            // after it has handed out everything it is going to in this pass
                            unsent.addAll(drain(coming));
                            coming = null;
                            outbox.notConfirmed(p, n);
                            notConfirmed++;
                            problem = Optional.of(n);
                            unsent.addAll(batch.subList(i + 1, batch.size()));
                            break batches;
                        }
                    }
                }
                listener.onProgress(new SyncProgress(SyncProgress.State.SENDING, confirmed, rejected, notConfirmed,
                        Optional.empty(), Optional.empty()));
            }
        } finally {
            unsent.addAll(drain(coming));
            preparer.shutdownNow();
            outbox.passEnded(unsent);
        }
        boolean checkpointed = false;
        if (problem.isEmpty() && !stopping) {
            Optional<AuditHead> head = auditHead.get();
            if (head.isPresent() && !head.get().equals(lastCheckpoint)) {
                SendResult r = sender.checkpoint(head.get().hash(), head.get().length(), clock.instant());
                switch (r) {
                    case SendResult.Confirmed _ -> {
                        lastCheckpoint = head.get();
                        checkpointed = true;
                    }
                    case SendResult.Rejected j -> {
                        // not retried for this head: the server will refuse it again
                        LOG.warn("Sync server refused the audit checkpoint: HTTP {}", j.httpStatus());
                        lastCheckpoint = head.get();
                    }
                    case SendResult.NotConfirmed n -> problem = Optional.of(n);
                }
            }
        }
        if (confirmed + rejected + notConfirmed > 0) {
            LOG.info("Sync pass: {} confirmed, {} rejected, {} not confirmed", confirmed, rejected, notConfirmed);
        }
        return new SyncReport(confirmed, rejected, notConfirmed, checkpointed, problem);
    }

    /** The prepared batch; a failure to prepare it fails the pass as it would on this thread. */
    private static List<PendingSummary> awaitBatch(Future<List<PendingSummary>> batch) {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing a sync batch", e);
        }
    }

    /** Waits for a batch being prepared that will not be sent, and returns it (empty if it failed). */
    private static List<PendingSummary> drain(Future<List<PendingSummary>> batch) {
        if (batch == null) {
            return List.of();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return batch.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the preparation must end before the pass does; it is short
                } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                    LOG.debug("A sync batch prepared but not sent had failed", e);
                    return List.of();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private SendResult sendOne(PendingSummary p) {
        try {
            return sender.send(p.bundle(), p.json());
        } catch (IllegalArgumentException e) {
            // the summary itself is malformed (e.g. a non-idempotent entry): no point sending it again
            LOG.error("A queued summary cannot be sent as built: {}", e.getMessage());
            return new SendResult.Rejected(0, "Outpost could not send this summary: " + e.getMessage());
        }
    }
}
