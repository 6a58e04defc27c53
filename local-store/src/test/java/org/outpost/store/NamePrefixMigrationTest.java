package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.PatientQuery;
import org.outpost.store.jdbc.JdbcRepositories;
import org.outpost.store.jdbc.NameTokens;
import org.outpost.store.jdbc.Tx;
import org.outpost.store.keys.DataKey;

/** A database made by a version with schema V4 (tokens, no prefixes) gets its prefixes backfilled by V5. */
class NamePrefixMigrationTest {
    @TempDir
    Path dir;

    @Test
    void migratingAVersion4DatabaseBackfillsTheNamePrefixesOfExistingPatients() throws Exception {
        try (DataKey key = DataKey.generate(new SecureRandom());
             Connection c = H2Database.connect(dir, key, false)) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(H2Database.url(dir, true));
            ds.setUser(H2Database.USER);
            ds.setPasswordChars(key.h2Password());
            var v4 = Flyway.configure(H2Database.class.getClassLoader()).dataSource(ds)
                    .locations("classpath:db/migration").target("4").load().migrate();
            assertThat(v4.targetSchemaVersion).isEqualTo("4");

            UUID maria = UUID.randomUUID();
            UUID perez = UUID.randomUUID();
            UUID santana = UUID.randomUUID();
            insertV4Patient(c, maria, "V4-0001", "da Silva", "María José");
            insertV4Patient(c, perez, "V4-0002", "Pérez", "María");
            insertV4Patient(c, santana, "V4-0003", "Sánchez Santana", "Sandra");
            // more than one backfill page, so paging by id is exercised
            for (int i = 0; i < 2_345; i++) {
                insertV4Patient(c, UUID.randomUUID(), "V4-B%05d".formatted(i), "Bulk", "Given");
            }

            var rest = H2Database.migrate(dir, key);
            assertThat(rest.migrations).extracting(m -> m.version).startsWith("5");

            assertThat(NameSearchTest.prefixes(c, new PatientId(maria))).containsExactlyInAnyOrder(
                    "d", "da", "da ", "da s", "s", "si", "sil", "silv", "m", "ma", "mar", "mari", "j", "jo", "jos", "jose");
            assertThat(NameSearchTest.prefixes(c, new PatientId(perez)))
                    .containsExactlyInAnyOrder("p", "pe", "per", "pere", "m", "ma", "mar", "mari");
            try (var rs = c.createStatement().executeQuery(
                    "SELECT COUNT(DISTINCT patient_id), COUNT(*) FROM patient_name_prefixes")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3 + 2_345);
                // sanchez santana: s, sa, san, sanc, sant, sand; bulk given: b, bu, bul, bulk, g, gi, giv, give
                assertThat(rs.getLong(2)).isEqualTo(16 + 8 + 6 + 2_345L * 8);
            }

            c.setAutoCommit(false);
            Tx tx = new Tx(c, Clock.systemUTC(), false);
            assertThat(search(tx, "jose silva")).containsExactly(maria);
            assertThat(search(tx, "mari")).containsExactly(maria, perez);
            assertThat(search(tx, "san")).containsExactly(santana); // sanchez, santana, sandra: once
            assertThat(search(tx, "santana")).containsExactly(santana);
            assertThat(search(tx, "bulk")).hasSize(10);
            tx.end();
            c.rollback();
        }
    }

    private static List<UUID> search(Tx tx, String text) {
        return new JdbcRepositories(tx).patients().search(PatientQuery.parse(text), 10).stream()
                .map(PatientSummary::id).map(PatientId::value).toList();
    }

    /** A patient row and its name tokens as version 4 of the application wrote them (no prefixes). */
    private static void insertV4Patient(Connection c, UUID id, String mrn, String family, String given)
            throws Exception {
        LocalDate born = LocalDate.of(1980, 1, 1);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO patients (id, mrn, family_name, given_name, family_folded, given_folded, sex, birth_date,
                                      consent, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'FEMALE', ?, 'GIVEN', ?, ?)""")) {
            OffsetDateTime now = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            ps.setObject(1, id);
            ps.setString(2, mrn);
            ps.setString(3, family);
            ps.setString(4, given);
            ps.setString(5, PatientQuery.fold(family));
            ps.setString(6, PatientQuery.fold(given));
            ps.setObject(7, born);
            ps.setObject(8, now);
            ps.setObject(9, now);
            ps.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(NameTokens.INSERT)) {
            NameTokens.addRows(insert, id, family, given, born);
            insert.executeBatch();
        }
    }
}
