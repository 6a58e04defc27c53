package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.port.Store;

/**
 * H2 re-creates the database file when it compacts it by rewriting ({@code SHUTDOWN COMPACT}), with the
 * process's default permissions; the store makes it owner-only again whenever it opens or closes it.
 */
class FilePermissionsTest {
    @TempDir
    Path dir;

    @Test
    void aFileRewrittenByCompactionIsOwnerOnlyAgainOnceTheStoreOpensOrClosesIt() throws Exception {
        assumeTrue(SecureFilesSupport.posix(dir));
        Path data = dir.resolve("data");
        Path db = data.resolve(DataDirectory.DB_FILE);
        H2Vault vault = TestVaults.fast(data, new TestClock());
        try (Store store = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            store.write(r -> {
                r.patients().insert(Fixtures.patient("FP-0001", "Pérez", "Ana", LocalDate.of(1970, 1, 1)));
                return null;
            });
        }
        try (Connection c = Fixtures.rawConnection(data, Fixtures.ADMIN, Fixtures.pw());
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        // what a rewrite under a umask of 022 leaves
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

        Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        store.close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
    }
}
