package org.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.sync.SyncClinic.CLOCK;
import static org.outpost.ui.sync.SyncClinic.K;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Unit;
import org.outpost.app.port.Store;
import org.outpost.app.sharing.OutboxCounts;
import org.outpost.app.usecase.AllergyDraft;
import org.outpost.app.usecase.PatientDraft;
import org.outpost.app.usecase.SyncSettingsService;
import org.outpost.sync.outbox.SiteSync;
import org.outpost.sync.testserver.FaultProxy;
import org.outpost.sync.testserver.FaultProxy.Fault;
import org.outpost.sync.testserver.FhirServerExtension;
import org.outpost.sync.testserver.FhirTestServer;
import org.outpost.sync.testserver.ServerInspector;
import org.outpost.sync.transport.SyncListener;
import org.outpost.sync.transport.SyncReport;
import org.outpost.sync.transport.SyncService;
import org.outpost.ui.testing.StoreFixture;

/**
 * Issue 12, end to end below the screen: the real encrypted H2 store with demo patients and consent recorded through
 * the use cases, {@link SiteSync} (outbox, de-identification, k-anonymity gate, HAPI client, loop) and a real HAPI
 * FHIR server in process, with a proxy between them that keeps every byte the workstation sent.
 */
@ExtendWith(FhirServerExtension.class)
class SiteSyncIntegrationTest {
    @TempDir
    static Path templateRoot;
    private static Path template;

    @TempDir
    Path temp;

    private final FhirTestServer server;
    private final ServerInspector inspector;
    private FaultProxy proxy;
    private Path dir;
    private StoreFixture fixture;

    SiteSyncIntegrationTest(FhirTestServer server) {
        this.server = server;
        this.inspector = new ServerInspector(server);
    }

    @BeforeAll
    static void buildClinic() {
        template = templateRoot.resolve("clinic");
        SyncClinic.build(template);
    }

    @BeforeEach
    void setUp() throws Exception {
        server.reset();
        proxy = FaultProxy.start(server.port()).recordBytes();
        dir = temp.resolve("clinic");
        SyncClinic.copy(template, dir);
        fixture = StoreFixture.open(dir, CLOCK);
        new SyncSettingsService(fixture.store(), CLOCK, fixture.session()).configure(proxy.base().toString(),
                Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        proxy.close();
    }

    private SiteSync open(Store store, int batchSize) {
        return SiteSync.open(store, StoreFixture.ADMIN, BundledModels.registry(), ZoneOffset.UTC, CLOCK,
                Optional.empty(), new SyncService.Settings(batchSize, Duration.ofMinutes(5)), SyncListener.NONE)
                .orElseThrow();
    }

    private SyncReport syncOnce(Store store) {
        try (SiteSync sync = open(store, 25)) {
            return sync.syncNow();
        }
    }

    private List<WireRequest> sent() {
        return WireRequest.decode(proxy.receivedBytes());
    }

    private long transactionsAbout(String pseudonym) {
        String url = "\"url\":\"Patient/" + pseudonym + "\"";
        return sent().stream().filter(WireRequest::isTransaction).filter(r -> r.text().contains(url)).count();
    }

    // ---- what leaves the workstation

    @Test
    void noByteSentInAFullDemoSyncHoldsAnIdentifierOfAnyDemoPatient() {
        SyncClinic.Expected clinic = SyncClinic.Expected.of(fixture.store());

        SyncReport report = syncOnce(fixture.store());

        assertThat(report.confirmed()).isEqualTo(clinic.released().size());
        List<WireRequest> requests = sent();
        assertThat(requests.stream().filter(WireRequest::isTransaction)).hasSize(clinic.released().size());
        // the capture really is the traffic: the token header and every released pseudonym are in it
        StringBuilder all = new StringBuilder();
        for (WireRequest r : requests) {
            assertThat(r.encoding()).as("the client does not compress what it sends").isEmpty();
            assertThat(WireRequest.header(r.head(), "Authorization")).isEqualTo("Bearer " + SyncClinic.TOKEN);
            all.append(r.text()).append('\n');
        }
        String wire = all.toString();
        for (Patient p : clinic.released()) {
            assertThat(wire).contains(SyncClinic.pseudonym(fixture.store(), p.id()));
        }

        Map<String, String> identifiers = new java.util.LinkedHashMap<>();
        for (Patient p : clinic.all()) {
            identifiers(p).forEach(id -> identifiers.putIfAbsent(id, p.consent().summaries() + " patient"));
        }
        List<String> found = new ArrayList<>();
        identifiers.forEach((identifier, whose) -> {
            if (wire.contains(identifier) && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(identifier)
                    + "(?![\\p{L}\\p{N}])").matcher(wire).find()) {
                found.add(whose + ": " + identifier);
            }
        });
        assertThat(found).as("identifiers of demo patients on the wire").isEmpty();
        assertThat(Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+").matcher(wire).find()).as("an e-mail address")
                .isFalse();
    }

    /** Name, MRN, phone (as written and digits only), street, town and the full birth date in common spellings. */
    private static List<String> identifiers(Patient p) {
        List<String> ids = new ArrayList<>(List.of(p.familyName(), p.givenName(), p.mrn().value(), p.phone(),
                p.phone().replaceAll("[^0-9]", ""), p.birthDate().toString(),
                p.birthDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                p.birthDate().format(DateTimeFormatter.ofPattern("MM/dd/yyyy")),
                p.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE)));
        for (String part : p.address().split(",")) {
            ids.add(part.strip()); // "12 Mill Lane", "Port Ellis"
            ids.add(part.strip().replaceFirst("^\\d+\\s+", "")); // "Mill Lane"
        }
        ids.add(p.address());
        ids.removeIf(String::isBlank);
        return ids;
    }

