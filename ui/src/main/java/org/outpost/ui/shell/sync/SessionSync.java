package org.outpost.ui.shell.sync;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.model.ModelRegistry;
import org.outpost.app.port.Store;
import org.outpost.app.sharing.OutboxCounts;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.sync.outbox.OutboxSummaries;
import org.outpost.sync.outbox.SiteSync;
import org.outpost.sync.transport.SyncListener;
import org.outpost.sync.transport.SyncSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync loop of one signed-in session. {@link #start} opens {@link SiteSync} as the store's settings say and
 * starts its loop; {@link #close} stops it after the send in flight. The workspace closes it before the store is
 * locked and the shell starts it again after unlock, so sync runs exactly while someone is signed in. Starting and
 * closing block (store reads, the HTTP client, waiting for a send): call them off the FX thread;
 * {@link #requestSync} does not block.
 */
public final class SessionSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSync.class);

    private final Store store;
    private final String username;
    private final Clock clock;
    private final SyncOptions options;
    private final Object lifecycle = new Object();
    private volatile SiteSync running;
    private ModelRegistry models; // guarded by lifecycle

    /** What {@link #start} found. */
    public sealed interface Start {
        /** No server or no token is configured: nothing leaves this machine. */
        record NotConfigured() implements Start {
        }

        /** The loop runs. */
        record Started() implements Start {
        }

        /** The settings cannot be used as they are (e.g. an unreadable CA file); the words are for the user. */
        record Failed(String why) implements Start {
            public Failed {
                Objects.requireNonNull(why, "why");
            }
        }
    }

    /**
     * @param store    the session's store (it stays valid across locks)
     * @param username whose session this is (sync's audit rows name them)
     */
    public SessionSync(Store store, String username, Clock clock, SyncOptions options) {
        this.store = Objects.requireNonNull(store);
        this.username = Objects.requireNonNull(username);
        this.clock = Objects.requireNonNull(clock);
        this.options = Objects.requireNonNull(options);
    }

    public SyncOptions options() {
        return options;
    }

    /**
     * Opens sync as configured and starts its loop, after closing one already running. Blocking.
     *
     * @param listener hears the loop, on the sync thread
     */
    public Start start(SyncListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (lifecycle) {
            close();
            if (models == null) {
                models = new ModelRegistry(BundledModels.all());
            }
            Optional<SiteSync> opened;
            try {
                opened = SiteSync.open(store, username, models, clock.getZone(), clock, options.pinnedCa(),
                        options.loop(), options.readTimeout(), listener);
            } catch (SyncSetupException e) {
                LOG.warn("Sync cannot start: {}", e.getMessage()); // the message never holds patient data or the token
                return new Start.Failed(e.getMessage());
            }
            if (opened.isEmpty()) {
                return new Start.NotConfigured();
            }
            opened.get().start();
            running = opened.get();
            LOG.info("Sync started{}", options.pinnedCa().isPresent() ? " with the pinned CA file" : "");
            return new Start.Started();
        }
    }

    /** Whether the loop runs. */
    public boolean isRunning() {
        return running != null;
    }

    /** "Sync now": the loop passes at once, cutting a rest or a backoff short. Returns false if it does not run. */
    public boolean requestSync() {
        SiteSync s = running;
        if (s == null) {
            return false;
        }
        s.requestSync();
        return true;
    }

    /** The outbox in numbers, with the server's refusals apart from what the k-anonymity check held back. Blocking. */
    public SyncStatus status() {
        OutboxCounts counts = SiteSync.counts(store);
        long refused = 0;
        Optional<String> refusal = Optional.empty();
        if (counts.heldBack() > 0) {
            int limit = (int) Math.min(counts.waiting(), 10_000);
            List<OutboxEntry> refusedEntries = store.read(r -> r.outbox().pending(limit)).stream()
                    .filter(e -> e.heldBack().filter(h -> h.startsWith(OutboxSummaries.REFUSED)).isPresent())
                    .sorted(Comparator.comparing((OutboxEntry e) -> e.lastAttemptAt().orElse(e.changedAt())).reversed())
                    .toList();
            refused = refusedEntries.size();
            refusal = refusedEntries.stream().findFirst().flatMap(OutboxEntry::heldBack)
                    .map(h -> h.substring(OutboxSummaries.REFUSED.length()));
        }
        return new SyncStatus(counts.pending(), counts.heldBack() - refused, refused, refusal, counts.lastSuccess(),
                counts.lastError());
    }

    /** Stops the loop after the send in flight and closes the connection. Blocking; idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            SiteSync s = running;
            running = null;
            if (s != null) {
                s.close();
                LOG.info("Sync stopped");
            }
        }
    }
}
