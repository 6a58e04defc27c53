package org.outpost.sync.transport;

import org.outpost.app.sharing.ServerUrl;
import org.outpost.app.sharing.BearerToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outpost.sync.testserver.FaultProxy;
import org.outpost.sync.testserver.FhirServerExtension;
import org.outpost.sync.testserver.FhirTestServer;
import org.outpost.sync.testserver.ServerInspector;
import org.outpost.sync.testserver.TestSummaries;

/** The transport against a real HAPI FHIR server: what it sends, and when it says "confirmed". */
@ExtendWith(FhirServerExtension.class)
class FhirSummaryTransportTest {
    private static final FhirContext FHIR = FhirContext.forR4();
    private final FhirTestServer server;
    private final ServerInspector inspector;
    private FaultProxy proxy;
    private FhirSummaryTransport transport;

    FhirSummaryTransportTest(FhirTestServer server) {
        this.server = server;
        this.inspector = new ServerInspector(server);
    }

    @BeforeEach
    void setUp() throws IOException {
        server.reset();
        proxy = FaultProxy.start(server.port());
        transport = new FhirSummaryTransport(FHIR, settings(proxy.base().toString(), Duration.ofSeconds(2)));
    }

    @AfterEach
    void tearDown() throws IOException {
        transport.close();
        proxy.close();
    }

    private static ConnectionSettings settings(String base, Duration read) {
        return new ConnectionSettings(ServerUrl.parse(base), ServerTrust.systemDefault(),
                Optional.of(BearerToken.of("s3cret-token")), "clinic-7", Duration.ofSeconds(1), read);
    }

    @Test
    void firstSendCreatesEveryResourceAndAResendChangesNothing() {
        String p = TestSummaries.pseudonym("transport", 1);
        Bundle summary = TestSummaries.summary(p, 1);

        SendResult first = transport.send(summary);
        SendResult again = transport.send(summary);

        assertThat(first).isInstanceOfSatisfying(SendResult.Confirmed.class, c -> {
            assertThat(c.entries()).hasSize(summary.getEntry().size())
                    .allSatisfy(e -> assertThat(e.statusCode()).isEqualTo(201))
                    .allSatisfy(e -> assertThat(e.versionId()).isEqualTo("1"));
            assertThat(c.entries().getFirst().location()).startsWith("Patient/" + p);
        });
        assertThat(again).isInstanceOfSatisfying(SendResult.Confirmed.class, c -> assertThat(c.entries())
                .allSatisfy(e -> assertThat(e.statusCode()).isEqualTo(200))
                .allSatisfy(e -> assertThat(e.versionId()).isEqualTo("1")));
        inspector.assertHoldsExactly(Map.of(p, summary), Map.of(), 0);
    }

    @Test
    void sendsTheBearerTokenAsAnAuthorizationHeader() {
        transport.send(TestSummaries.summary(TestSummaries.pseudonym("transport", 2), 1));

        assertThat(proxy.exchanges()).singleElement()
                .satisfies(e -> assertThat(e.authorization()).isEqualTo("Bearer s3cret-token"));
    }

