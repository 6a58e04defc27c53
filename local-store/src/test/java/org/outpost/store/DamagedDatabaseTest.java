package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outpost.app.port.DatabaseDamagedException;
import org.outpost.app.port.Store;
import org.outpost.app.port.WrongCredentialsException;

/**
 * Issue 10, item 2: a damaged database is never replaced and never called a wrong password. A truncated
 * {@code outpost.mv.db} used to be replaced by a new empty database and the user told "wrong user name or
 * password".
 */
class DamagedDatabaseTest {
    @TempDir
    Path tmp;
    Path dir;
    Path db;

    @BeforeEach
    void populated() {
        dir = tmp.resolve("site");
        try (Store s = TestVaults.fast(dir, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            s.write(r -> {
                for (int i = 0; i < 40; i++) {
                    r.patients().insert(Fixtures.patient("MRN-" + i, "Family" + i, "Given", LocalDate.of(1960, 1, 1 + i % 28)));
                }
                return null;
            });
            s.backupTo(tmp.resolve("monday.zip"));
        }
        db = dir.resolve(DataDirectory.DB_FILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "4096", "half"})
    void aTruncatedFileIsDamagedNotAWrongPasswordAndStaysByteIdentical(String cut) throws Exception {
        long length = cut.equals("half") ? Files.size(db) / 2 : Long.parseLong(cut);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(length);
        }
        String before = Fixtures.sha256(db);

        assertThatThrownBy(() -> TestVaults.fast(dir, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(DatabaseDamagedException.class)
                .hasMessageContaining("monday.zip")
                .hasMessageContaining("left as it is");

        assertThat(Fixtures.sha256(db)).as("the damaged file is evidence: untouched").isEqualTo(before);
        assertThat(Files.size(db)).isEqualTo(length);
    }

    @Test
    void theWrongPasswordOnADamagedFileIsStillAWrongPassword() throws Exception {
        Files.write(db, new byte[0]);
        assertThatThrownBy(() -> TestVaults.fast(dir, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.WRONG.clone()))
                .isInstanceOf(WrongCredentialsException.class);
        assertThat(Files.size(db)).isZero();
    }

    @Test
    void aMissingDatabaseFileWithItsKeyFileIsDamagedNotNew() throws Exception {
        Files.delete(db);
        H2Vault vault = TestVaults.fast(dir, new TestClock());
        assertThat(vault.isInitialized()).isTrue();
        assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(DatabaseDamagedException.class)
                .hasMessageContaining("is missing although its key file is there");
        assertThat(db).doesNotExist();
    }

    @Test
    void aMissingKeyFileIsDamagedAndNothingIsCreated() throws Exception {
        Files.delete(dir.resolve("keys.properties"));
        String before = Fixtures.sha256(db);
        assertThatThrownBy(() -> TestVaults.fast(dir, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(DatabaseDamagedException.class).hasMessageContaining("key file");
        assertThat(Fixtures.sha256(db)).isEqualTo(before);
        assertThat(dir.resolve("keys.properties")).doesNotExist();
    }

    @Test
    void aFileThatIsNotAnOutpostDatabaseIsDamaged() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(junk);
        Files.write(db, junk);
        assertThatThrownBy(() -> TestVaults.fast(dir, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(DatabaseDamagedException.class).hasMessageContaining("not an encrypted Outpost database");
        assertThat(Files.readAllBytes(db)).isEqualTo(junk);
    }

    @Test
    void withoutABackupTheMessageSaysNoneIsRecorded() throws IOException {
        Files.delete(dir.resolve(DataDirectory.LAST_BACKUP));
        Files.write(db, new byte[4096]);
        assertThatThrownBy(() -> TestVaults.fast(dir, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(DatabaseDamagedException.class).hasMessageContaining("No backup made on this workstation");
    }

    @Test
    void anIntactDatabaseStillOpensWithAllItsRows() throws Exception {
        try (Store s = TestVaults.fast(dir, new TestClock()).unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            long patients = s.read(r -> r.patients().count());
            assertThat(patients).isEqualTo(40);
        }
    }
}
