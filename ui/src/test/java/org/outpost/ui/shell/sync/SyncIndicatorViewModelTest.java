package org.outpost.ui.shell.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Sex;
import org.outpost.app.sharing.BearerToken;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.usecase.ConsentDraft;
import org.outpost.app.usecase.ConsentService;
import org.outpost.app.usecase.SyncSettingsService;
import org.outpost.sync.outbox.OutboxSummaries;
import org.outpost.sync.testserver.FaultProxy;
import org.outpost.sync.testserver.FhirServerExtension;
import org.outpost.sync.testserver.FhirTestServer;
import org.outpost.sync.testserver.ServerInspector;
import org.outpost.sync.transport.SyncService;
import org.outpost.ui.concurrent.ErrorNotice;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/**
 * Issue 12: the shell's sync indicator over a real encrypted store, the real sync loop and a real HAPI FHIR server
 * behind a fault-injecting proxy. It says what sync does in words, and never "up to date" while the server has not
 * confirmed what waits: a timeout is "not confirmed".
 */
@ExtendWith(FhirServerExtension.class)
class SyncIndicatorViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:41:00Z"), ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final UiText TEXT = new UiText(Locale.ENGLISH);

    private final FhirTestServer server;
    @TempDir
    Path dir;
    StoreFixture store;
    FaultProxy proxy;
    SessionSync sync;
    SyncIndicatorViewModel model;
    final FxQueue fx = new FxQueue();
    final List<Throwable> reported = new ArrayList<>();
    final List<String> shown = new ArrayList<>();
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner(e -> {
        reported.add(e);
        return new ErrorNotice("E-1", "test");
    });

    SyncIndicatorViewModelTest(FhirTestServer server) {
        this.server = server;
    }

    @BeforeEach
    void open() throws IOException {
        server.reset();
        proxy = FaultProxy.start(server.port());
        store = StoreFixture.create(dir.resolve("db"), CLOCK);
    }

    @AfterEach
    void close() throws IOException {
        if (sync != null) {
            sync.close();
        }
        proxy.close();
        store.close();
        assertThat(reported).as("nothing unexpected reported").isEmpty();
    }

    private void configure(int k) {
        new SyncSettingsService(store.store(), CLOCK, store.session()).configure(proxy.base().toString(),
                Optional.of(BearerToken.of("test-token-1234")), OptionalInt.of(k), Optional.empty());
    }

    /** A patient who consented to sharing; those born in the same five years share a k-anonymity group. */
    private org.outpost.app.domain.Patient consenting(String family, int bornYear) {
        var p = store.register(family, "Test", Sex.FEMALE, LocalDate.of(bornYear, 6, 1), "");
        new ConsentService(store.store(), CLOCK, store.session()).record(p.id(), ConsentDraft.given(false));
        return p;
    }

    private SyncIndicatorViewModel model(SyncOptions options) {
        sync = new SessionSync(store.store(), StoreFixture.ADMIN, CLOCK, options);
        model = new SyncIndicatorViewModel(sync, tasks, fx, TEXT, CLOCK);
        model.statusProperty().addListener((o, a, b) -> shown.add(b));
        return model;
    }

    private SyncIndicatorViewModel model() {
        // a long period: after the first pass, only "Sync now" makes it pass again
        return model(new SyncOptions(Optional.empty(), new SyncService.Settings(25, Duration.ofMinutes(30)),
                Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    private String status() {
        return model.statusProperty().get();
    }

    private void awaitStatus(java.util.function.Predicate<String> condition, String what) {
        fx.runUntil(() -> condition.test(status()), WAIT, what + " (showing \"" + status() + "\")");
    }

    private int patientsOnServer() {
        return new ServerInspector(server).all(Patient.class).size();
    }

    @Test
    void withoutAServerItSaysSyncIsNotSetUpAndOffersNothing() {
        consenting("Mensah", 1970);
        model().start();
        assertThat(status()).isEqualTo("Sync not set up");
        assertThat(model.canSyncNowProperty().get()).isFalse();
        model.syncNow();
        fx.drain();
        assertThat(status()).isEqualTo("Sync not set up");
        assertThat(proxy.exchanges()).isEmpty();
    }

    @Test
    void sendsWhatWaitsAndSaysUpToDateWithTheTimeTheServerConfirmed() {
        configure(2);
        consenting("Mensah", 1970);
        consenting("Boateng", 1971);
        consenting("Owusu", 1990); // alone in their group: held back
        model().start();
        assertThat(model.isRunning()).isTrue();

        awaitStatus(s -> s.startsWith("Up to date"), "up to date");
        assertThat(status()).isEqualTo("Up to date \u00b7 last confirmed 10:41 \u00b7 1 held back (k-anonymity)");
        assertThat(shown).as("the pass showed its progress").contains("Sending\u2026 2 sent");
        assertThat(model.sendingProperty().get()).isFalse();
        assertThat(model.canSyncNowProperty().get()).isTrue();
        assertThat(model.toneProperty().get()).isEqualTo(SyncIndicatorViewModel.Tone.OK);
        assertThat(patientsOnServer()).isEqualTo(2);
    }

    @Test
    void aTimeoutIsNotConfirmedAndNeverShownAsUpToDate() {
        configure(2);
        consenting("Mensah", 1970);
        consenting("Boateng", 1971);
        // the server stores the first summary, but its answer comes after the client stopped waiting (1 s)
        proxy.hold(Duration.ofMillis(2500)).failNext(FaultProxy.Fault.TIMEOUT);
        model().start();

        awaitStatus(s -> s.startsWith("Not confirmed"), "not confirmed");
        assertThat(status()).matches("Not confirmed: The sync server did not answer within 1 s; the summary is not"
                + " confirmed and will be sent again\\. Next try \\d\\d:\\d\\d\\.");
        assertThat(model.toneProperty().get()).isEqualTo(SyncIndicatorViewModel.Tone.WARNING);
        assertThat(store.store().read(r -> r.outbox().counts()).pending()).as("still queued").isEqualTo(2);
        model.refresh();
        assertThat(status()).startsWith("Not confirmed");
        assertThat(shown).noneMatch(s -> s.startsWith("Up to date"));

        model.syncNow(); // cuts the backoff short; the server now answers in time
        assertThat(model.sendingProperty().get()).isTrue();
        awaitStatus(s -> s.startsWith("Up to date"), "up to date after Sync now");
        assertThat(status()).isEqualTo("Up to date \u00b7 last confirmed 10:41");
        assertThat(patientsOnServer()).as("the resend did not duplicate").isEqualTo(2);
    }

    @Test
    void offlineSaysHowManyWaitAndWhenItTriesAgain() throws IOException {
        configure(2);
        consenting("Mensah", 1970);
        consenting("Boateng", 1971);
        proxy.down();
        model().start();

        awaitStatus(s -> s.startsWith("Offline"), "offline");
        assertThat(status()).matches("Offline \u2014 2 waiting, next try \\d\\d:\\d\\d");
        assertThat(model.detailProperty().get()).contains("cannot be reached");

        proxy.up();
        model.syncNow();
        awaitStatus(s -> s.startsWith("Up to date"), "up to date once the server is back");
        assertThat(patientsOnServer()).isEqualTo(2);
    }

    @Test
    void theServersRefusalIsShownInItsWords() {
        configure(2);
        var refused = consenting("Mensah", 1970);
        consenting("Boateng", 1971);
        // what the loop writes back when the server refuses a summary (HTTP 422), before this session
        store.store().write(r -> {
            OutboxEntry e = r.outbox().find(refused.id()).orElseThrow();
            r.outbox().failed(e, "HTTP 422: Patient.gender is required");
            r.outbox().heldBack(r.outbox().find(refused.id()).orElseThrow(),
                    OutboxSummaries.REFUSED + "HTTP 422: Patient.gender is required");
            return null;
        });
        model().start();

        awaitStatus(s -> s.startsWith("Server refused"), "refused");
        fx.runUntil(() -> patientsOnServer() == 1, WAIT, "the other summary sent");
        fx.runUntil(() -> !model.sendingProperty().get(), WAIT, "pass ended");
        assertThat(status()).isEqualTo("Server refused 1 summary: HTTP 422: Patient.gender is required");
        assertThat(model.toneProperty().get()).isEqualTo(SyncIndicatorViewModel.Tone.PROBLEM);
    }

    @Test
    void anUnreadableCaFileShowsInTheIndicatorAndSyncNowTriesAgain() throws IOException {
        configure(2);
        Path ca = dir.resolve(SyncOptions.CA_FILE);
        Files.writeString(ca, "not a certificate");
        model(new SyncOptions(Optional.of(ca), new SyncService.Settings(25, Duration.ofMinutes(30)),
                Duration.ofSeconds(1), Duration.ofSeconds(30))).start();

        assertThat(status()).startsWith("Sync cannot start: The pinned CA file sync-ca.pem");
        assertThat(model.toneProperty().get()).isEqualTo(SyncIndicatorViewModel.Tone.PROBLEM);
        assertThat(model.canSyncNowProperty().get()).as("to try again").isTrue();
        assertThat(sync.isRunning()).isFalse();

        Files.delete(ca); // fixed: the system's trust store again
        model.syncNow();
        assertThat(model.isRunning()).isTrue();
        awaitStatus(s -> s.startsWith("Up to date"), "up to date");
    }

    @Test
    void afterAPauseLateEventsAreIgnoredAndStartResumes() {
        configure(2);
        consenting("Mensah", 1970);
        consenting("Boateng", 1971);
        model().start();
        model.pause();
        sync.close(); // as the workspace does before the store is locked
        fx.drain();
        assertThat(status()).isEqualTo("Sync paused while locked");
        assertThat(model.canSyncNowProperty().get()).isFalse();

        model.start();
        awaitStatus(s -> s.startsWith("Up to date"), "up to date after resuming");
    }
}
