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
import org.outpost.store.jdbc.Tx;
import org.outpost.store.keys.DataKey;

/** A database made by a version with only V1 gets its name tokens backfilled when it is migrated. */
class NameTokenMigrationTest {
    @TempDir
    Path dir;

    @Test
    void migratingAVersion1DatabaseBackfillsTheNameTokensOfExistingPatients() throws Exception {
        try (DataKey key = DataKey.generate(new SecureRandom());
             Connection c = H2Database.connect(dir, key, false)) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(H2Database.url(dir, true));
            ds.setUser(H2Database.USER);
            ds.setPasswordChars(key.h2Password());
            var v1 = Flyway.configure(H2Database.class.getClassLoader()).dataSource(ds)
                    .locations("classpath:db/migration").target("1").load().migrate();
            assertThat(v1.targetSchemaVersion).isEqualTo("1");

            UUID maria = UUID.randomUUID();
            UUID perez = UUID.randomUUID();
            insertV1Patient(c, maria, "V1-0001", "da Silva", "María José");
            insertV1Patient(c, perez, "V1-0002", "Pérez", "María");
            // more than one backfill page, so paging by id is exercised
            for (int i = 0; i < 2_345; i++) {
                insertV1Patient(c, UUID.randomUUID(), "V1-B%05d".formatted(i), "Bulk Family", "Given" + i);
            }

            var rest = H2Database.migrate(dir, key);
            assertThat(rest.migrations).extracting(m -> m.version).startsWith("2"); // later versions follow (V3 decisions)

            assertThat(NameSearchTest.tokens(c, new PatientId(maria)))
                    .containsExactlyInAnyOrder("da silva", "da", "silva", "maria jose", "maria", "jose");
            assertThat(NameSearchTest.tokens(c, new PatientId(perez))).containsExactlyInAnyOrder("perez", "maria");
            try (var rs = c.createStatement().executeQuery(
                    "SELECT COUNT(DISTINCT patient_id), COUNT(*) FROM patient_name_tokens")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2 + 2_345);
                assertThat(rs.getLong(2)).isEqualTo(6 + 2 + 2_345L * 4);
            }

            c.setAutoCommit(false);
            Tx tx = new Tx(c, Clock.systemUTC(), false);
            List<UUID> found = new JdbcRepositories(tx).patients().search(PatientQuery.parse("jose silva"), 10)
                    .stream().map(PatientSummary::id).map(PatientId::value).toList();
            assertThat(found).containsExactly(maria);
            List<UUID> marias = new JdbcRepositories(tx).patients().search(PatientQuery.parse("maria"), 10)
                    .stream().map(PatientSummary::id).map(PatientId::value).toList();
            assertThat(marias).containsExactly(maria, perez);
            tx.end();
            c.rollback();
        }
    }

    /** A patient row as version 1 of the application wrote it (folded copies, no tokens). */
    private static void insertV1Patient(Connection c, UUID id, String mrn, String family, String given)
            throws Exception {
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
            ps.setObject(7, LocalDate.of(1980, 1, 1));
            ps.setObject(8, now);
            ps.setObject(9, now);
            ps.executeUpdate();
        }
    }
}
