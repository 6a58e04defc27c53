package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.Store;

/**
 * Issue 16 (found by the upgrade test): a database that a newer Outpost has migrated is refused by an older one with
 * a message that says so — Flyway on its own ignores "future" migrations, so an older version would have opened the
 * newer schema and written to it as if it knew it.
 */
class NewerSchemaTest {
    @TempDir
    Path tmp;

    @Test
    void anOlderVersionRefusesADatabaseANewerOneMigrated() throws Exception {
        Path dir = tmp.resolve("data");
        H2Vault vault = TestVaults.fast(dir, new TestClock());
        vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store().close();
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw());
             Statement s = c.createStatement()) {
            // what a newer release's migration leaves behind: a schema version this build has no script for
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (9999, '9999', 'from a newer release', 'SQL', 'V9999__from_a_newer_release.sql', 0, "
                    + "'OUTPOST', 1, TRUE)");
        }
        assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer version of Outpost")
                .hasMessageContaining("9999");

        // nothing was lost: without the newer release's row it opens as before
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw());
             Statement s = c.createStatement()) {
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '9999'");
        }
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            assertThat(store.read(r -> r.audit().verify()).intact()).isTrue();
        }
    }
}
