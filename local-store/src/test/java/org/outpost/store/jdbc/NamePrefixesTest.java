package org.outpost.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NamePrefixesTest {
    @Test
    void prefixesAreOneToFourLettersOfEveryTokenEachOnce() {
        assertThat(NamePrefixes.of(NameTokens.of("da Silva", "María José"))).containsExactly(
                "d", "da", "da ", "da s", "s", "si", "sil", "silv", "m", "ma", "mar", "mari", "j", "jo", "jos", "jose");
        assertThat(NamePrefixes.of(NameTokens.of("Le", "Ana"))).containsExactly("l", "le", "a", "an", "ana");
    }

    @Test
    void prefixesCountCodePointsSoASurrogatePairIsNeverSplit() {
        String clef = "\uD834\uDD1E"; // one code point, two chars
        assertThat(NamePrefixes.of(new LinkedHashSet<>(List.of("a" + clef + "bcd"))))
                .containsExactly("a", "a" + clef, "a" + clef + "b", "a" + clef + "bc");
        assertThat(NamePrefixes.key("a" + clef + "bcd")).isEqualTo("a" + clef + "bc");
        assertThat(NamePrefixes.isWhole("a" + clef + "bc")).isTrue();
    }

    @Test
    void aWordMatchesWhenItStartsSomeTokenOfTheFoldedNames() {
        assertThat(NamePrefixes.matchesAll(List.of(), "x", "y")).isTrue();
        assertThat(NamePrefixes.matchesAll(List.of("silva", "jose"), "da silva", "maria jose")).isTrue();
        assertThat(NamePrefixes.matchesAll(List.of("da s"), "da silva", "maria jose")).isTrue(); // the whole name
        assertThat(NamePrefixes.matchesAll(List.of("silva", "joao"), "da silva", "maria jose")).isFalse();
        assertThat(NamePrefixes.matchesAll(List.of("ilva"), "da silva", "maria jose")).isFalse();
        assertThat(NamePrefixes.matchesAll(List.of("brien", "o'bri"), "o'brien", "sean")).isTrue();
    }

    @Test
    void theMatchRuleIsTheTokenRuleForAnyCharacters() {
        // letters, marks, digits and other numbers, spaces that split words and ones that do not,
        // punctuation, a supplementary letter and lone surrogates
        String[] alphabet = {"a", "b", "ñ", "\u0301", "1", "\u00B2", "\u216B", "\u02B0", " ", "\t", "\u00A0", "-",
            "'", "\uD835\uDC9C", "\uD835", "\uDC9C", "\u4E2D"};
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            String name = text(random, alphabet, random.nextInt(9));
            String word = random.nextInt(3) == 0 && !name.isEmpty()
                    ? name.substring(random.nextInt(name.length()))
                    : text(random, alphabet, 1 + random.nextInt(3));
            if (word.length() > 1 && random.nextBoolean()) {
                word = word.substring(0, 1 + random.nextInt(word.length() - 1));
            }
            String w = word;
            boolean byTokens = NameTokens.ofFolded(name, "").stream().anyMatch(t -> t.startsWith(w));
            assertThat(NamePrefixes.startsSomeToken(word, name)).as("%s in %s", escaped(word), escaped(name))
                    .isEqualTo(byTokens);
        }
    }

    private static String text(SplittableRandom random, String[] alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return b.toString();
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(ch -> b.append(ch < 0x80 && ch >= 0x20 ? String.valueOf((char) ch) : "\\u%04X".formatted(ch)));
        return b.toString();
    }

    @Test
    void aSearchWordIsLookedUpByItsFirstFourLetters() {
        assertThat(NamePrefixes.key("m")).isEqualTo("m");
        assertThat(NamePrefixes.isWhole("m")).isTrue();
        assertThat(NamePrefixes.key("mari")).isEqualTo("mari");
        assertThat(NamePrefixes.isWhole("mari")).isTrue();
        assertThat(NamePrefixes.key("martinez")).isEqualTo("mart");
        assertThat(NamePrefixes.isWhole("marti")).isFalse();
    }
}
