package org.outpost.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connection policy: plain http only to this computer, with a refusal that says what to do. */
class ServerAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/fhir", "http://localhost/fhir/", "http://[::1]:9000/fhir",
        "http://127.5.6.7/fhir", "HTTP://LOCALHOST:80/fhir"})
    void plainHttpIsAllowedToThisComputer(String url) {
        ServerAddress a = ServerAddress.parse(url);

        assertThat(a.isLoopback()).isTrue();
        assertThat(a.base().toString()).doesNotEndWith("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://research.example.org/fhir", "http://10.0.0.5/fhir", "http://192.168.1.20:8080/fhir",
        "http://localhost.example.org/fhir", "http://[2001:db8::1]/fhir", "http://127.0.0.1.nip.io/fhir"})
    void plainHttpToAnotherComputerIsRefusedWithTheReason(String url) {
        assertThatThrownBy(() -> ServerAddress.parse(url))
                .isInstanceOf(SyncSetupException.class)
                .hasMessageContaining("Refusing to send summaries")
                .hasMessageContaining("must use https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://research.example.org/fhir", "https://10.0.0.5:8443/fhir", "https://localhost/fhir"})
    void httpsIsAllowedAnywhere(String url) {
        assertThat(ServerAddress.parse(url).isHttps()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "research.example.org/fhir", "ftp://research.example.org/fhir", "https://",
        "https://user:pw@research.example.org/fhir", "https://research.example.org/fhir?token=abc", "not a url"})
    void malformedAddressesAreRefused(String url) {
        assertThatThrownBy(() -> ServerAddress.parse(url)).isInstanceOf(SyncSetupException.class);
    }

    @Test
    void theRecordConstructorAppliesTheSamePolicy() {
        assertThatThrownBy(() -> new ServerAddress(java.net.URI.create("http://research.example.org/fhir")))
                .isInstanceOf(SyncSetupException.class).hasMessageContaining("must use https://");
    }

    @Test
    void theTokenNeverShowsInToStringOrInTheSettings() {
        BearerToken token = BearerToken.of("very-secret-value");
        ConnectionSettings settings = ConnectionSettings.of(ServerAddress.parse("https://research.example.org/fhir"),
                ServerTrust.systemDefault(), Optional.of(token), "clinic-7");

        assertThat(token.toString()).doesNotContain("very-secret-value");
        assertThat(settings.toString()).doesNotContain("very-secret-value");
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aTokenWithALineBreakIsRefused() {
        assertThatThrownBy(() -> BearerToken.of("abc\r\nX-Evil: 1")).isInstanceOf(SyncSetupException.class);
    }

    @Test
    void aPinnedCaFileThatIsNotPemIsRefusedClearly(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("ca.pem"), "this is not a certificate");

        assertThatThrownBy(() -> ServerTrust.pinned(junk)).isInstanceOf(SyncSetupException.class)
                .hasMessageContaining("ca.pem");
        assertThatThrownBy(() -> ServerTrust.pinned(dir.resolve("missing.pem"))).isInstanceOf(SyncSetupException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void siteIdsMustBeUsableAsFhirIds() {
        ServerAddress a = ServerAddress.parse("https://research.example.org/fhir");

        assertThatThrownBy(() -> ConnectionSettings.of(a, ServerTrust.systemDefault(), Optional.empty(), "clinic 7"))
                .isInstanceOf(SyncSetupException.class);
    }
}
