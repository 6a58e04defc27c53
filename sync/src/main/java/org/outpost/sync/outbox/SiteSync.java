package org.outpost.sync.outbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.model.ModelRegistry;
import org.outpost.app.port.Store;
import org.outpost.app.sharing.OutboxCounts;
import org.outpost.app.sharing.SyncSettings;
import org.outpost.app.usecase.ChartService;
import org.outpost.sync.deid.Deidentifier;
import org.outpost.sync.deid.KAnonymityGate;
import org.outpost.sync.deid.Pseudonym;
import org.outpost.sync.deid.QuasiIdentifiers;
import org.outpost.sync.deid.PseudonymKey;
import org.outpost.sync.fhir.FhirR4;
import org.outpost.sync.fhir.FhirSummaryBuilder;
import org.outpost.sync.transport.AuditHead;
import org.outpost.sync.transport.Backoff;
import org.outpost.sync.transport.ConnectionSettings;
import org.outpost.sync.transport.FhirSummaryTransport;
import org.outpost.app.sharing.ServerUrl;
import org.outpost.sync.transport.ServerTrust;
import org.outpost.sync.transport.SyncListener;
import org.outpost.sync.transport.SyncProgress;
import org.outpost.sync.transport.SyncReport;
import org.outpost.sync.transport.SyncService;

/**
 * Sync for one open store, wired from its settings: the outbox ({@link OutboxSummaries}), the de-identifier
 * with the site's pseudonym secret, the FHIR transport to the configured server, and the loop with its
 * backoff. Each pass that sent, refused or failed something leaves one audit row with counts only (never
 * content), under the signed-in user's name. The store is only open while someone is signed in: sync runs
 * then, and pauses while the workstation is locked.
 */
