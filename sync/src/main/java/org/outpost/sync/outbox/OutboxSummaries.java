package org.outpost.sync.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.outpost.app.decision.Decision;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.port.Store;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.sharing.SentSummary;
import org.outpost.app.sharing.SyncSettings;
import org.outpost.app.usecase.ChartService;
import org.outpost.sync.deid.DeidentifiedSummary;
import org.outpost.sync.deid.Deidentifier;
import org.outpost.sync.deid.KAnonymityGate;
import org.outpost.sync.deid.Pseudonym;
import org.outpost.sync.deid.QuasiIdentifiers;
import org.outpost.sync.fhir.FhirSummaryBuilder;
import org.outpost.sync.transport.PendingSummaries;
import org.outpost.sync.transport.PendingSummary;
import org.outpost.sync.transport.SendResult;

/**
 * The store's outbox as the sync loop sees it: each pending entry becomes the patient's de-identified summary,
 * built at the moment it is taken (so a summary changed twice goes once, in its latest state), after the
 * k-anonymity gate over the whole site's consented population. An entry leaves the outbox only through
 * {@link #confirmed}, in a write that also keeps the exact bundle as "what was sent"; a crash at any point
 * leaves it pending and it is sent again, harmlessly, since every entry of the bundle is a PUT to a stable id.
 * Confirmations are written a batch at a time (one transaction, not one per summary): when the next batch is
 * taken, when anything else is written, at the end of a pass and by {@link #flush()}. A crash before that write
 * sends those summaries again, which the server absorbs the same way.
 *
 * <p>Entries the gate holds back are marked with the reason and skipped; they are looked at again on every
 * pass, since the group grows as more patients consent. Entries the server refused are held back with the
 * server's reason and are not sent again until the patient's record changes (a person has to look first).
 */
public final class OutboxSummaries implements PendingSummaries {
    /** The reason a refused summary is held back with starts with this. */
    public static final String REFUSED = "The server refused this summary: ";
    /** The reason an entry the k-anonymity gate held back is marked with starts with this. */
    public static final String K_ANONYMITY = "Held back by the k-anonymity check: ";
    /**
     * The reason a summary too long to keep an exact copy of is held back with starts with this: what was sent is
     * kept exactly ({@link SentSummary#MAX_BUNDLE_CHARS} at most), so a longer one is not sent at all — sending it
     * and then failing to record it would stop every pass at the same patient.
     */
    public static final String TOO_LARGE = "Too large to keep an exact copy of what would be sent: ";
    /** The reason of an entry whose patient's consent changed while the run looked at it. */
    public static final String CONSENT_CHANGED = "The patient's consent changed; looked at again on the next run";
    /** The longest the site's k-anonymity population is reused between batches of one pass. */
    private static final Duration POPULATION_REUSE = Duration.ofSeconds(30);
    /** Outbox entries read at a time beyond those already judged in the pass. */
    private static final int READ_AHEAD = 500;

    private final Store store;
    private final Deidentifier deidentifier;
    private final FhirSummaryBuilder builder;
    private final SyncSettings settings;
    private final Clock clock;
    private final Map<String, Taken> taken = new ConcurrentHashMap<>();
    private final AtomicInteger heldBack = new AtomicInteger();
    private final Set<String> judged = new HashSet<>(); // guarded by this
    private final ArrayDeque<OutboxEntry> window = new ArrayDeque<>(); // read, not yet looked at; guarded by this
    private Population population; // guarded by this

    // confirmations arrive on the sending thread while next() may be preparing a batch on the other: they have a
    // lock of their own, so a send is never held up by the preparation
    private final Object confirmations = new Object();
    private final List<SentSummary> confirmedUnwritten = new ArrayList<>(); // guarded by confirmations
    private final Map<PatientId, OutboxEntry> confirmedEntries = new HashMap<>(); // guarded by confirmations

    /** What {@link #next} handed out, kept until the loop reports back on it. */
    private record Taken(OutboxEntry entry, String json) {
    }

    private record Population(Map<Pseudonym, KAnonymityGate.Verdict> verdicts, long atNanos, LocalDate asOf) {
    }

