package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientQuery;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.port.Store;
import org.outpost.store.jdbc.NamePrefixes;
import org.outpost.store.jdbc.NameTokens;
import org.outpost.store.jdbc.RowSeal;
import org.outpost.store.jdbc.SealedTable;
import org.outpost.store.keys.RowKey;

/**
 * Names with letters Unicode does not decompose (ł, ø, ß) are found as typed on an English keyboard, on a real
 * encrypted H2 file; a database whose folds and search tables were built by the old rule is rebuilt at unlock.
 */
class NameFoldingTest {
    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock();
    private Path dir;
    private H2Vault vault;
    private final Patient lukasz = Fixtures.patient("NF-0001", "Wi\u015bniewski", "\u0141ukasz", LocalDate.of(1980, 1, 2));
    private final Patient soren = Fixtures.patient("NF-0002", "Kierkeg\u00e5rd", "S\u00f8ren", LocalDate.of(1970, 3, 4));
    private final Patient strasse = Fixtures.patient("NF-0003", "Stra\u00dfer", "Grete", LocalDate.of(1965, 5, 6));

    @BeforeEach
    void createWithPatients() {
        dir = tmp.resolve("data");
        vault = TestVaults.fast(dir, clock);
        try (Store store = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            store.write(r -> {
                for (Patient p : List.of(lukasz, soren, strasse)) {
                    r.patients().insert(p);
                }
                return null;
            });
        }
    }

    @Test
    void namesAreFoundAsTypedOnAnEnglishKeyboard() {
        try (Store store = unlock()) {
            assertFound(store);
        }
    }

    @Test
    void aDatabaseFoldedByTheOldRuleIsRebuiltAtUnlockAndStaysIntact() throws Exception {
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw())) {
            c.setAutoCommit(false);
            for (Patient p : List.of(lukasz, soren, strasse)) {
                foldTheOldWay(c, p);
            }
            c.createStatement().executeUpdate("UPDATE name_folding_state SET version = 1");
            c.commit();
            assertThat(count(c, "SELECT COUNT(*) FROM patient_name_prefixes WHERE prefix IN ('l', 'luka', 'sore')"))
                    .as("as a version before the change left it").isZero();
        }

        try (Store store = unlock()) {
            assertFound(store);
            assertThat(store.verifyIntegrity().intact()).isTrue();
        }
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw())) {
            assertThat(count(c, "SELECT version FROM name_folding_state")).isEqualTo(PatientQuery.FOLDING_VERSION);
            for (Patient p : List.of(lukasz, soren, strasse)) {
                assertThat(NameSearchTest.prefixes(c, p.id())).as("the index agrees with the folding")
                        .containsExactlyInAnyOrderElementsOf(NamePrefixes.of(NameTokens.of(p.familyName(), p.givenName())));
            }
            assertThat(count(c, "SELECT COUNT(*) FROM patients WHERE given_folded = 'lukasz' AND family_folded = 'wisniewski'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aDamagedPatientRowIsNotRefoldedSoItsDamageStaysVisible() throws Exception {
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw())) {
            c.setAutoCommit(false);
            for (Patient p : List.of(lukasz, soren, strasse)) {
                foldTheOldWay(c, p);
            }
            c.createStatement().executeUpdate("UPDATE name_folding_state SET version = 1");
            // a flipped value in Søren's row, its MAC left as it was
            try (PreparedStatement ps = c.prepareStatement("UPDATE patients SET phone = '555-0199' WHERE id = ?")) {
                ps.setObject(1, soren.id().value());
                ps.executeUpdate();
            }
            c.commit();
        }
        try (Store store = unlock()) {
            assertThat(search(store, "lukasz")).containsExactly(lukasz.id());
            assertThat(store.verifyIntegrity().intact()).as("the damaged row is still reported").isFalse();
        }
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw())) {
            assertThat(count(c, "SELECT COUNT(*) FROM patients WHERE given_folded = 's\u00f8ren'"))
                    .as("left as it was, not resealed").isEqualTo(1);
        }
    }

    private void assertFound(Store store) {
        assertThat(search(store, "lukasz")).containsExactly(lukasz.id());
        assertThat(search(store, "\u0141ukasz")).containsExactly(lukasz.id());
        assertThat(search(store, "soren")).containsExactly(soren.id());
        assertThat(search(store, "kierkegard soren")).containsExactly(soren.id());
        assertThat(search(store, "strasser")).containsExactly(strasse.id());
        assertThat(search(store, "strass")).containsExactly(strasse.id());
    }

    private static List<PatientId> search(Store store, String text) {
        return store.read(r -> r.patients().search(PatientQuery.parse(text), 50)).stream()
                .map(PatientSummary::id).toList();
    }

    /** What the rule before FOLDING_VERSION 2 stored: accents stripped, lower case, ł/ø/ß left as they are. */
    private static String oldFold(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static void foldTheOldWay(Connection c, Patient p) throws Exception {
        String family = oldFold(p.familyName());
        String given = oldFold(p.givenName());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE patients SET family_folded = ?, given_folded = ? WHERE id = ?")) {
            ps.setString(1, family);
            ps.setString(2, given);
            ps.setObject(3, p.id().value());
            ps.executeUpdate();
        }
        try (RowKey key = RowKey.of(c)) {
            RowSeal.under(key).reseal(c, SealedTable.PATIENTS, "id = ?", p.id().value());
        }
        for (String table : List.of("patient_name_tokens", "patient_name_prefixes")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE patient_id = ?")) {
                ps.setObject(1, p.id().value());
                ps.executeUpdate();
            }
        }
        var tokens = NameTokens.ofFolded(family, given);
        try (PreparedStatement ps = c.prepareStatement(NameTokens.INSERT)) {
            for (String token : tokens) {
                ps.setObject(1, p.id().value());
                ps.setString(2, token);
                ps.setString(3, family);
                ps.setString(4, given);
                ps.setObject(5, p.birthDate());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(NamePrefixes.INSERT)) {
            for (String prefix : NamePrefixes.of(tokens)) {
                ps.setObject(1, p.id().value());
                ps.setString(2, prefix);
                ps.setString(3, family);
                ps.setString(4, given);
                ps.setObject(5, p.birthDate());
                ps.setString(6, p.familyName());
                ps.setString(7, p.givenName());
                ps.setString(8, p.mrn().value());
                ps.setString(9, p.sex().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Store unlock() {
        try {
            return vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        } catch (org.outpost.app.port.WrongCredentialsException e) {
            throw new AssertionError(e);
        }
    }
}
