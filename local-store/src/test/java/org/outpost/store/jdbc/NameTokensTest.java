package org.outpost.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.PatientQuery;

class NameTokensTest {
    @Test
    void tokensAreTheWholeFoldedNamesTheirWordsAndTheirLetterRuns() {
        assertThat(NameTokens.of("  da Silva ", "María José"))
                .containsExactly("da silva", "da", "silva", "maria jose", "maria", "jose");
        assertThat(NameTokens.of("Santos-Silva", "Ana")).containsExactly("santos-silva", "santos", "silva", "ana");
        assertThat(NameTokens.of("O'Brien Smith-Jones", "Zoë"))
                .containsExactly("o'brien smith-jones", "o'brien", "smith-jones", "o", "brien", "smith", "jones", "zoe");
    }

    @Test
    void tokensAreFoldedExactlyAsSearchTextIs() {
        for (String name : List.of("ÉMILE", "Ñúñez", "Łukasz", "Çelik", "İnce")) {
            assertThat(NameTokens.of(name, "x")).contains(PatientQuery.fold(name));
        }
    }

    @Test
    void emptyNamesGiveNoTokens() {
        assertThat(NameTokens.of("", " ")).isEmpty();
        assertThat(NameTokens.of("-", "Al")).containsExactly("-", "al");
    }

    @Test
    void redundantSearchWordsAreDroppedAndTheLongestComesFirst() {
        assertThat(JdbcPatientRepository.namePrefixes(PatientQuery.parse("mar maria silva MARIA")))
                .containsExactly("maria", "silva");
        assertThat(JdbcPatientRepository.namePrefixes(new PatientQuery(List.of("", "jo"), Optional.empty(),
                Optional.empty()))).containsExactly("jo");
    }
}
