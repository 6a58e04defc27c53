package org.outpost.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.outpost.app.text.ClinicalText;
import org.outpost.app.text.Text;

/**
 * Every key the desktop code names exists in {@code strings.properties}, and every key there is used:
 * a translation then only needs the properties file.
 */
class StringsBundleTest {
    /** A string literal shaped like one of the desktop's keys ("chart.tab.summary"). */
    private static final Pattern KEY = Pattern.compile(
            "\"((?:app|common|error|login|setup|nav|shell|search|patient|duplicates|chart|record|admin|order|review|medreview|account|models|modelCard)\\.[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9])\"");

    private static Set<String> keysInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        // a key whose first word is in the bundle but not in KEY's list ("sync.…" added later) is found too
        Set<String> firstWords = new TreeSet<>();
        ResourceBundle.getBundle(UiText.BUNDLE, Locale.ROOT).keySet().forEach(k -> firstWords.add(k.substring(0, k.indexOf('.'))));
        Pattern bundleKey = Pattern.compile("\"((?:" + String.join("|", firstWords) + ")\\.[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9])\"");
        Path sources = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                for (Pattern p : java.util.List.of(KEY, bundleKey)) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
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

    /**
     * {@link UiText#get} runs a pattern through {@link java.text.MessageFormat} when it is given arguments, and
     * there an apostrophe starts a quoted section: "this patient's plan?" came out as "this patients plan?". So a
     * pattern with a placeholder writes every apostrophe doubled, and every placeholder is filled; a pattern
     * without one is shown as it is, so it writes a single one.
     */
    @Test
    void apostrophesAreQuotedTheWayEachPatternIsShown() {
        UiText text = new UiText(Locale.ENGLISH);
        checkQuoting(ResourceBundle.getBundle(UiText.BUNDLE, Locale.ROOT), text::get);
    }

    /**
     * The app's domain messages ({@code messages.properties}, through {@link UiText#domain}) follow the same rule:
     * {@link org.outpost.app.validation.Messages} formats a pattern only when it has arguments.
     */
    @Test
    void theAppsMessagesQuoteApostrophesTheSameWay() {
        UiText text = new UiText(Locale.ENGLISH);
        checkQuoting(text.messages().bundle(), text::domain);
    }

    /**
     * The app's clinical texts ({@code clinical.properties}, through {@link UiText#clinical}) too:
     * {@link ClinicalText} formats a pattern only when it has arguments. Its {@code format.*} keys are date-time
     * patterns, where an apostrophe quotes literal text, so they are not MessageFormat patterns and are left out.
     */
    @Test
    void theAppsClinicalTextsQuoteApostrophesTheSameWay() {
        UiText text = new UiText(Locale.ENGLISH);
        ResourceBundle clinical = ResourceBundle.getBundle(ClinicalText.BUNDLE, Locale.ROOT);
        assertThat(clinical.keySet()).hasSizeGreaterThan(150);
        checkQuoting(clinical, (key, args) -> key.startsWith("format.") ? clinical.getString(key)
                : text.clinical(Text.of(key, args)));
        assertThat(text.clinical(Text.of("input.score2.riskRegion"))).contains("the person's country");
    }

    @Test
    void theOverrideHeaderKeepsItsApostrophe() {
        // strings.properties writes it "this patient''s plan?": shown through MessageFormat with the model's title
        assertThat(new UiText(Locale.ENGLISH).get("chart.risk.overrideHeader", "QRISK3"))
                .isEqualTo("Why does QRISK3 not apply to this patient's plan?");
    }

    private static void checkQuoting(ResourceBundle bundle, BiFunction<String, Object[], String> shown) {
        Pattern placeholder = Pattern.compile("\\{(\\d+)");
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        assertThat(bundle.keySet()).allSatisfy(key -> {
            String pattern = bundle.getString(key);
            if (key.startsWith("format.")) {
                return;
            }
            Matcher m = placeholder.matcher(pattern);
            int arguments = 0;
            while (m.find()) {
                arguments = Math.max(arguments, Integer.parseInt(m.group(1)) + 1);
            }
            if (arguments == 0) {
                assertThat(pattern).as(key + " is shown as it is: a single apostrophe").doesNotContain("''");
                assertThat(shown.apply(key, new Object[0])).as(key + " shown as written").isEqualTo(pattern);
                return;
            }
            assertThat(lone.matcher(pattern).find()).as(key + " has a lone apostrophe (write '')").isFalse();
            Object[] args = new Object[arguments];
            java.util.Arrays.fill(args, 2);
            String text = shown.apply(key, args);
            assertThat(text).as(key + ": every placeholder filled").doesNotContain("{").doesNotContain("}");
            assertThat(text.chars().filter(c -> c == '\'').count()).as(key + ": every apostrophe shown")
                    .isEqualTo(pattern.split("''", -1).length - 1);
        });
    }

    @Test
    void noTextHedgesAPluralWithS() {
        ResourceBundle bundle = ResourceBundle.getBundle(UiText.BUNDLE, Locale.ROOT);
        assertThat(bundle.keySet()).allSatisfy(key -> assertThat(bundle.getString(key)).as(key).doesNotContain("(s)"));
    }

    @Test
    void countsTakeTheRightPlural() {
        UiText text = new UiText(Locale.ENGLISH);
        assertThat(text.get("order.alerts", 1)).isEqualTo("Checked: 1 alert, which needs no answer.");
        assertThat(text.get("order.alerts", 3)).isEqualTo("Checked: 3 alerts, none needs an answer.");
        assertThat(text.get("order.alertsNeedReason", 1, 1L))
                .isEqualTo("Checked: 1 alert; 1 needs a reason to go ahead, or change the order.");
        assertThat(text.get("order.alertsNeedReason", 4, 2L))
                .isEqualTo("Checked: 4 alerts; 2 need a reason to go ahead, or change the order.");
        assertThat(text.get("medreview.clear", 1)).startsWith("1 medicine reviewed against");
        assertThat(text.get("medreview.clear", 12)).startsWith("12 medicines reviewed against");
        assertThat(text.get("medreview.attention", 1, 3)).isEqualTo("1 of 3 medicines needs attention: see the alerts below.");
        assertThat(text.get("medreview.attention", 2, 3)).isEqualTo("2 of 3 medicines need attention: see the alerts below.");
        assertThat(text.get("medreview.attention", 1, 1)).isEqualTo("1 of 1 medicine needs attention: see the alerts below.");
    }

    @Test
    void aMissingKeyIsVisibleRatherThanACrash() {
        assertThat(new UiText(Locale.ENGLISH).get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