    /**
     * @param settings the settings in force for this run (k, genotype sharing at the site)
     */
    public OutboxSummaries(Store store, Deidentifier deidentifier, FhirSummaryBuilder builder, SyncSettings settings,
                           Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.deidentifier = Objects.requireNonNull(deidentifier);
        this.builder = Objects.requireNonNull(builder);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Summaries the gate held back since this object was made (for the run's audit line). */
    public int heldBackCount() {
        return heldBack.get();
    }

    @Override
    public synchronized List<PendingSummary> next(int max) {
        flush();
        LocalDate asOf = LocalDate.now(clock);
        record Candidate(OutboxEntry entry, Chart chart, List<Decision> decisions) {
        }
        while (true) {
            Map<OutboxEntry, String> holdBack = new LinkedHashMap<>();
            List<OutboxEntry> released = new ArrayList<>();
            while (released.size() < max) {
                if (window.isEmpty() && !refill(released)) {
                    break;
                }
                OutboxEntry e = window.poll();
                if (e.heldBack().filter(r -> r.startsWith(REFUSED)).isPresent()
                        && e.lastAttemptAt().filter(at -> !e.changedAt().isAfter(at)).isPresent()) {
                    judged.add(mark(e));
                    continue; // refused, and unchanged since: a person looks first
                }
                KAnonymityGate.Verdict v = verdict(asOf, e);
                Optional<String> reason = v == null ? Optional.of(CONSENT_CHANGED)
                        : v.reason().map(r -> K_ANONYMITY + r);
                if (reason.isPresent()) {
                    judged.add(mark(e));
                    if (!reason.equals(e.heldBack())) {
                        holdBack.put(e, reason.get());
                    }
                    continue;
                }
                released.add(e);
            }
            if (!holdBack.isEmpty()) {
                heldBack.addAndGet(holdBack.size());
                store.write(r -> {
                    holdBack.forEach((e, why) -> r.outbox().heldBack(e, why));
                    return null;
                });
            }
            List<Candidate> candidates = store.read(r -> {
                List<Candidate> out = new ArrayList<>();
                for (OutboxEntry e : released) {
                    Optional<Patient> p = r.patients().find(e.patient());
                    if (p.isPresent() && p.get().consent().sharesSummaries()) {
                        out.add(new Candidate(e, ChartService.load(r, e.patient()),
                                r.decisions().latestPerModel(e.patient())));
                    } else {
                        judged.add(mark(e)); // consent gone since the entry was read: the outbox drops it
                    }
                }
                return out;
            });
            List<PendingSummary> out = new ArrayList<>(candidates.size());
            Map<OutboxEntry, String> tooLarge = new LinkedHashMap<>();
            for (Candidate c : candidates) {
                boolean genotypes = settings.shareGenotypes() && c.chart().patient().consent().sharesGenotypes();
                DeidentifiedSummary summary = deidentifier.summarise(c.chart(), c.decisions(), genotypes, asOf);
                Bundle bundle = builder.build(summary);
                String json = builder.wireJson(bundle);
                if (json.length() > SentSummary.MAX_BUNDLE_CHARS) {
                    judged.add(mark(c.entry()));
                    tooLarge.put(c.entry(), TOO_LARGE + String.format("%,d characters, at most %,d; not sent",
                            json.length(), SentSummary.MAX_BUNDLE_CHARS));
                    continue;
                }
                String key = c.entry().patient().toString();
                taken.put(mark(c.entry()), new Taken(c.entry(), json));
                judged.add(mark(c.entry())); // handed out: not again in this pass while it is being sent
                out.add(new PendingSummary(key, c.entry().generation(), bundle, json));
            }
            if (!tooLarge.isEmpty()) {
                store.write(r -> {
                    tooLarge.forEach((e, why) -> r.outbox().heldBack(e, why));
                    return null;
                });
            }
            if (!out.isEmpty()) {
                return out;
            }
            if (released.isEmpty() && window.isEmpty()) {
                endPass();
                return List.of();
            }
        }
    }

    /**
     * Reads the next entries of the pass into the window, in the outbox's order: those not judged in this pass yet
     * (held back, refused) and not among {@code releasing}. Entries judged in this pass are skipped, so the read
     * grows with them: a long tail of held-back entries can neither hide the entries behind it nor be looked at
     * twice in a pass. One read serves many batches (an outbox read sorts the whole outbox).
     *
     * @return false when there is nothing more in this pass
     */
    private boolean refill(List<OutboxEntry> releasing) {
        Set<PatientId> now = new HashSet<>();
        releasing.forEach(e -> now.add(e.patient()));
        int limit = judged.size() + releasing.size() + READ_AHEAD;
        store.read(r -> r.outbox().pending(limit)).stream()
                .filter(e -> !judged.contains(mark(e)) && !now.contains(e.patient()))
                .forEach(window::add);
        return !window.isEmpty();
    }

    /**
     * The pass is over (nothing more to hand out, or the server stopped confirming): the next pass reads the site's
     * population afresh and looks at every held-back entry again, since groups grow as more patients consent.
     */
    private synchronized void endPass() {
        flush();
        judged.clear();
        window.clear();
        population = null;
    }

    /** What {@link #next} handed out for this entry is kept under {@link #mark}. */
    private static String handle(PendingSummary p) {
        return p.key() + "#" + p.revision();
    }

    /** An entry as judged in this pass: a change makes a new generation, which is judged afresh. */
    private static String mark(OutboxEntry e) {
        return e.patient() + "#" + e.generation();
    }

    /**
     * The gate's verdict on the entry's patient, or null when they are not among the consented patients. The site's
     * population is read once per pass (and again after {@link #POPULATION_REUSE}, or when the patient is not in it:
     * they consented since).
     */
    private KAnonymityGate.Verdict verdict(LocalDate asOf, OutboxEntry entry) {
        Pseudonym pseudonym = deidentifier.pseudonym(entry.patient());
        long now = System.nanoTime();
        boolean fresh = population != null && population.asOf().equals(asOf)
                && now - population.atNanos() < POPULATION_REUSE.toNanos()
                && population.verdicts().containsKey(pseudonym);
        if (!fresh) {
            Map<Pseudonym, QuasiIdentifiers> all = new HashMap<>();
            for (var q : store.read(r -> r.patients().consentedQuasiIdentifiers())) {
                all.put(deidentifier.pseudonym(q.patient()), deidentifier.quasiIdentifiers(q, asOf));
            }
            population = new Population(new KAnonymityGate(settings.k()).assess(all), now, asOf);
        }
        return population.verdicts().get(pseudonym);
    }

    @Override
    public void confirmed(PendingSummary summary, SendResult.Confirmed result) {
        Taken t = taken.remove(handle(summary));
        if (t == null || t.entry().generation() != summary.revision()) {
            return; // not handed out by this object: nothing to mark
        }
        synchronized (confirmations) {
            confirmedUnwritten.add(SentSummary.of(t.entry(), t.json(), clock.instant()));
            confirmedEntries.put(t.entry().patient(), t.entry());
        }
    }

    /**
     * Writes the confirmations not written yet, in one transaction: each entry leaves the outbox unless its
     * summary changed since it was taken, and its bundle is kept as what was last sent. Called before anything
     * else is written and at the end of a pass; call it when the loop stops.
     */
    public synchronized void flush() {
        List<SentSummary> sent;
        Map<PatientId, OutboxEntry> entries;
        synchronized (confirmations) {
            if (confirmedUnwritten.isEmpty()) {
                return;
            }
            sent = List.copyOf(confirmedUnwritten);
            entries = Map.copyOf(confirmedEntries);
            confirmedUnwritten.clear();
            confirmedEntries.clear();
        }
        try {
            store.write(r -> {
                for (SentSummary s : sent) {
                    r.outbox().confirmed(entries.get(s.patient()), s);
                }
                return null;
            });
        } catch (RuntimeException e) {
            synchronized (confirmations) { // not written: kept for the next flush (the rows are still pending)
                confirmedUnwritten.addAll(0, sent);
                entries.forEach(confirmedEntries::putIfAbsent);
            }
            throw e;
        }
    }

    @Override
    public void rejected(PendingSummary summary, SendResult.Rejected result) {
        Taken t = taken.remove(handle(summary));
        if (t == null) {
            return;
        }
        String why = "HTTP " + result.httpStatus() + ": " + result.reason();
        synchronized (this) {
            flush();
            store.write(r -> {
                r.outbox().failed(t.entry(), why);
                r.outbox().heldBack(t.entry(), REFUSED + why);
                return null;
            });
        }
    }

    @Override
    public void passEnded(List<PendingSummary> unsent) {
        unsent.forEach(p -> taken.remove(handle(p)));
        endPass();
    }

    @Override
    public void notConfirmed(PendingSummary summary, SendResult.NotConfirmed result) {
        endPass(); // the loop stops the pass at the first send not confirmed
        Taken t = taken.remove(handle(summary));
        if (t == null) {
            return;
        }
        store.write(r -> {
            r.outbox().failed(t.entry(), result.why());
            return null;
        });
    }
}
