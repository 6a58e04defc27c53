package org.outpost.app.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The sync server's address: https, or plain http to this machine only, never with credentials in it. */
class ServerUrlTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://sync.example.org/fhir", "https://sync.example.org:8443", "HTTPS://Sync.Example.org/",
        "http://localhost:8080/fhir", "http://127.0.0.1/fhir", "http://[::1]:9000/", "http://LOCALHOST",
        "  https://sync.example.org/fhir\n"})
    void httpsAnywhereAndHttpOnlyToThisMachine(String text) {
        ServerUrl url = ServerUrl.parse(text);
        assertThat(url.toString()).isEqualTo(text.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://sync.example.org/fhir          | must start with https://
            http://127.0.0.2/                     | must start with https://
            http://localhost.example.org/         | must start with https://
            http://10.0.0.5:8080/                 | must start with https://
            ftp://sync.example.org/               | must start with https://
            https://user:pw@sync.example.org/fhir | must not contain a user name or password
            https://sync.example.org/fhir?x=1     | must not have a query
            https://sync.example.org/fhir#top     | must not have a query
            sync.example.org/fhir                 | a full URL with a host
            https:///fhir                         | a full URL with a host
            https://exa mple.org                  | not a valid URL
            """)
    void anythingElseIsRefusedWithAMessageSayingWhy(String text, String why) {
        assertThatThrownBy(() -> ServerUrl.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyAddressIsRefused(String text) {
        assertThatThrownBy(() -> ServerUrl.parse(text)).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://sync.example.org/fhir/  | https://sync.example.org/fhir  | true  | sync.example.org
            http://127.0.0.1:8080/fhir//    | http://127.0.0.1:8080/fhir     | false | 127.0.0.1
            HTTPS://Sync.Example.org        | HTTPS://Sync.Example.org       | true  | Sync.Example.org
            """)
    void theBaseHasNoTrailingSlashAndTheSchemeIsKnown(String text, String base, boolean https, String host) {
        ServerUrl url = ServerUrl.parse(text);
        assertThat(url.base()).hasToString(base);
        assertThat(url.isHttps()).isEqualTo(https);
        assertThat(url.host()).isEqualTo(host);
    }

    @org.junit.jupiter.api.Test
    void loopbackIsKnown() {
        assertThat(ServerUrl.parse("http://127.0.0.1:1/").isLoopback()).isTrue();
        assertThat(ServerUrl.parse("https://sync.example.org/").isLoopback()).isFalse();
    }
}
