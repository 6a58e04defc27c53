package org.outpost.sync.transport;

import org.outpost.app.sharing.ServerUrl;
import org.outpost.app.sharing.BearerToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a connection is made of, checked before anything is sent: the token hidden, a pinned CA that must be one, a
 * site id usable as a FHIR id. (The address policy, https except to this machine, is {@code ServerUrl}'s and is
 * tested with it in {@code app}.)
 */
class ConnectionSettingsTest {

    @Test
    void theTokenNeverShowsInToStringOrInTheSettings() {
        BearerToken token = BearerToken.of("very-secret-value");
        ConnectionSettings settings = ConnectionSettings.of(ServerUrl.parse("https://research.example.org/fhir"),
                ServerTrust.systemDefault(), Optional.of(token), "clinic-7");

        assertThat(token.toString()).doesNotContain("very-secret-value");
        assertThat(settings.toString()).doesNotContain("very-secret-value");
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aTokenWithALineBreakIsRefused() {
        assertThatThrownBy(() -> BearerToken.of("abc\r\nX-Evil: 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("abc");
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
        ServerUrl a = ServerUrl.parse("https://research.example.org/fhir");

        assertThatThrownBy(() -> ConnectionSettings.of(a, ServerTrust.systemDefault(), Optional.empty(), "clinic 7"))
                .isInstanceOf(SyncSetupException.class);
    }
}
