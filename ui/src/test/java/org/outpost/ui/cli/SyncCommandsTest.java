package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.CLINICIAN;
import static org.outpost.ui.cli.CliHarness.CLINICIAN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;
import org.outpost.app.sharing.OutboxCounts;
import org.outpost.app.sharing.SentSummary;
import org.outpost.store.TestVaults;
import org.outpost.sync.testserver.FaultProxy;
import org.outpost.sync.testserver.FhirServerExtension;
import org.outpost.sync.testserver.FhirTestServer;
import org.outpost.sync.testserver.ServerInspector;
import org.outpost.ui.console.ExitCode;

/**
 * Issue 12: {@code admin sync status}, {@code run} and {@code preview MRN} on a real data directory (the demo
 * clinic, 30 patients, about 60 % consenting) against a real in-process FHIR server.
 */
@ExtendWith({SharedClinic.class, FhirServerExtension.class})
class SyncCommandsTest {
    private static final String TOKEN = "tok_sync-commands-test~0123456789";

    private final FhirTestServer server;
    private final ServerInspector inspector;

    @TempDir
    Path temp;

    private Path dir;

    SyncCommandsTest(FhirTestServer server) {
        this.server = server;
        this.inspector = new ServerInspector(server);
    }

    @BeforeEach
    void setUp(SharedClinic.Template clinic) {
        server.reset();
        dir = clinic.copyTo(temp.resolve("db"));
    }

    private CliHarness.Result sync(String command, String... more) {
        List<String> args = new ArrayList<>(List.of("sync", command, "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin"));
        args.addAll(List.of(more));
        return run(lines(ADMIN_PASSWORD), args.toArray(String[]::new));
    }