    // ---- who is on the server

    @Test
    void theServerHoldsOnePatientPerReleasedConsentingPatientAndNothingOfAnyoneElse() {
        SyncClinic.Expected clinic = SyncClinic.Expected.of(fixture.store());
        assertThat(clinic.released()).hasSizeGreaterThan(20);
        assertThat(clinic.heldBack()).isNotEmpty();
        assertThat(clinic.withConsent(Consent.REFUSED)).isNotEmpty();
        assertThat(clinic.withConsent(Consent.UNKNOWN)).isNotEmpty();
        assertThat(clinic.withConsent(Consent.WITHDRAWN)).hasSize(SyncClinic.WITHDRAWN);

        SyncReport report = syncOnce(fixture.store());

        assertThat(report.confirmed()).isEqualTo(clinic.released().size());
        assertThat(report.rejected() + report.notConfirmed()).isZero();
        Map<String, Bundle> sent = SyncClinic.lastSent(fixture.store(), clinic.all());
        List<String> releasedPseudonyms = clinic.released().stream()
                .map(p -> SyncClinic.pseudonym(fixture.store(), p.id())).toList();
        assertThat(sent.keySet()).as("patients with a sent summary").containsExactlyInAnyOrderElementsOf(releasedPseudonyms);
        inspector.assertHoldsExactly(sent, Map.of(), 1);
        for (Patient p : clinic.notConsenting()) {
            assertThat(inspector.patientsWithPseudonym(SyncClinic.pseudonym(fixture.store(), p.id())))
                    .as("%s patient on the server", p.consent().summaries()).isEmpty();
            Optional<org.outpost.app.sharing.OutboxEntry> entry = fixture.store().read(r -> r.outbox().find(p.id()));
            assertThat(entry).isEmpty();
        }
        clinic.heldBack().forEach((p, groupSize) -> {
            assertThat(inspector.patientsWithPseudonym(SyncClinic.pseudonym(fixture.store(), p.id()))).isEmpty();
            Optional<org.outpost.app.sharing.OutboxEntry> entry = fixture.store().read(r -> r.outbox().find(p.id()));
            assertThat(entry).hasValueSatisfying(e ->
                    assertThat(e.heldBack()).hasValueSatisfying(why -> assertThat(why)
                            .startsWith("Held back by the k-anonymity check: group of " + groupSize + " < k=" + K)));
        });
        OutboxCounts counts = SiteSync.counts(fixture.store());
        assertThat(counts.pending()).isZero();
        assertThat(counts.heldBack()).isEqualTo(clinic.heldBack().size());
        assertThat(counts.lastSuccess()).contains(CLOCK.instant());

        List<AuditEntry> runs = fixture.store().read(r -> r.audit().newest(50)).stream()
                .filter(e -> e.event().action() == AuditAction.SYNC_RUN).toList();
        assertThat(runs).singleElement().satisfies(e -> {
            assertThat(e.event().patient()).isEmpty();
            assertThat(e.event().username()).isEqualTo(StoreFixture.ADMIN);
            assertThat(e.event().detail()).isEqualTo("sent=" + clinic.released().size()
                    + " refused=0 notConfirmed=0 waiting=0 heldBack=" + clinic.heldBack().size());
        });

        SyncReport again = syncOnce(fixture.store());
        assertThat(again.confirmed() + again.rejected() + again.notConfirmed()).isZero();
        inspector.assertHoldsExactly(sent, Map.of(), 1);
    }

