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
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.Sex;
import org.outpost.app.port.Store;
import org.outpost.app.domain.PatientQuery;

/**
 * Search words prefix any word of compound and multi-part names, through the prefix and token indexes, on
 * a real H2 file.
 */
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
    private static Patient sanchezSantana;

    @BeforeAll
    static void createStore() {
        store = TestVaults.fast(dir.resolve("data"), new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store();
        mariaJoseDaSilva = Fixtures.patient("MW-0001", "da Silva", "María José", LocalDate.of(1980, 5, 1));
        mariaPerez = Fixtures.patient("MW-0002", "Pérez", "María", LocalDate.of(1975, 2, 2));
        santosSilva = Fixtures.patient("MW-0003", "Santos Silva", "João", LocalDate.of(1990, 1, 1));
        santosHyphenSilva = Fixtures.patient("MW-0004", "Santos-Silva", "Ana", LocalDate.of(1991, 1, 1));
        obrien = Fixtures.patient("MW-0005", "O'Brien", "Seán", LocalDate.of(1960, 6, 6));
        silvana = Fixtures.patient("MW-0006", "Costa", "Silvana", LocalDate.of(2000, 12, 31));
        sanchezSantana = Fixtures.patient("MW-0007", "Sánchez Santana", "Sandra", LocalDate.of(1985, 3, 3));
        store.write(r -> {
            for (Patient p : List.of(mariaJoseDaSilva, mariaPerez, santosSilva, santosHyphenSilva, obrien, silvana,
                    sanchezSantana)) {
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
    void aPatientMatchingOnSeveralTokensAppearsOnce() {
        // "san": sanchez, santana, sandra (and "sanchez santana"); santos, santos-silva
        assertThat(search("san")).containsExactly(sanchezSantana.id(), santosSilva.id(), santosHyphenSilva.id());
        assertThat(search("sant")).containsExactly(sanchezSantana.id(), santosSilva.id(), santosHyphenSilva.id());
        assertThat(search("san san")).containsExactly(sanchezSantana.id(), santosSilva.id(), santosHyphenSilva.id());
        assertThat(search("mari")).containsExactly(mariaJoseDaSilva.id(), mariaPerez.id());
    }

    @Test
    void aWordLongerThanTheStoredPrefixesMustPrefixAWholeToken() {
        assertThat(search("silvan")).containsExactly(silvana.id());
        assertThat(search("santan")).containsExactly(sanchezSantana.id());
        assertThat(search("santos")).containsExactly(santosSilva.id(), santosHyphenSilva.id());
        assertThat(search("santosx")).isEmpty();
        assertThat(search("silvan costa")).containsExactly(silvana.id());
        assertThat(search("cost silvan")).containsExactly(silvana.id());
        assertThat(search("jose maria")).containsExactly(mariaJoseDaSilva.id());
        assertThat(search("santana sandra")).containsExactly(sanchezSantana.id());
        assertThat(search("santana sandrax")).isEmpty();
    }

    @Test
    void aOneLetterWordFindsEveryPatientWithAWordStartingWithIt() {
        assertThat(search("s")).containsExactly(silvana.id(), mariaJoseDaSilva.id(), obrien.id(),
                sanchezSantana.id(), santosSilva.id(), santosHyphenSilva.id());
        assertThat(search("j")).containsExactly(mariaJoseDaSilva.id(), santosSilva.id());
        assertThat(search("b")).containsExactly(obrien.id());
        assertThat(search("s j")).containsExactly(mariaJoseDaSilva.id(), santosSilva.id());
    }

    @Test
    void theLimitCutsInDisplayOrder() {
        List<PatientId> all = search("s");
        assertThat(store.read(r -> r.patients().search(PatientQuery.parse("s"), 2)).stream().map(PatientSummary::id))
                .containsExactlyElementsOf(all.subList(0, 2));
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
        assertThat(search("old")).containsExactly(before.id());
        store.write(r -> {
            r.patients().update(after);
            return null;
        });
        assertThat(search("oldfam")).isEmpty();
        assertThat(search("old")).isEmpty();
        assertThat(search("firstgiven")).isEmpty();
        assertThat(search("firs")).isEmpty();
        assertThat(search("compound othergiven")).containsExactly(before.id());
        assertThat(search("comp oth")).containsExactly(before.id());
    }

    @Test
    void anUpdateReplacesThePrefixRowsWithTheNewNamesMrnSexAndBirthDate(@TempDir Path own) throws Exception {
        Path data = own.resolve("data");
        Patient before = Fixtures.patient("PX-0001", "Oldfamily", "Ann", LocalDate.of(1970, 1, 1));
        Patient after = new Patient(before.id(), new Mrn("PX-0002"), "Newman", "Ann", Sex.MALE,
                LocalDate.of(1971, 2, 2), before.address(), before.phone(), before.consent(), before.allergies());
        try (Store s = TestVaults.fast(data, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            s.write(r -> {
                r.patients().insert(before);
                return null;
            });
            s.write(r -> {
                r.patients().update(after);
                return null;
            });
            assertThat(found(s, "new", 10)).containsExactly(
                    new PatientSummary(after.id(), after.mrn(), "Newman", "Ann", Sex.MALE, LocalDate.of(1971, 2, 2)));
            assertThat(found(s, "old", 10)).isEmpty();
            assertThat(found(s, "ann px-0001", 10)).isEmpty();
            assertThat(found(s, "ann px-0002", 10)).hasSize(1);
        }
        try (Connection c = Fixtures.rawConnection(data, Fixtures.ADMIN, Fixtures.pw())) {
            assertThat(prefixes(c, before.id())).containsExactlyInAnyOrder("n", "ne", "new", "newm", "a", "an", "ann");
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT family_folded, given_folded, birth_date,"
                    + " family_name, given_name, mrn, sex FROM patient_name_prefixes WHERE patient_id = ?")) {
                ps.setObject(1, before.id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("newman");
                    assertThat(rs.getString(2)).isEqualTo("ann");
                    assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(1971, 2, 2));
                    assertThat(rs.getString(4)).isEqualTo("Newman");
                    assertThat(rs.getString(5)).isEqualTo("Ann");
                    assertThat(rs.getString(6)).isEqualTo("PX-0002");
                    assertThat(rs.getString(7)).isEqualTo("MALE");
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @Test
    void sparseMatchesOfASecondWordAreFoundPastTheFirstPageOfCandidates(@TempDir Path own) {
        List<Patient> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String given = "Given%03d".formatted(i) + (i == 100 || i == 200 || i == 250 ? " Target" : "");
            all.add(Fixtures.patient("ZB-%04d".formatted(i), "Zebulon", given, LocalDate.of(1970, 1, 1)));
        }
        try (Store s = TestVaults.fast(own.resolve("data"), new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw())
                .store()) {
            s.write(r -> {
                all.forEach(r.patients()::insert);
                return null;
            });
            assertThat(found(s, "zeb targ", 2)).extracting(PatientSummary::id)
                    .containsExactly(all.get(100).id(), all.get(200).id());
            assertThat(found(s, "target zebulon", 50))
                    .extracting(PatientSummary::id).containsExactly(all.get(100).id(), all.get(200).id(), all.get(250).id());
            assertThat(found(s, "zebulon", 500)).hasSize(300);
            assertThat(found(s, "targe zebul", 1)).extracting(PatientSummary::id).containsExactly(all.get(100).id());
        }
    }

    @Test
    void tokensAreCommittedAndRolledBackWithThePatient(@TempDir Path own) throws Exception {
        Path data = own.resolve("data");
        Patient kept = Fixtures.patient("TK-0001", "Kept Family", "Given", LocalDate.of(1970, 1, 1));
        Patient lost = Fixtures.patient("TK-0002", "Lost Family", "Given", LocalDate.of(1970, 1, 1));
        try (Store s = TestVaults.fast(data, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
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
            assertThat(prefixes(c, kept.id())).contains("k", "kept", "f", "fami", "g", "give");
            assertThat(prefixes(c, lost.id())).isEmpty();
        }
    }

    private static List<PatientSummary> found(Store s, String text, int limit) {
        return s.read(r -> r.patients().search(PatientQuery.parse(text), limit));
    }

    static List<String> tokens(Connection c, PatientId id) throws Exception {
        return column(c, "SELECT token FROM patient_name_tokens WHERE patient_id = ?", id);
    }

    static List<String> prefixes(Connection c, PatientId id) throws Exception {
        return column(c, "SELECT prefix FROM patient_name_prefixes WHERE patient_id = ?", id);
    }

    private static List<String> column(Connection c, String sql, PatientId id) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
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
