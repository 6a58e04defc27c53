package org.outpost.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key the desktop code names exists in {@code strings.properties}, and every key there is used:
 * a translation then only needs the properties file.
 */
class StringsBundleTest {
    /** A string literal shaped like one of the desktop's keys ("chart.tab.summary"). */
    private static final Pattern KEY = Pattern.compile(
            "\"((?:app|common|error|login|setup|nav|shell|search|patient|duplicates|chart|record|admin|order|review|medreview|account|models|modelCard)\\.[A-Za-z][A-Za-z.]*[A-Za-z])\"");

    private static Set<String> keysInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        Path sources = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyUsedInCodeIsInTheBundle() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle(UiText.BUNDLE, Locale.ROOT);
        Set<String> code = keysInCode();
        assertThat(code).hasSizeGreaterThan(100);
        assertThat(code).allSatisfy(k -> assertThat(bundle.containsKey(k)).as("strings.properties has " + k).isTrue());
    }

    @Test
    void everyKeyInTheBundleIsUsed() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle(UiText.BUNDLE, Locale.ROOT);
        Set<String> code = keysInCode();
        assertThat(bundle.keySet()).allSatisfy(k -> assertThat(code).as("code uses " + k).contains(k));
    }

    @Test
    void aMissingKeyIsVisibleRatherThanACrash() {
        assertThat(new UiText(Locale.ENGLISH).get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