    @Test
    void aRefusedSummaryIsRejectedWithTheServersReasonInWords() {
        SendResult result = transport.send(TestSummaries.orphanObservation(TestSummaries.pseudonym("transport", 3)));

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class, r -> {
            assertThat(r.httpStatus()).isBetween(400, 499);
            assertThat(r.reason()).containsIgnoringCase("not found").doesNotContain("<html");
        });
        assertThat(inspector.all(Observation.class)).isEmpty();
    }

    @Test
    void aTransactionBundleWithAPostEntryIsRefusedBeforeAnythingIsSent() {
        Bundle summary = TestSummaries.summary(TestSummaries.pseudonym("transport", 4), 1);
        summary.getEntry().get(1).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

        assertThatThrownBy(() -> transport.send(summary)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot duplicate");
        assertThat(proxy.exchanges()).isEmpty();
    }

    @Test
    void aServerThatIsNotListeningIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        transport.close();
        try (FhirSummaryTransport nowhere = new FhirSummaryTransport(FHIR,
                settings("http://127.0.0.1:" + closedPort + "/fhir", Duration.ofSeconds(1)))) {
            SendResult result = nowhere.send(TestSummaries.summary(TestSummaries.pseudonym("transport", 5), 1));

            assertThat(result).isInstanceOfSatisfying(SendResult.NotConfirmed.class,
                    n -> assertThat(n.reason()).isEqualTo(SendResult.Reason.UNREACHABLE));
        }
    }

    @Test
    void aTimeoutIsNotConfirmedEvenThoughTheServerStoredTheSummary() {
        String p = TestSummaries.pseudonym("transport", 6);
        Bundle summary = TestSummaries.summary(p, 1);
        proxy.hold(Duration.ofMillis(1500)).failNext(FaultProxy.Fault.TIMEOUT);
        transport.close();
        try (FhirSummaryTransport impatient = new FhirSummaryTransport(FHIR,
                settings(proxy.base().toString(), Duration.ofMillis(500)))) {
            SendResult result = impatient.send(summary);

            assertThat(result).isInstanceOfSatisfying(SendResult.NotConfirmed.class,
                    n -> assertThat(n.reason()).isEqualTo(SendResult.Reason.TIMEOUT));
        }
        // the server did store it: the point is that the client could not know
        inspector.assertHoldsExactly(Map.of(p, summary), Map.of(), 0);
    }

    @Test
    void fiveHundredsAndDroppedConnectionsAreNotConfirmed() {
        Bundle summary = TestSummaries.summary(TestSummaries.pseudonym("transport", 7), 1);
        proxy.failNext(FaultProxy.Fault.HTTP_500, FaultProxy.Fault.HTTP_500_AFTER_PROCESSING,
                FaultProxy.Fault.DROP_AFTER_PROCESSING);

        assertThat(transport.send(summary)).isEqualTo(notConfirmed(SendResult.Reason.SERVER_ERROR));
        assertThat(transport.send(summary)).isEqualTo(notConfirmed(SendResult.Reason.SERVER_ERROR));
        assertThat(transport.send(summary)).isInstanceOfSatisfying(SendResult.NotConfirmed.class,
                n -> assertThat(n.reason()).isEqualTo(SendResult.Reason.CONNECTION_LOST));
        assertThat(transport.send(summary)).isInstanceOf(SendResult.Confirmed.class);
    }

    private static SendResult.NotConfirmed notConfirmed(SendResult.Reason reason) {
        return new SendResult.NotConfirmed(reason, "The server could not store the summary now (HTTP 500); it will be"
                + " sent again.");
    }

    @Test
    void aSecondOpenTransportOnTheSameContextIsRefused() {
        assertThatThrownBy(() -> new FhirSummaryTransport(FHIR, settings(proxy.base().toString(), Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class);
        transport.close();
        new FhirSummaryTransport(FHIR, settings(proxy.base().toString(), Duration.ofSeconds(1))).close();
    }

    @Test
    void theCheckpointIsOneResourcePerSiteWhoseVersionsAreTheHeadsReceived() {
        String head1 = "a".repeat(64);
        String head2 = "b".repeat(64);
        Instant at = Instant.parse("2026-03-01T10:15:30Z");

        SendResult first = transport.checkpoint(head1, 41, at);
        SendResult repeat = transport.checkpoint(head1, 41, at);
        SendResult moved = transport.checkpoint(head2, 57, at.plusSeconds(60));

        assertThat(first).isInstanceOfSatisfying(SendResult.Confirmed.class,
                c -> assertThat(c.entries().getFirst().versionId()).isEqualTo("1"));
        assertThat(repeat).isInstanceOfSatisfying(SendResult.Confirmed.class,
                c -> assertThat(c.entries().getFirst().versionId()).isEqualTo("1"));
        assertThat(moved).isInstanceOfSatisfying(SendResult.Confirmed.class,
                c -> assertThat(c.entries().getFirst().versionId()).isEqualTo("2"));
        assertThat(inspector.all(Basic.class)).singleElement().satisfies(r -> {
            Basic b = (Basic) r;
            assertThat(b.getIdElement().getIdPart()).isEqualTo("outpost-audit-clinic-7");
            assertThat(b.getExtensionByUrl(AuditCheckpoints.EXT_HEAD_HASH).getValue().primitiveValue()).isEqualTo(head2);
            assertThat(b.getExtensionByUrl(AuditCheckpoints.EXT_LENGTH).getValue().primitiveValue()).isEqualTo("57");
        });
    }
}