    private void configure(String url, int k) {
        CliHarness.Result r = run(lines(ADMIN_PASSWORD, TOKEN), "sync", "config", "--data-dir", dir.toString(),
                "--user", ADMIN, "--password-stdin", "--url", url, "--token-stdin", "--k", String.valueOf(k));
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private <T> T read(Function<Repositories, T> query) {
        try (Store store = TestVaults.fast(dir, CliHarness.CLOCK).unlock(ADMIN, ADMIN_PASSWORD.toCharArray()).store()) {
            return store.read(query::apply);
        } catch (org.outpost.app.port.WrongCredentialsException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<org.outpost.app.domain.Patient> patients(Consent consent) {
        return read(r -> r.patients().all(1000).stream().map(PatientSummary::id)
                .map(id -> r.patients().find(id).orElseThrow())
                .filter(p -> p.consent().summaries() == consent).toList());
    }

    @Test
    void statusBeforeSetupShowsTheWaitingSummariesAndSaysNothingIsSent() {
        long consenting = patients(Consent.GIVEN).size();
        assertThat(consenting).as("the demo clinic has consenting patients").isGreaterThan(5);

        CliHarness.Result r = sync("status");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.outLines()).containsExactly(
                "server: not set",
                "token: not set",
                "k: 5",
                "genotypes: not shared",
                "waiting to be sent: " + consenting,
                "held back: 0",
                "last success: never",
                "last error: none",
                "sync is not set up: nothing is sent until a server and a token are set ('outpost admin sync config')");
    }

    @Test
    void runWithoutSetupFailsAndSendsNothing() {
        CliHarness.Result r = sync("run");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.errLine()).startsWith("sync is not set up").contains("admin sync config");
        assertThat(inspector.all(Patient.class)).isEmpty();
    }

    @Test
    void runSendsEveryReleasedSummaryOnceAndStatusThenShowsTheSuccess() {
        configure(server.base().toString(), 2);

        CliHarness.Result r = sync("run");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<Resource> onServer = inspector.all(Patient.class);
        assertThat(onServer).as("some patients are released at k=2").isNotEmpty();
        OutboxCounts counts = read(r2 -> r2.outbox().counts());
        assertThat(r.outLines()).containsExactly("sent " + onServer.size() + ", refused 0, not confirmed 0",
                "waiting to be sent: 0, held back: " + counts.heldBack());
        assertThat(onServer.size() + counts.heldBack()).isEqualTo(patients(Consent.GIVEN).size());

        CliHarness.Result status = sync("status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).doesNotContain(TOKEN);
        assertThat(status.outLines()).containsExactly(
                "server: " + server.base(),
                "token: set",
                "k: 2",
                "genotypes: not shared",
                "waiting to be sent: 0",
                "held back: " + counts.heldBack() + (counts.heldBack() == 0 ? ""
                        : " (" + counts.heldBack() + " by the k-anonymity check)"),
                "last success: 2025-06-16T09:30:00Z",
                "last error: none");

        CliHarness.Result again = sync("run");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.outLines().getFirst()).isEqualTo("sent 0, refused 0, not confirmed 0");
        assertThat(inspector.all(Patient.class)).hasSize(onServer.size());
        assertThat(CliHarness.audit(dir)).filteredOn(e -> e.event().action() == AuditAction.SYNC_RUN)
                .singleElement()
                .satisfies(e -> assertThat(e.event().detail()).isEqualTo("sent=" + onServer.size()
                        + " refused=0 notConfirmed=0 waiting=0 heldBack=" + counts.heldBack()));
    }

    @Test
    void aServerThatCannotBeReachedExitsOneAndLeavesEverythingQueued() throws Exception {
        int closedPort;
        try (FaultProxy proxy = FaultProxy.start(server.port())) {
            closedPort = proxy.port();
        }
        configure("http://127.0.0.1:" + closedPort + "/fhir", 2);
        long waitingBefore = read(r -> r.outbox().counts()).waiting();

        CliHarness.Result r = sync("run");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.outLines().getFirst()).isEqualTo("sent 0, refused 0, not confirmed 1 (The sync server "
                + "127.0.0.1 cannot be reached; summaries stay queued on this computer.)");
        assertThat(r.errLine()).startsWith("not everything was confirmed by the server: The sync server 127.0.0.1 "
                + "cannot be reached").endsWith("What is left stays queued and is sent by the next run.");
        assertThat(read(r2 -> r2.outbox().counts()).waiting()).isEqualTo(waitingBefore);
        assertThat(read(r2 -> r2.outbox().counts()).lastSuccess()).isEmpty();

        CliHarness.Result status = sync("status");
        assertThat(status.outLines()).contains("last success: never", "last error: 2025-06-16T09:30:00Z The sync "
                + "server 127.0.0.1 cannot be reached; summaries stay queued on this computer.");
    }

    @Test
    void aCaFileThatCannotBeReadIsRefusedBeforeAnythingIsSent() {
        configure(server.base().toString(), 2);
        Path missing = temp.resolve("no-such-ca.pem");

        CliHarness.Result r = sync("run", "--ca-file", missing.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.errLine()).startsWith("The pinned CA file").contains("cannot be read")
                .endsWith("; nothing was sent");
        assertThat(inspector.all(Patient.class)).isEmpty();
    }

