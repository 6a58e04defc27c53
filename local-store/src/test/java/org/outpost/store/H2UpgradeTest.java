package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.port.Store;

/**
 * How a clinic's database moves to a new H2 version. The fixture is a database written by Outpost with
 * H2 2.3.232 and schema version 5 (12 patients); the H2 in use must open it in place, Flyway brings the
 * schema up to date, and every row and the audit chain must be intact. Bump {@code h2.version} and run this
 * test: 2.4.240 and 2.5.252 (in use) read 2.3 files in place. When a release changes the file format, it
 * fails, and the upgrade needs an export with the old version (SCRIPT) and an import with the new (RUNSCRIPT),
 * added here before the bump. (2.5.252 falls back silently to an older chunk when the newest were cut off
 * or overwritten; the sign-in check against the audit anchor refuses such a file: CorruptionTest.)
 */
class H2UpgradeTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/h2-2.3.232-schema-5");

    @TempDir
    Path tmp;

    @Test
    void aDatabaseWrittenByH2_2_3_232OpensWithTheCurrentH2WithEveryRow() throws Exception {
        Path dir = tmp.resolve("data");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        try (Store s = TestVaults.fast(dir, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            long patients = s.read(r -> r.patients().count());
            assertThat(patients).isEqualTo(12);
            assertThat(s.read(r -> r.audit().verify()).intact()).isTrue();
        }
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw());
             Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT H2VERSION()")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo(org.h2.engine.Constants.VERSION).isNotEqualTo("2.3.232");
        }
    }
}
