package org.outpost.app.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bearer token: RFC 6750 token characters, never shown. */
class BearerTokenTest {
    @Test
    void aTokenReadFromAFileLosesItsNewlineAndIsNeverPrinted() {
        BearerToken token = BearerToken.of("abc.DEF-123_~+/xyz==\n");
        assertThat(token.value()).isEqualTo("abc.DEF-123_~+/xyz==");
        assertThat(token.toString()).isEqualTo("BearerToken[set]");
        assertThat(token).isEqualTo(BearerToken.of("abc.DEF-123_~+/xyz=="));
        assertThat(new SyncSettings(java.util.Optional.empty(), java.util.Optional.of(token), 5, false,
                java.util.Optional.empty()).toString()).doesNotContain("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "two words", "line1\nline2", "quote\"d", "=leading", "naïve"})
    void aNonTokenIsRefusedWithoutQuotingIt(String text) {
        assertThatThrownBy(() -> BearerToken.of(text)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    if (!text.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(text.strip());
                    }
                });
    }

    @Test
    void anOverlongTokenIsRefused() {
        assertThatThrownBy(() -> BearerToken.of("a".repeat(BearerToken.MAX_LENGTH + 1)))
                .hasMessageContaining("longer than");
    }

    @Test
    void kIsTwoToFifty() {
        assertThat(SyncSettings.requireK(2)).isEqualTo(2);
        assertThat(SyncSettings.requireK(50)).isEqualTo(50);
        assertThatThrownBy(() -> SyncSettings.requireK(1)).hasMessageContaining("2 to 50");
        assertThatThrownBy(() -> SyncSettings.requireK(51)).hasMessageContaining("2 to 50");
    }
}