    @Test
    void everyEntryIsLookedAtInOnePassHoweverManyAreHeldBackAheadOfIt() {
        SyncClinic.Expected clinic = SyncClinic.Expected.of(fixture.store());
        long consenting = clinic.released().size() + clinic.heldBack().size();
        assertThat(consenting).as("more entries than one window of a batch of one").isGreaterThan(51);
        SyncSettingsService settings = new SyncSettingsService(fixture.store(), CLOCK, fixture.session());
        settings.configure(proxy.base().toString(), Optional.empty(), OptionalInt.of(50), Optional.empty());

        SyncReport allHeld;
        try (SiteSync sync = open(fixture.store(), 1)) {
            allHeld = sync.syncNow();
        }

        assertThat(allHeld.confirmed()).isZero();
        OutboxCounts counts = SiteSync.counts(fixture.store());
        assertThat(counts.heldBack()).as("held back, each with its reason").isEqualTo(consenting);
        assertThat(counts.pending()).as("not looked at").isZero();

        settings.configure(proxy.base().toString(), Optional.empty(), OptionalInt.of(K), Optional.empty());
        SyncReport released;
        try (SiteSync sync = open(fixture.store(), 1)) {
            released = sync.syncNow();
        }
        assertThat(released.confirmed()).isEqualTo(clinic.released().size());
        assertThat(SiteSync.counts(fixture.store()).heldBack()).isEqualTo(clinic.heldBack().size());
        inspector.assertHoldsExactly(SyncClinic.lastSent(fixture.store(), clinic.all()), Map.of(), 1);
    }

    @Test
    void aSummaryTooLongToKeepACopyOfIsHeldBackNotSentAndDoesNotStopThePass() {
        SyncClinic.Expected clinic = SyncClinic.Expected.of(fixture.store());
        Patient big = clinic.released().get(3);
        // twenty years of weekly readings of six measures: over the million characters a sent copy may have
        List<Measure> measures = List.of(Measure.SYSTOLIC_BP, Measure.DIASTOLIC_BP, Measure.HEART_RATE,
                Measure.BODY_WEIGHT, Measure.OXYGEN_SATURATION, Measure.BODY_TEMPERATURE);
        fixture.store().write(r -> {
            java.util.Random random = new java.util.Random(7);
            for (int week = 0; week < 20 * 52; week++) {
                java.time.Instant at = CLOCK.instant().minus(Duration.ofDays(7L * week + 1));
                for (Measure m : measures) {
                    double v = m.plausibleMin() + (m.plausibleMax() - m.plausibleMin()) * (0.3 + 0.4 * random.nextDouble());
                    r.observations().insert(new org.outpost.app.domain.Observation(java.util.UUID.randomUUID(),
                            big.id(), m, new Quantity(Math.round(v), m.canonicalUnit()), at, StoreFixture.ADMIN));
                }
            }
            return null;
        });

        SyncReport report = syncOnce(fixture.store());

        assertThat(report.confirmed()).isEqualTo(clinic.released().size() - 1);
        assertThat(report.rejected() + report.notConfirmed()).isZero();
        String pseudonym = SyncClinic.pseudonym(fixture.store(), big.id());
        assertThat(transactionsAbout(pseudonym)).as("sent").isZero();
        Optional<org.outpost.app.sharing.OutboxEntry> entry = fixture.store().read(r -> r.outbox().find(big.id()));
        assertThat(entry).hasValueSatisfying(e -> assertThat(e.heldBack()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("Too large to keep an exact copy of what would be sent: ").endsWith("at most 1,000,000; not sent")));
        assertThat(SiteSync.counts(fixture.store()).heldBack()).isEqualTo(clinic.heldBack().size() + 1);
        assertThat(syncOnce(fixture.store()).confirmed()).as("a second pass").isZero();
        assertThat(SiteSync.preview(fixture.store(), big.id(), BundledModels.registry(), ZoneOffset.UTC, CLOCK))
                .isInstanceOfSatisfying(SiteSync.Preview.Nothing.class, n -> assertThat(n.why())
                        .startsWith("Too large to keep an exact copy of what would be sent: "));
    }

    // ---- changes

