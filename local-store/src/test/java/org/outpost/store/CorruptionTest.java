package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.Vault;
import org.outpost.store.keys.KeySlotFile;

/** A damaged database or key file is reported in words, and nothing is changed. */
class CorruptionTest {
    @TempDir
    Path tmp;

    private Path dir;
    private H2Vault vault;

    @BeforeEach
    void createWithSomeData() {
        dir = tmp.resolve("data");
        vault = TestVaults.fast(dir, new TestClock());
        Vault.Unlocked u = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw());
        u.store().write(r -> {
            for (int i = 0; i < 300; i++) {
                r.patients().insert(Fixtures.patient("MRN-%04d".formatted(i), "Family" + i, "Given" + i,
                        LocalDate.of(1950, 1, 1).plusDays(i * 37L), "penicillin", "latex"));
            }
            // as every write in the app, with its audit row (which the audit anchor then records)
            r.audit().append(org.outpost.app.domain.AuditEvent.of(java.time.Instant.parse("2026-01-01T00:00:00Z"),
                    Fixtures.ADMIN, org.outpost.app.domain.AuditAction.DEMO_DATA_CREATED));
            return null;
        });
        u.store().close();
    }

    @Test
    void garbageDatabaseFileIsReportedAsDamaged() throws Exception {
        Path db = dir.resolve("outpost.mv.db");
        byte[] garbage = new byte[64 * 1024];
        new Random(1).nextBytes(garbage);
        Files.write(db, garbage);
        String before = Fixtures.sha256(db);

        assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(org.outpost.app.port.DatabaseDamagedException.class)
                .hasMessageStartingWith("The database is damaged")
                .hasMessageContaining("left as it is")
                .hasNoCause();
        assertThat(Fixtures.sha256(db)).isEqualTo(before);
    }

    @Test
    void overwrittenMiddleOfTheFileIsReportedAsDamaged() throws Exception {
        Path db = dir.resolve("outpost.mv.db");
        long size = Files.size(db);
        // H2 leaves free space between chunks; overwrite the whole middle so live pages are hit too
        byte[] garbage = new byte[(int) (size - size / 4)];
        new Random(2).nextBytes(garbage);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(size / 8);
            f.write(garbage);
        }
        String before = Fixtures.sha256(db);

        assertThatThrownBy(() -> {
            try (var store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
                store.read(r -> r.patients().bornOn(java.util.stream.IntStream.range(0, 300)
                        .mapToObj(i -> LocalDate.of(1950, 1, 1).plusDays(i * 37L)).toList()));
            }
        }).isInstanceOf(StoreException.class).hasMessageContaining("damaged");
        assertThat(Fixtures.sha256(db)).isEqualTo(before);
    }

    @Test
    void damagedKeyFileIsReportedBeforeAnyPasswordWork() throws Exception {
        Path keys = dir.resolve(KeySlotFile.NAME);
        Files.writeString(keys, "format=1\nkdf=PBKDF2WithHmacSHA256\ncipher=AES/GCM/NoPadding\nslot.admin.salt=%%%\n");
        assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessage(KeySlotFile.DAMAGED);
        Files.write(keys, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessage(KeySlotFile.DAMAGED);
    }

    @Test
    void aDirectoryWithoutADatabaseSaysSo() {
        H2Vault empty = TestVaults.fast(tmp.resolve("empty"), new TestClock());
        assertThat(empty.isInitialized()).isFalse();
        assertThatThrownBy(() -> empty.unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessageContaining("no Outpost database");
    }
}