    @Test
    void rotatingThePseudonymsNeedsConfirmationThenChangesEveryPseudonymAndQueuesEveryoneAgain() {
        configure(server.base().toString(), 2);
        assertThat(sync("run").exitCode()).isZero();
        List<org.outpost.app.domain.Patient> consenting = patients(Consent.GIVEN);
        org.outpost.app.domain.Patient p = consenting.getFirst();
        org.outpost.app.sharing.SiteSecret before = read(r -> r.syncSettings().siteSecret());
        long waitingBefore = read(r -> r.outbox().counts()).pending();

        CliHarness.Result refused = sync("rotate-pseudonyms");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--yes-new-pseudonyms");
        org.outpost.app.sharing.SiteSecret unchanged = read(r -> r.syncSettings().siteSecret());
        assertThat(unchanged).isEqualTo(before);

        CliHarness.Result done = sync("rotate-pseudonyms", "--yes-new-pseudonyms");
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).contains("queued again under the new pseudonyms: " + consenting.size());
        org.outpost.app.sharing.SiteSecret rotated = read(r -> r.syncSettings().siteSecret());
        assertThat(rotated).isNotEqualTo(before);
        long waitingAfter = read(r -> r.outbox().counts()).pending();
        assertThat(waitingAfter).isGreaterThan(waitingBefore);
        Optional<org.outpost.app.sharing.OutboxEntry> queued = read(r -> r.outbox().find(p.id()));
        assertThat(queued).isPresent();
        assertThat(CliHarness.audit(dir)).filteredOn(e -> e.event().action() == AuditAction.SITE_SECRET_ROTATED)
                .singleElement().satisfies(e -> assertThat(e.event().detail()).isEqualTo("queued=" + consenting.size()));
    }

    @Test
    void previewPrintsExactlyTheBundleTheNextRunSends() {
        configure(server.base().toString(), 2);
        List<org.outpost.app.domain.Patient> consenting = patients(Consent.GIVEN);
        String expectedNothing = null;
        org.outpost.app.domain.Patient released = null;
        for (org.outpost.app.domain.Patient p : consenting) {
            CliHarness.Result r = sync("preview", p.mrn().value());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).doesNotContain(p.familyName()).doesNotContain(p.mrn().value())
                    .doesNotContain(p.birthDate().toString());
            if (r.out().startsWith("{")) {
                released = p;
                assertThat(r.errLine()).isEqualTo("waiting to be sent with the next run");
                Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, r.out());
                assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
                assertThat(sync("run").exitCode()).isZero();
                Optional<SentSummary> sent = read(r2 -> r2.outbox().lastSent(p.id()));
                // what was sent is the wire's compact JSON; the preview is the same bundle, indented for reading
                assertThat(sent).hasValueSatisfying(s -> assertThat(s.bundleJson())
                        .isEqualTo(new org.outpost.sync.fhir.FhirSummaryBuilder().wireJson(bundle)));
                CliHarness.Result after = sync("preview", p.mrn().value());
                assertThat(after.out()).isEqualTo(r.out());
                assertThat(after.errLine()).startsWith("nothing is waiting for this patient");
                break;
            } else {
                expectedNothing = r.out();
            }
        }
        assertThat(released).as("a released consenting patient").isNotNull();
        if (expectedNothing != null) {
            assertThat(expectedNothing).startsWith("nothing would be sent: Held back by the k-anonymity check: group of 1 < k=2");
        }
        assertThat(CliHarness.audit(dir)).filteredOn(e -> e.event().action() == AuditAction.CHART_OPENED)
                .anySatisfy(e -> assertThat(e.event().detail()).isEqualTo("sync preview"));
    }

    @Test
    void previewOfAPatientWhoRefusedSaysNothingLeavesAndAnUnknownMrnFails() {
        org.outpost.app.domain.Patient refused = patients(Consent.REFUSED).getFirst();

        CliHarness.Result r = sync("preview", refused.mrn().value());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.outLines()).containsExactly(
                "nothing would be sent: No consent to share is recorded for this patient: nothing leaves.");

        CliHarness.Result unknown = sync("preview", "OP-999999");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(unknown.errLine()).isEqualTo("no patient has that MRN; nothing was shown");
        assertThat(unknown.out()).isEmpty();
    }

    @Test
    void onlyAnAdministratorSeesOrRunsSync() {
        for (String command : List.of("status", "run", "preview")) {
            List<String> args = new ArrayList<>(List.of("sync", command, "--data-dir", dir.toString(), "--user",
                    CLINICIAN, "--password-stdin"));
            if (command.equals("preview")) {
                args.add(patients(Consent.GIVEN).getFirst().mrn().value());
            }
            CliHarness.Result r = run(lines(CLINICIAN_PASSWORD), args.toArray(String[]::new));
            assertThat(r.exitCode()).as(command).isEqualTo(ExitCode.FAILED);
            assertThat(r.errLine()).as(command).contains("may not");
            assertThat(r.out()).as(command).isEmpty();
        }
    }

    @Test
    void syncNamesItsSubcommands() {
        CliHarness.Result r = run("", "sync");
        assertThat(r.errLine()).startsWith("Missing subcommand: config, status, run, preview");
    }
}
