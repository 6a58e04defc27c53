package org.outpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppOptionsTest {
    @Test
    void defaultsToTenMinutesTheSystemLanguageAndNoExplicitDirectory() {
        AppOptions o = AppOptions.parse(Map.of(), Locale.GERMAN);
        assertThat(o.idleLock()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.locale()).isEqualTo(Locale.GERMAN);
        assertThat(o.dataDirectory()).isEmpty();
    }

    @Test
    void readsDataDirIdleMinutesAndLanguage() {
        AppOptions o = AppOptions.parse(Map.of("data-dir", "/srv/outpost", "idle-lock-minutes", "2.5", "lang", "fr"),
                Locale.ENGLISH);
        assertThat(o.dataDirectory()).isEqualTo(Optional.of(Path.of("/srv/outpost")));
        assertThat(o.idleLock()).isEqualTo(Duration.ofSeconds(150));
        assertThat(o.locale()).isEqualTo(Locale.FRENCH);
    }

    @Test
    void anUnreadableOrNonPositiveIdleSettingKeepsTheLock() {
        assertThat(AppOptions.parse(Map.of("idle-lock-minutes", "never"), Locale.ENGLISH).idleLock())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(AppOptions.parse(Map.of("idle-lock-minutes", "0"), Locale.ENGLISH).idleLock())
                .isEqualTo(Duration.ofMinutes(10));
    }
}