    @Test
    void aSummaryChangedTwiceIsSentOnceInItsLatestStateAndALaterChangeIsVersionTwoNotACopy() {
        SyncClinic.Expected clinic = SyncClinic.Expected.of(fixture.store());
        // a released patient whose birth year can move by one within its five-year band (same group)
        Patient p = clinic.released().stream().filter(x -> x.birthDate().getYear() % 5 <= 2).findFirst().orElseThrow();
        String pseudonym = SyncClinic.pseudonym(fixture.store(), p.id());

        fixture.charts().record(p.id(), Map.of(Measure.BODY_WEIGHT, new Quantity(81.5, Unit.KG)),
                CLOCK.instant().minusSeconds(3600));
        Patient corrected = correctBirthYear(p, 1);

        syncOnce(fixture.store());

        assertThat(transactionsAbout(pseudonym)).as("transactions carrying the patient").isEqualTo(1);
        org.hl7.fhir.r4.model.Patient held = (org.hl7.fhir.r4.model.Patient) inspector.read("Patient", pseudonym);
        assertThat(held.getBirthDateElement().getValueAsString()).isEqualTo(String.valueOf(corrected.birthDate().getYear()));
        assertThat(inspector.observationsOf(pseudonym)).map(r -> (Observation) r).filteredOn(Observation::hasValueQuantity)
                .extracting(o -> o.getValueQuantity().getValue().doubleValue()).contains(81.5);
        Map<String, Bundle> sent = SyncClinic.lastSent(fixture.store(), clinic.all());
        inspector.assertHoldsExactly(sent, Map.of(), 1);

        correctBirthYear(corrected, 1);
        SyncReport second = syncOnce(fixture.store());

        assertThat(second.confirmed()).isEqualTo(1);
        assertThat(transactionsAbout(pseudonym)).isEqualTo(2);
        Map<String, Bundle> latest = SyncClinic.lastSent(fixture.store(), clinic.all());
        assertThat(inspector.all(org.hl7.fhir.r4.model.Patient.class)).hasSize(clinic.released().size());
        inspector.assertHoldsExactly(latest, Map.of("Patient/" + pseudonym, "2"), 1);
        assertThat(((org.hl7.fhir.r4.model.Patient) inspector.read("Patient", pseudonym)).getBirthDateElement()
                .getValueAsString()).isEqualTo(String.valueOf(p.birthDate().getYear() + 2));
    }

    private Patient correctBirthYear(Patient p, int years) {
        return fixture.patients().update(p.id(), new PatientDraft(p.mrn().value(), p.familyName(), p.givenName(),
                p.sex(), p.birthDate().plusYears(years), p.address(), p.phone(), null, AllergyDraft.of(p.allergies())));
    }

    // ---- interrupted

    @Test
    void signingOutMidBatchThenSyncingAgainLosesAndDuplicatesNothing() throws Exception {
        SyncClinic.Expected clinic = SyncClinic.Expected.of(fixture.store());
        int stopAt = 12; // the 12th summary: stored by the server, its answer never reaches the workstation
        proxy.hold(Duration.ofSeconds(20)).plan(n -> n == stopAt ? Fault.TIMEOUT : Fault.NONE);
        SiteSync first = open(fixture.store(), 5);
        CompletableFuture<SyncReport> pass = CompletableFuture.supplyAsync(first::syncNow);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (proxy.forwarded() < stopAt && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(proxy.forwarded()).as("the server has stored the summary in flight").isEqualTo(stopAt);
        first.close(); // the user signs out: sync stops and its connection is closed
        SyncReport interrupted = pass.get(30, java.util.concurrent.TimeUnit.SECONDS);
        fixture.close();

        assertThat(interrupted.confirmed()).isEqualTo(stopAt - 1);
        assertThat(interrupted.notConfirmed()).isEqualTo(1);
        assertThat(inspector.all(org.hl7.fhir.r4.model.Patient.class)).hasSize(stopAt);

        fixture = StoreFixture.open(dir, CLOCK); // signed in again: a new SiteSync on the same database
        OutboxCounts left = SiteSync.counts(fixture.store());
        assertThat(left.waiting()).isEqualTo(clinic.released().size() - (stopAt - 1) + clinic.heldBack().size());
        SyncReport resumed = syncOnce(fixture.store());

        assertThat(resumed.confirmed()).isEqualTo(clinic.released().size() - (stopAt - 1));
        assertThat(resumed.notConfirmed()).isZero();
        Map<String, Bundle> sent = SyncClinic.lastSent(fixture.store(), clinic.all());
        assertThat(sent).hasSize(clinic.released().size());
        inspector.assertHoldsExactly(sent, Map.of(), 1); // one copy each, every resource still version 1
        Map<String, Long> perPatient = new HashMap<>();
        for (String pseudonym : sent.keySet()) {
            perPatient.put(pseudonym, transactionsAbout(pseudonym));
        }
        assertThat(perPatient.values().stream().filter(n -> n == 2)).as("sent twice: only the one in flight")
                .hasSize(1);
        assertThat(perPatient.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 2L));
        List<String> runs = fixture.store().read(r -> r.audit().newest(100)).stream()
                .filter(e -> e.event().action() == AuditAction.SYNC_RUN).map(e -> e.event().detail()).toList();
        assertThat(runs).hasSize(2);
        assertThat(runs.getFirst()).isEqualTo("sent=" + (clinic.released().size() - stopAt + 1)
                + " refused=0 notConfirmed=0 waiting=0 heldBack=" + clinic.heldBack().size());
        var interruptedRun = Pattern.compile("sent=" + (stopAt - 1) + " refused=0 notConfirmed=1 waiting=(\\d+) "
                + "heldBack=(\\d+)").matcher(runs.get(1));
        assertThat(interruptedRun.matches()).as(runs.get(1)).isTrue();
        assertThat(Integer.parseInt(interruptedRun.group(1)) + Integer.parseInt(interruptedRun.group(2)))
                .isEqualTo(left.waiting());
    }

