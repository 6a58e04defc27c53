package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.port.Store;

/**
 * Issue 17: signing in skips Flyway when the schema is exactly the newest this build ships. The shortcut must never
 * hide a migration that is due (an older schema, a failed migration) nor a newer schema (refused, see
 * {@link NewerSchemaTest}).
 */
class SchemaFastPathTest {
    @TempDir
    Path tmp;

    @Test
    void theLatestMigrationConstantIsTheNewestMigrationFlywayFinds() {
        MigrationInfo[] all = Flyway.configure(H2Database.class.getClassLoader())
                .locations("classpath:db/migration").dataSource("jdbc:h2:mem:fast-path-scan", "sa", "")
                .load().info().all();
        String newest = all[all.length - 1].getVersion().getVersion();
        assertThat(H2Database.LATEST_MIGRATION)
                .as("bump H2Database.LATEST_MIGRATION with every new migration").isEqualTo(newest);
    }

    @Test
    void aCurrentDatabaseIsRecognisedAndAnOlderOrFailedOneIsNot() throws Exception {
        Path dir = tmp.resolve("data");
        H2Vault vault = TestVaults.fast(dir, new TestClock());
        vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store().close();
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw());
             Statement s = c.createStatement()) {
            assertThat(H2Database.isCurrent(c)).isTrue();

            // a failed migration recorded after the newest: Flyway must see it (it refuses to go on)
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (9998, '" + H2Database.LATEST_MIGRATION + ".1', 'failed', 'SQL', 'V_failed.sql', 0, "
                    + "'OUTPOST', 1, FALSE)");
            assertThat(H2Database.isCurrent(c)).isFalse();
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = 9998");
            assertThat(H2Database.isCurrent(c)).isTrue();

            // an older schema (the newest row gone): the full path runs, and migrates
            s.execute("UPDATE \"flyway_schema_history\" SET \"version\" = 'x' WHERE \"version\" = '"
                    + H2Database.LATEST_MIGRATION + "'");
            assertThat(H2Database.isCurrent(c)).isFalse();
            s.execute("UPDATE \"flyway_schema_history\" SET \"version\" = '" + H2Database.LATEST_MIGRATION
                    + "' WHERE \"version\" = 'x'");
        }
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:mem:fast-path-empty", new java.util.Properties())) {
            assertThat(H2Database.isCurrent(c)).as("a database Flyway never saw").isFalse();
        }
    }

    @Test
    void aCurrentDatabaseOpensWithoutFlywayAndANewerOneIsStillRefused() throws Exception {
        Path dir = tmp.resolve("data");
        H2Vault vault = TestVaults.fast(dir, new TestClock());
        vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store().close();
        int rowsBefore = historyRows(dir);
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            assertThat(store.read(r -> r.audit().verify()).intact()).isTrue();
        }
        assertThat(historyRows(dir)).as("Flyway ran nothing on a current schema").isEqualTo(rowsBefore);

        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (9999, '9999', 'from a newer release', 'SQL', 'V9999__newer.sql', 0, 'OUTPOST', 1, TRUE)");
            assertThat(H2Database.isCurrent(c)).isFalse();
        }
        assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.pw()))
                .hasMessageContaining("newer version of Outpost");
    }

    private static int historyRows(Path dir) throws Exception {
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
