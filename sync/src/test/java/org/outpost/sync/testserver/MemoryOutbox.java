package org.outpost.sync.testserver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.outpost.sync.transport.PendingSummaries;
import org.outpost.sync.transport.PendingSummary;
import org.outpost.sync.transport.SendResult;

/**
 * A durable outbox in miniature, with the rules the store's outbox must follow: a newer revision replaces an
 * unsent one (so a summary updated twice before sending is sent once, as its latest), a row is marked sent only
 * when the confirmed revision is still the newest, failed rows go to the back of the queue.
 *
 * <p>{@link #connect()} opens the outbox for one "process"; {@link #kill()} simulates that process dying: its
 * view goes dead (whatever it reports afterwards is lost, as it would be), while the rows survive like rows in
 * the database file, for the next {@link #connect()}.
 */
public final class MemoryOutbox {
    /** One row. */
    public enum State { PENDING, SENT, REJECTED }

    private static final class Row {
        final String key;
        long revision;
        Bundle bundle;
        State state = State.PENDING;
        long lastTry; // 0 = never tried; else a sequence number, so failed rows sort after fresh ones
        final List<SendResult.NotConfirmed> failures = new ArrayList<>();
        String rejection;

        Row(String key) {
            this.key = key;
        }
    }

    /** A confirmation the outbox accepted: key and revision. */
    public record Confirmation(String key, long revision) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<Confirmation> confirmations = new ArrayList<>();
    private final List<SendResult.NotConfirmed> notConfirmed = new ArrayList<>();
    private long sequence;
    private int generation;
    private int passesEnded;
    private int unsentReturned;

    /** Queues a summary, or replaces the unsent or sent row with a newer revision. */
    public synchronized void enqueue(String key, Bundle bundle) {
        Row row = rows.computeIfAbsent(key, Row::new);
        row.revision++;
        row.bundle = bundle;
        row.state = State.PENDING;
        row.lastTry = 0;
    }

    /** Consent withdrawn before sending: the row goes. */
    public synchronized void withdraw(String key) {
        rows.remove(key);
    }

    /** The outbox as one process sees it, until {@link #kill()}. */
    public synchronized PendingSummaries connect() {
        return new View(generation);
    }

    /** The process dies: its view stops reaching the rows. */
    public synchronized void kill() {
        generation++;
    }

    public synchronized boolean allSettled() {
        return rows.values().stream().noneMatch(r -> r.state == State.PENDING);
    }

    public synchronized State state(String key) {
        return rows.get(key).state;
    }

    public synchronized long revision(String key) {
        return rows.get(key).revision;
    }

    public synchronized String rejection(String key) {
        return rows.get(key).rejection;
    }

    public synchronized List<SendResult.NotConfirmed> failures(String key) {
        return List.copyOf(rows.get(key).failures);
    }

    public synchronized List<Confirmation> confirmations() {
        return List.copyOf(confirmations);
    }

    /** Passes the loop reported as ended, and how many summaries it handed back unsent in all. */
    public synchronized int passesEnded() {
        return passesEnded;
    }

    public synchronized int unsentReturned() {
        return unsentReturned;
    }

    public synchronized List<SendResult.NotConfirmed> notConfirmed() {
        return List.copyOf(notConfirmed);
    }

    private final class View implements PendingSummaries {
        private final int generation;
        /** Rows (key#revision) handed out in this pass and not reported on yet; guarded by the outbox. */
        private final java.util.Set<String> handedOut = new java.util.HashSet<>();

        View(int generation) {
            this.generation = generation;
        }

        private boolean alive() {
            return generation == MemoryOutbox.this.generation;
        }

        @Override
        public List<PendingSummary> next(int max) {
            synchronized (MemoryOutbox.this) {
                if (!alive()) {
                    return List.of();
                }
                List<PendingSummary> out = rows.values().stream()
                        .filter(r -> r.state == State.PENDING && !handedOut.contains(r.key + "#" + r.revision))
                        .sorted(Comparator.comparingLong(r -> r.lastTry))
                        .limit(max)
                        .map(r -> new PendingSummary(r.key, r.revision, r.bundle.copy(), ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().encodeResourceToString(r.bundle)))
                        .toList();
                out.forEach(p -> handedOut.add(p.key() + "#" + p.revision()));
                return out;
            }
        }

        @Override
        public void confirmed(PendingSummary summary, SendResult.Confirmed result) {
            synchronized (MemoryOutbox.this) {
                handedOut.remove(summary.key() + "#" + summary.revision());
                Row row = rows.get(summary.key());
                if (!alive() || row == null) {
                    return;
                }
                confirmations.add(new Confirmation(summary.key(), summary.revision()));
                if (row.revision == summary.revision()) {
                    row.state = State.SENT;
                }
            }
        }

        @Override
        public void rejected(PendingSummary summary, SendResult.Rejected result) {
            synchronized (MemoryOutbox.this) {
                handedOut.remove(summary.key() + "#" + summary.revision());
                Row row = rows.get(summary.key());
                if (!alive() || row == null || row.revision != summary.revision()) {
                    return;
                }
                row.state = State.REJECTED;
                row.rejection = result.reason();
            }
        }

        @Override
        public void notConfirmed(PendingSummary summary, SendResult.NotConfirmed result) {
            synchronized (MemoryOutbox.this) {
                handedOut.remove(summary.key() + "#" + summary.revision());
                Row row = rows.get(summary.key());
                if (!alive() || row == null) {
                    return;
                }
                notConfirmed.add(result);
                row.failures.add(result);
                row.lastTry = ++sequence;
            }
        }

        @Override
        public void passEnded(List<PendingSummary> unsent) {
            synchronized (MemoryOutbox.this) {
                passesEnded++;
                unsentReturned += unsent.size();
                handedOut.clear(); // the next pass offers everything still pending again
            }
        }
    }
}