    @Test
    void aCrashMidBatchLosesNothingAndTheServerKeepsOneCopyOfEach() throws Exception {
        SyncClinic.Expected clinic = SyncClinic.Expected.of(fixture.store());
        int inFlight = 12; // batches of 5: 10 confirmations written, the 11th not yet, the 12th in flight
        proxy.hold(Duration.ofSeconds(3)).plan(n -> n == inFlight ? Fault.TIMEOUT : Fault.NONE);
        SiteSync dying = open(fixture.store(), 5);
        CompletableFuture<SyncReport> pass = CompletableFuture.supplyAsync(dying::syncNow);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (proxy.forwarded() < inFlight && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        fixture.store().close(); // the workstation dies: the database keeps what was committed, nothing more
        assertThat(pass).failsWithin(Duration.ofSeconds(30));
        dying.close(); // only to free the HTTP client in this JVM; it can write nothing any more

        fixture = StoreFixture.open(dir, CLOCK);
        assertThat(SyncClinic.lastSent(fixture.store(), clinic.all())).as("marked sent before the crash").hasSize(10);
        SyncReport after = syncOnce(fixture.store());

        assertThat(after.confirmed()).isEqualTo(clinic.released().size() - 10);
        Map<String, Bundle> sent = SyncClinic.lastSent(fixture.store(), clinic.all());
        assertThat(sent).hasSize(clinic.released().size());
        inspector.assertHoldsExactly(sent, Map.of(), 1); // one copy of each, every resource still at version 1
        assertThat(sent.keySet().stream().filter(p -> transactionsAbout(p) == 2))
                .as("sent again: the one confirmed but not yet written and the one in flight").hasSize(2);
        assertThat(sent.keySet()).allSatisfy(p -> assertThat(transactionsAbout(p)).isBetween(1L, 2L));
    }

    @Test
    void aConnectionDroppedAfterNRequestsLeavesTheRestQueuedAndTheNextPassCompletesIt() {
        SyncClinic.Expected clinic = SyncClinic.Expected.of(fixture.store());
        proxy.plan(n -> n == 30 ? Fault.DROP_AFTER_PROCESSING : Fault.NONE);

        SyncReport broken = syncOnce(fixture.store());
        assertThat(broken.confirmed()).isEqualTo(29);
        assertThat(broken.notConfirmed()).isEqualTo(1);
        assertThat(SiteSync.counts(fixture.store()).lastError()).hasValueSatisfying(e ->
                assertThat(e.message()).contains("connection"));

        SyncReport rest = syncOnce(fixture.store());
        assertThat(rest.confirmed()).isEqualTo(clinic.released().size() - 29);
        Map<String, Bundle> sent = SyncClinic.lastSent(fixture.store(), clinic.all());
        assertThat(sent).hasSize(clinic.released().size());
        inspector.assertHoldsExactly(sent, Map.of(), 1);
        List<Resource> patients = inspector.all(org.hl7.fhir.r4.model.Patient.class);
        assertThat(patients).hasSize(clinic.released().size());
    }
}
