package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.port.Store;
import org.outpost.app.usecase.PatientQuery;

/** Search words prefix any word of compound and multi-part names, through the token index, on a real H2 file. */
class NameSearchTest {
    @TempDir
    static Path dir;

    private static Store store;
    private static Patient mariaJoseDaSilva;
    private static Patient mariaPerez;
    private static Patient santosSilva;
    private static Patient santosHyphenSilva;
    private static Patient obrien;
    private static Patient silvana;

    @BeforeAll
    static void createStore() {
        store = new H2Vault(dir.resolve("data"), new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store();
        mariaJoseDaSilva = Fixtures.patient("MW-0001", "da Silva", "María José", LocalDate.of(1980, 5, 1));
        mariaPerez = Fixtures.patient("MW-0002", "Pérez", "María", LocalDate.of(1975, 2, 2));
        santosSilva = Fixtures.patient("MW-0003", "Santos Silva", "João", LocalDate.of(1990, 1, 1));
        santosHyphenSilva = Fixtures.patient("MW-0004", "Santos-Silva", "Ana", LocalDate.of(1991, 1, 1));
        obrien = Fixtures.patient("MW-0005", "O'Brien", "Seán", LocalDate.of(1960, 6, 6));
        silvana = Fixtures.patient("MW-0006", "Costa", "Silvana", LocalDate.of(2000, 12, 31));
        store.write(r -> {
            for (Patient p : List.of(mariaJoseDaSilva, mariaPerez, santosSilva, santosHyphenSilva, obrien, silvana)) {
                r.patients().insert(p);
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<PatientId> search(String text) {
        return store.read(r -> r.patients().search(PatientQuery.parse(text), 50)).stream()
                .map(PatientSummary::id).toList();
    }

    @Test
    void aWordFindsTheSecondPartOfACompoundGivenName() {
        assertThat(search("jose")).containsExactly(mariaJoseDaSilva.id());
        assertThat(search("JOSÉ")).containsExactly(mariaJoseDaSilva.id());
    }

    @Test
    void aWordFindsEveryPartOfAMultiPartFamilyName() {
        // ordered by folded family name: "costa" (given Silvana), "da silva", "santos silva", "santos-silva"
        assertThat(search("silva")).containsExactly(silvana.id(), mariaJoseDaSilva.id(), santosSilva.id(),
                santosHyphenSilva.id());
        assertThat(search("da")).containsExactly(mariaJoseDaSilva.id());
        assertThat(search("santos")).containsExactly(santosSilva.id(), santosHyphenSilva.id());
        assertThat(search("santos-sil")).containsExactly(santosHyphenSilva.id());
    }

    @Test
    void everyWordMustMatchSomePartOfTheName() {
        assertThat(search("maria silva")).containsExactly(mariaJoseDaSilva.id());
        assertThat(search("silva maria")).containsExactly(mariaJoseDaSilva.id());
        assertThat(search("maria")).containsExactly(mariaJoseDaSilva.id(), mariaPerez.id()); // once each
        assertThat(search("maria perez")).containsExactly(mariaPerez.id());
        assertThat(search("maria jose silva")).containsExactly(mariaJoseDaSilva.id());
        assertThat(search("maria nobody")).isEmpty();
    }

    @Test
    void wordsArePrefixesNotSubstrings() {
        assertThat(search("ilva")).isEmpty();
        assertThat(search("ose")).isEmpty();
    }

    @Test
    void punctuationSplitsWordsButCanAlsoBeTyped() {
        assertThat(search("brien")).containsExactly(obrien.id());
        assertThat(search("o'bri")).containsExactly(obrien.id());
        assertThat(search("sean")).containsExactly(obrien.id());
    }

    @Test
    void likeWildcardsInTheQueryAreLiteral() {
        assertThat(search("%")).isEmpty();
        assertThat(search("_")).isEmpty();
        assertThat(search("s%lva")).isEmpty();
        assertThat(search("s_lva")).isEmpty();
        assertThat(search("\\")).isEmpty();
    }

    @Test
    void mrnAndBirthDateStillNarrowANameSearch() {
        assertThat(search("silva mw-0003")).containsExactly(santosSilva.id());
        assertThat(search("silva 01/01/1991")).containsExactly(santosHyphenSilva.id());
        assertThat(search("maria 1975-02-02")).containsExactly(mariaPerez.id());
    }

    @Test
    void anUpdateReplacesTheTokens() {
        Patient before = Fixtures.patient("MW-0100", "Oldfamily", "Firstgiven", LocalDate.of(1970, 1, 1));
        Patient after = new Patient(before.id(), before.mrn(), "Newfamily Compound", "Othergiven", before.sex(),
                before.birthDate(), before.address(), before.phone(), before.consent(), before.allergies());
        store.write(r -> {
            r.patients().insert(before);
            return null;
        });
        assertThat(search("oldfam")).containsExactly(before.id());
        store.write(r -> {
            r.patients().update(after);
            return null;
        });
        assertThat(search("oldfam")).isEmpty();
        assertThat(search("firstgiven")).isEmpty();
        assertThat(search("compound othergiven")).containsExactly(before.id());
    }

    @Test
    void tokensAreCommittedAndRolledBackWithThePatient(@TempDir Path own) throws Exception {
        Path data = own.resolve("data");
        Patient kept = Fixtures.patient("TK-0001", "Kept Family", "Given", LocalDate.of(1970, 1, 1));
        Patient lost = Fixtures.patient("TK-0002", "Lost Family", "Given", LocalDate.of(1970, 1, 1));
        try (Store s = new H2Vault(data, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            s.write(r -> {
                r.patients().insert(kept);
                return null;
            });
            assertThatThrownBy(() -> s.write(r -> {
                r.patients().insert(lost);
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
        }
        try (Connection c = Fixtures.rawConnection(data, Fixtures.ADMIN, Fixtures.pw())) {
            assertThat(tokens(c, kept.id())).containsExactlyInAnyOrder("kept family", "kept", "family", "given");
            assertThat(tokens(c, lost.id())).isEmpty();
        }
    }

    static List<String> tokens(Connection c, PatientId id) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT token FROM patient_name_tokens WHERE patient_id = ?")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