public final class SiteSync implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SiteSync.class);
    private final Store store;
    private final String username;
    private final Clock clock;
    private final OutboxSummaries outbox;
    private final FhirSummaryTransport transport;
    private final SyncService service;

    private SiteSync(Store store, String username, Clock clock, OutboxSummaries outbox, FhirSummaryTransport transport,
                     SyncService.Settings loop, SyncListener listener) {
        this.store = store;
        this.username = username;
        this.clock = clock;
        this.outbox = outbox;
        this.transport = transport;
        SyncListener audited = progress -> {
            if (progress.state() != SyncProgress.State.SENDING && progress.state() != SyncProgress.State.STOPPED) {
                audit(progress.confirmed(), progress.rejected(), progress.notConfirmed());
            }
            listener.onProgress(progress);
        };
        this.service = new SyncService(outbox, transport, Backoff.standard(new SplittableRandom()), loop,
                this::auditHead, audited, clock);
    }

    /**
     * Sync as configured in the store, or empty when no server is configured (nothing leaves).
     *
     * @param username   whose session this runs in (the audit rows name them)
     * @param pinnedCa   a PEM file whose CA alone is trusted for the server, or empty for the system's trust store
     * @param listener   progress for the screen; called on the sync thread
     * @throws org.outpost.sync.transport.SyncSetupException when the settings cannot be used (e.g. a bad CA file)
     */
    public static Optional<SiteSync> open(Store store, String username, ModelRegistry models, ZoneId zone, Clock clock,
                                          Optional<Path> pinnedCa, SyncService.Settings loop, SyncListener listener) {
        return open(store, username, models, zone, clock, pinnedCa, loop, ConnectionSettings.DEFAULT_READ_TIMEOUT,
                listener);
    }

    /**
     * As {@link #open(Store, String, ModelRegistry, ZoneId, Clock, Optional, SyncService.Settings, SyncListener)},
     * with how long the server may stay silent before a send counts as not confirmed (tests shorten it).
     */
    public static Optional<SiteSync> open(Store store, String username, ModelRegistry models, ZoneId zone, Clock clock,
                                          Optional<Path> pinnedCa, SyncService.Settings loop,
                                          java.time.Duration readTimeout, SyncListener listener) {
        Objects.requireNonNull(store);
        SyncSettings settings = store.read(r -> r.syncSettings().load());
        if (!settings.isConfigured()) {
            return Optional.empty();
        }
        PseudonymKey secret = PseudonymKey.forSite(store.read(r -> r.syncSettings().siteSecret()));
        Deidentifier deid = Deidentifier.withBundledTables(secret, models, zone);
        ServerUrl server = settings.server().orElseThrow();
        FhirSummaryTransport transport = new FhirSummaryTransport(FhirR4.context(),
                ConnectionSettings.of(server, ServerTrust.of(pinnedCa), settings.token(), siteId(secret))
                        .withTimeouts(ConnectionSettings.DEFAULT_CONNECT_TIMEOUT, readTimeout));
        OutboxSummaries outbox = new OutboxSummaries(store, deid, new FhirSummaryBuilder(), settings, clock);
        return Optional.of(new SiteSync(store, username, clock, outbox, transport, loop, listener));
    }

    /** One pass now, on the calling thread (off the FX thread): sends until done or the server stops confirming. */
    public SyncReport syncNow() {
        SyncReport report;
        try {
            report = service.syncNow();
        } catch (RuntimeException e) {
            try {
                outbox.flush();
            } catch (RuntimeException f) {
                e.addSuppressed(f);
            }
            throw e;
        }
        outbox.flush(); // a pass stopped by close() ends without telling the outbox
        audit(report.confirmed(), report.rejected(), report.notConfirmed());
        return report;
    }

    /** Starts the periodic loop (a daemon thread). */
    public void start() {
        service.start();
    }

    /** "Sync now" while the loop runs: cuts a rest or a backoff wait short. */
    public void requestSync() {
        service.requestSync();
    }

    /** Stops the loop after the send in flight and closes the connection. */
    @Override
    public void close() {
        try {
            service.close();
        } finally {
            try {
                transport.close();
            } finally {
                try {
                    outbox.flush();
                } catch (RuntimeException e) {
                    // e.g. the store was closed first: those summaries stay pending and are sent again, harmlessly
                    LOG.warn("Confirmed summaries could not be marked sent ({}); they will be sent again",
                            e.getClass().getSimpleName());
                }
            }
        }
    }

    /** The outbox in numbers, read from the store (no server contact). */
    public static OutboxCounts counts(Store store) {
        return store.read(r -> r.outbox().counts());
    }

    /** What would leave for one patient now, or why nothing would. */
    public sealed interface Preview {
        /** The exact bundle sync would send, as FHIR JSON. */
        record Bundle(String json) implements Preview {
        }

        /** Nothing would be sent, and why (no patient data in the text). */
        record Nothing(String why) implements Preview {
        }
    }

    /**
     * The summary sync would send for {@code patient} now, built exactly as a run builds it (same secret, gate,
     * settings), without sending or changing anything.
     */
    public static Preview preview(Store store, PatientId patient, ModelRegistry models, ZoneId zone, Clock clock) {
        SyncSettings settings = store.read(r -> r.syncSettings().load());
        Optional<Patient> found = store.read(r -> r.patients().find(patient));
        if (found.isEmpty()) {
            return new Preview.Nothing("No such patient.");
        }
        if (!found.get().consent().sharesSummaries()) {
            return new Preview.Nothing("No consent to share is recorded for this patient: nothing leaves.");
        }
        Deidentifier deid = Deidentifier.withBundledTables(
                PseudonymKey.forSite(store.read(r -> r.syncSettings().siteSecret())), models, zone);
        LocalDate asOf = LocalDate.now(clock);
        java.util.Map<Pseudonym, QuasiIdentifiers> all = new java.util.HashMap<>();
        for (var q : store.read(r -> r.patients().consentedQuasiIdentifiers())) {
            all.put(deid.pseudonym(q.patient()), deid.quasiIdentifiers(q, asOf));
        }
        KAnonymityGate.Verdict verdict = new KAnonymityGate(settings.k()).assess(all).get(deid.pseudonym(patient));
        if (verdict != null && verdict.reason().isPresent()) {
            return new Preview.Nothing(OutboxSummaries.K_ANONYMITY + verdict.reason().get());
        }
        var chart = store.read(r -> ChartService.load(r, patient));
        var decisions = store.read(r -> r.decisions().latestPerModel(patient));
        boolean genotypes = settings.shareGenotypes() && found.get().consent().sharesGenotypes();
        FhirSummaryBuilder builder = new FhirSummaryBuilder();
        org.hl7.fhir.r4.model.Bundle bundle = builder.build(deid.summarise(chart, decisions, genotypes, asOf));
        int wire = builder.wireJson(bundle).length(); // the outbox judges the size of what goes over the wire
        if (wire > org.outpost.app.sharing.SentSummary.MAX_BUNDLE_CHARS) {
            return new Preview.Nothing(OutboxSummaries.TOO_LARGE + String.format("%,d characters, at most %,d; not sent",
                    wire, org.outpost.app.sharing.SentSummary.MAX_BUNDLE_CHARS));
        }
        return new Preview.Bundle(builder.toJson(bundle));
    }

    private Optional<AuditHead> auditHead() {
        return store.read(r -> {
            List<AuditEntry> newest = r.audit().newest(1);
            return newest.isEmpty() ? Optional.<AuditHead>empty()
                    : Optional.of(new AuditHead(newest.getFirst().hash(), r.audit().count()));
        });
    }

    private void audit(int confirmed, int rejected, int notConfirmed) {
        if (confirmed + rejected + notConfirmed == 0) {
            return; // a pass with nothing to send leaves no row
        }
        OutboxCounts after = counts(store);
        String detail = "sent=" + confirmed + " refused=" + rejected + " notConfirmed=" + notConfirmed
                + " waiting=" + after.pending() + " heldBack=" + after.heldBack();
        store.write(r -> r.audit().append(new AuditEvent(clock.instant(), username, AuditAction.SYNC_RUN,
                Optional.empty(), detail)));
    }

    /**
     * A stable, non-identifying id for this site on the server (its audit checkpoint is kept under it): derived
     * from the pseudonym secret, so it says nothing about the clinic and changes only when the secret is rotated.
     */
    static String siteId(PseudonymKey secret) {
        return secret.hmacHex("outpost-site-id").substring(0, 32);
    }
}
