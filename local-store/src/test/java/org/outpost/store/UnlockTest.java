package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.Vault;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.app.validation.ValidationException;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.KeyWrapper;

/** Creating and unlocking: wrong credentials fail before H2, leave the file alone and are audited later. */
class UnlockTest {
    @TempDir
    Path tmp;

    private Path dir;
    private TestClock clock;
    private H2Vault vault;

    @BeforeEach
    void createAndClose() {
        dir = tmp.resolve("data");
        clock = new TestClock();
        vault = new H2Vault(dir, clock);
        Vault.Unlocked u = vault.create(Fixtures.ADMIN, "Ada Admin", Fixtures.pw());
        u.store().write(r -> {
            r.patients().insert(Fixtures.patient("MRN-1", "Smith", "John", LocalDate.of(1980, 1, 2)));
            return null;
        });
        u.store().close();
    }

    @Test
    void createLaysOutAPrivateDirectoryWithVersionedKeySlots() throws Exception {
        assertThat(vault.isInitialized()).isTrue();
        assertThat(dir.resolve("outpost.mv.db")).isRegularFile();
        String keys = Files.readString(dir.resolve(KeySlotFile.NAME));
        assertThat(keys).contains("format=2").contains("slot.admin.iterations=" + KeyWrapper.DEFAULT_ITERATIONS);
        assertThat(KeySlotFile.read(dir.resolve(KeySlotFile.NAME)).find("admin").orElseThrow().iterations())
                .isEqualTo(600_000);
        if (SecureFilesSupport.posix(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(KeySlotFile.NAME))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void createRefusesAnExistingDatabase() {
        assertThatThrownBy(() -> vault.create("other", "Other", Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessageContaining("already holds");
    }

    @Test
    void createAppliesThePasswordPolicy() {
        H2Vault fresh = new H2Vault(tmp.resolve("fresh"), clock);
        assertThatThrownBy(() -> fresh.create("admin", "Admin", "short".toCharArray()))
                .isInstanceOf(ValidationException.class);
        assertThat(fresh.isInitialized()).isFalse();
    }

    @Test
    void anEditedRoundCountIsRefusedAtOnceAndChangesNothing() throws Exception {
        // issue 10, item 11: 2^31 rounds written into keys.properties hung the app
        Path keys = dir.resolve(KeySlotFile.NAME);
        Files.writeString(keys, Files.readString(keys).replace("slot.admin.iterations=600000",
                "slot.admin.iterations=2147483647"));
        String db = Fixtures.sha256(dir.resolve("outpost.mv.db"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("2,147,483,647 PBKDF2 rounds, outside the accepted 100,000 to 5,000,000");
        assertThat(System.nanoTime() - start).as("refused without deriving").isLessThan(2_000_000_000L);
        assertThat(Fixtures.sha256(dir.resolve("outpost.mv.db"))).isEqualTo(db);
    }

    @Test
    void wrongPasswordLeavesFileUntouched() throws Exception {
        Path db = dir.resolve("outpost.mv.db");
        Files.setLastModifiedTime(db, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        String before = Fixtures.sha256(db);
        FileTime modified = Files.getLastModifiedTime(db);

        assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.WRONG.clone()))
                .isInstanceOf(WrongCredentialsException.class)
                .hasMessage("wrong user name or password");

        assertThat(Fixtures.sha256(db)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(db)).isEqualTo(modified);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .doesNotContain("outpost.trace.db", "outpost.lock.db");
    }

    @Test
    void unknownUserFailsTheSameWayAndTakesAsLong() throws Exception {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> vault.unlock("mallory", Fixtures.pw()))
                .isInstanceOf(WrongCredentialsException.class)
                .hasMessage(WrongCredentialsException.MESSAGE);
        long unknown = System.nanoTime() - t0;
        t0 = System.nanoTime();
        assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.WRONG.clone()))
                .isInstanceOf(WrongCredentialsException.class);
        long wrong = System.nanoTime() - t0;
        // both pay a full 600k-iteration PBKDF2; generous bound to stay stable on a loaded machine
        assertThat(Duration.ofNanos(unknown)).isGreaterThan(Duration.ofNanos(wrong / 3));
        assertThatThrownBy(() -> vault.unlock("not a valid name!", Fixtures.pw()))
                .isInstanceOf(WrongCredentialsException.class);
    }

    @Test
    void failedLoginsAreAuditedWithTheirOriginalTimeAtTheNextUnlock() throws Exception {
        Instant wrongAt = clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.WRONG.clone()))
                .isInstanceOf(WrongCredentialsException.class);
        Instant unknownAt = clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> vault.unlock("mallory", Fixtures.WRONG.clone()))
                .isInstanceOf(WrongCredentialsException.class);
        Path failed = dir.resolve("failed-logins.log");
        String noted = Files.readString(failed);
        // a name without an account is noted as "unknown user": what was typed may be a password
        assertThat(noted).contains("admin", "unknown user").doesNotContain("mallory")
                .doesNotContain(new String(Fixtures.WRONG));

        Instant okAt = clock.advance(Duration.ofMinutes(1));
        Vault.Unlocked u = vault.unlock(Fixtures.ADMIN, Fixtures.pw());
        try {
            List<AuditEntry> entries = u.store().read(r -> r.audit().newest(100)).stream()
                    .sorted(Comparator.comparingLong(AuditEntry::sequence)).toList();
            List<AuditEntry> lastFour = entries.subList(entries.size() - 4, entries.size());
            assertThat(lastFour).extracting(e -> e.event().action()).containsExactly(AuditAction.LOGIN_FAILED,
                    AuditAction.LOGIN_FAILED, AuditAction.FAILED_LOGINS_MOVED, AuditAction.LOGIN_OK);
            assertThat(lastFour).extracting(e -> e.event().at()).containsExactly(wrongAt, unknownAt, okAt, okAt);
            assertThat(lastFour).extracting(e -> e.event().username())
                    .containsExactly("admin", "unknown user", "admin", "admin");
            assertThat(u.store().read(r -> r.audit().verify()).intact()).isTrue();
        } finally {
            u.store().close();
        }
        assertThat(Files.readString(failed, StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUnlockWithNothingToReportAddsOnlyItsLoginRow() throws Exception {
        long before;
        try (var store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            before = store.read(r -> r.audit().count());
        }
        try (var store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            long after = store.read(r -> r.audit().count());
            assertThat(after).isEqualTo(before + 1);
        }
    }

    @Test
    void closeIsIdempotentAndForgetsTheKey() throws Exception {
        Vault.Unlocked u = vault.unlock(Fixtures.ADMIN, Fixtures.pw());
        u.store().close();
        u.store().close();
        assertThatThrownBy(() -> u.store().read(r -> r.patients().count()))
                .isInstanceOf(StoreException.class).hasMessageContaining("locked");
        assertThat(((H2Store) u.store()).isClosed()).isTrue();
    }
}
