package org.outpost.sync.transport;

import org.outpost.app.sharing.ServerUrl;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.sync.testserver.FaultProxy;
import org.outpost.sync.testserver.FhirServerExtension;
import org.outpost.sync.testserver.FhirTestServer;
import org.outpost.sync.testserver.ServerInspector;
import org.outpost.sync.testserver.TestPki;
import org.outpost.sync.testserver.TestSummaries;

/**
 * The transport against a real TLS endpoint on loopback (the fault proxy terminating TLS with a certificate
 * from a throw-away CA, in front of the real FHIR server): an unknown CA or a wrong host name is refused with
 * a clear message before anything is sent; a pinned CA is accepted.
 */
@ExtendWith(FhirServerExtension.class)
class TlsTrustTest {
    private static final FhirContext FHIR = FhirContext.forR4();
    @TempDir
    static Path dir;
    private static TestPki pki;
    private static FaultProxy tls;
    private final FhirTestServer server;

    TlsTrustTest(FhirTestServer server) {
        this.server = server;
    }

    @BeforeAll
    static void makeCertificates() throws Exception {
        long t0 = System.nanoTime();
        pki = TestPki.generate(dir);
        System.out.printf("[sync tls] test CA and server certificate made with keytool in %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
    }

    @BeforeEach
    void startTlsProxy() throws Exception {
        server.reset();
        if (tls == null) {
            tls = FaultProxy.startTls(server.port(), pki.serverContext());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (tls != null) {
            tls.close();
        }
    }

    private static SendResult sendVia(String host, ServerTrust trust, Bundle summary) {
        ConnectionSettings settings = new ConnectionSettings(ServerUrl.parse(tls.base(host)), trust,
                Optional.empty(), "clinic-7", Duration.ofSeconds(2), Duration.ofSeconds(5));
        try (FhirSummaryTransport transport = new FhirSummaryTransport(FHIR, settings)) {
            return transport.send(summary);
        }
    }

    @Test
    void aCertificateFromAnUnknownCaIsRefusedAndNothingIsSent() {
        int before = tls.forwarded();

        SendResult result = sendVia("localhost", ServerTrust.systemDefault(),
                TestSummaries.summary(TestSummaries.pseudonym("tls", 1), 1));

        assertThat(result).isInstanceOfSatisfying(SendResult.NotConfirmed.class, n -> {
            assertThat(n.reason()).isEqualTo(SendResult.Reason.CERTIFICATE_NOT_TRUSTED);
            assertThat(n.needsSettingsChange()).isTrue();
            assertThat(n.why()).contains("certificate is not trusted", "certificate authority this computer trusts",
                    "Nothing was sent");
        });
        assertThat(tls.forwarded()).isEqualTo(before);
    }

    @Test
    void aPinnedCaIsTrusted() {
        String p = TestSummaries.pseudonym("tls", 2);
        Bundle summary = TestSummaries.summary(p, 1);

        SendResult result = sendVia("localhost", ServerTrust.pinned(pki.caPem()), summary);

        assertThat(result).isInstanceOf(SendResult.Confirmed.class);
        new ServerInspector(server).assertHoldsExactly(Map.of(p, summary), Map.of(), 0);
    }

    @Test
    void pinningAnotherCaRefusesTheServerEvenIfThatCaIsAPublicRoot() {
        SendResult result = sendVia("localhost", ServerTrust.pinned(pki.publicRootPem()),
                TestSummaries.summary(TestSummaries.pseudonym("tls", 3), 1));

        assertThat(result).isInstanceOfSatisfying(SendResult.NotConfirmed.class, n -> {
            assertThat(n.reason()).isEqualTo(SendResult.Reason.CERTIFICATE_NOT_TRUSTED);
            assertThat(n.why()).contains("not signed by the pinned CA");
        });
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() {
        // the certificate names localhost only; 127.0.0.1 is the same machine but not the certified name
        SendResult result = sendVia("127.0.0.1", ServerTrust.pinned(pki.caPem()),
                TestSummaries.summary(TestSummaries.pseudonym("tls", 4), 1));

        assertThat(result).isInstanceOfSatisfying(SendResult.NotConfirmed.class, n -> {
            assertThat(n.reason()).isEqualTo(SendResult.Reason.CERTIFICATE_NOT_TRUSTED);
            assertThat(n.why()).contains("different name than 127.0.0.1");
        });
    }
}
