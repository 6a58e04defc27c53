package org.outpost.app.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Sex;

/** Every message key the code uses has English text, so no user ever sees a raw key. */
class MessagesTest {
    private final Messages messages = new Messages(Locale.ENGLISH);
    private static final Pattern KEY = Pattern.compile("\"((?:measure|password|patient|duplicate)\\.[A-Za-z]+)\"");

    @Test
    void everyKeyInTheSourceHasText() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    Matcher m = KEY.matcher(Files.readString(f));
                    while (m.find()) {
                        assertThat(messages.bundle().containsKey(m.group(1))).as(m.group(1) + " in " + f).isTrue();
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void everyEnumShownToUsersHasText() {
        for (Measure m : Measure.values()) {
            assertThat(messages.text("measure." + m.name())).isNotBlank();
        }
        for (Sex s : Sex.values()) {
            assertThat(messages.text("sex." + s.name())).isNotBlank();
        }
        for (Consent c : Consent.values()) {
            assertThat(messages.text("consent." + c.name())).isNotBlank();
        }
        for (Role r : Role.values()) {
            assertThat(messages.text("role." + r.name())).isNotBlank();
        }
        for (org.outpost.app.domain.Permission p : org.outpost.app.domain.Permission.values()) {
            assertThat(messages.text("permission." + p.name())).as(p.name()).isNotBlank().doesNotContain("_");
        }
    }
}
