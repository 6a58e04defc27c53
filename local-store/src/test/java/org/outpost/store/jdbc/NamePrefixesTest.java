package org.outpost.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
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
    void aSearchWordIsLookedUpByItsFirstFourLetters() {
        assertThat(NamePrefixes.key("m")).isEqualTo("m");
        assertThat(NamePrefixes.isWhole("m")).isTrue();
        assertThat(NamePrefixes.key("mari")).isEqualTo("mari");
        assertThat(NamePrefixes.isWhole("mari")).isTrue();
        assertThat(NamePrefixes.key("martinez")).isEqualTo("mart");
        assertThat(NamePrefixes.isWhole("marti")).isFalse();
    }
}
