package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.port.Vault;
import org.outpost.app.port.WrongCredentialsException;

/**
 * Issue 10, item 10: the failed-login record could be edited or deleted without notice, one over-long
 * line in it blocked every later sign-in, and a password typed as a user name was kept in clear.
 */
class FailedLoginRecordTest {
    private static final String EDITED = "failed-login record edited or truncated";

    @TempDir
    Path tmp;

    private Path dir;
    private Path record;
    private TestClock clock;
    private H2Vault vault;

    @BeforeEach
    void create() {
        dir = tmp.resolve("data");
        record = dir.resolve("failed-logins.log");
        clock = new TestClock();
        vault = TestVaults.fast(dir, clock);
        vault.create(Fixtures.ADMIN, "Ada Admin", Fixtures.pw()).store().close();
    }

    private void fail(String user, String password) {
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> vault.unlock(user, password.toCharArray()))
                .isInstanceOf(WrongCredentialsException.class);
    }

    /** Signs in as the admin and returns the audit rows this sign-in added, oldest first. */
    private List<AuditEntry> signInAndReadNewRows() throws Exception {
        clock.advance(Duration.ofSeconds(10));
        Vault.Unlocked u = vault.unlock(Fixtures.ADMIN, Fixtures.pw());
        try {
            List<AuditEntry> newest = new ArrayList<>(u.store().read(r -> r.audit().newest(500)));
            List<AuditEntry> added = new ArrayList<>();
            for (AuditEntry e : newest.subList(1, newest.size())) {
                if (e.event().action() == AuditAction.LOGIN_OK) {
                    break;
                }
                added.add(e);
            }
            assertThat(u.store().read(r -> r.audit().verify()).intact()).isTrue();
            return added.reversed();
        } finally {
            u.store().close();
        }
    }

    private static String summary(List<AuditEntry> rows) {
        return rows.stream().filter(e -> e.event().action() == AuditAction.FAILED_LOGINS_MOVED)
                .map(e -> e.event().detail()).findFirst().orElseThrow();
    }

    @Test
    void aThreeHundredCharacterTypedNameDoesNotBlockTheNextSignIn() throws Exception {
        fail("x".repeat(300), "nope");
        List<AuditEntry> rows = signInAndReadNewRows();
        assertThat(rows).filteredOn(e -> e.event().action() == AuditAction.LOGIN_FAILED)
                .extracting(e -> e.event().username()).containsExactly("unknown user");
        assertThat(summary(rows)).doesNotContain(EDITED);
    }

    @Test
    void aHundredCharacterLineWrittenIntoTheRecordDoesNotBlockSignInAndIsReported() throws Exception {
        fail(Fixtures.ADMIN, "wrong-password");
        Files.writeString(record, "2026-01-01T00:00:00Z\t" + "x".repeat(100) + "\n", StandardOpenOption.APPEND);
        List<AuditEntry> rows = signInAndReadNewRows();
        assertThat(rows).filteredOn(e -> e.event().action() == AuditAction.LOGIN_FAILED)
                .extracting(e -> e.event().username()).containsExactly("admin");
        assertThat(summary(rows)).contains("1 unreadable line in the failed-login record").contains(EDITED);
        assertThat(rows).allSatisfy(e -> assertThat(e.event().username()).doesNotContain("xxxxxxxxxx"));
    }

    @Test
    void junkOfEveryKindInTheRecordNeverBlocksSignIn() throws Exception {
        fail(Fixtures.ADMIN, "wrong-password");
        byte[] junk = ("\u0000\t\t\n9999999999999999999\t+1000000000-12-31T23:59:59Z\tadmin\twrong\t00\n"
                + "1\tnot-a-time\tadmin\twrong\t" + "0".repeat(64) + "\n" + "é".repeat(5000) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(record, junk, StandardOpenOption.APPEND);
        List<AuditEntry> rows = signInAndReadNewRows();
        assertThat(summary(rows)).contains(EDITED);
        assertThat(Files.readString(record)).isEmpty();
    }

    @Test
    void aPasswordTypedAsTheUserNameIsNeverKept() throws Exception {
        String typed = "correcthorse-2026"; // a valid-looking name that is somebody's password
        fail(typed, "whatever");
        assertThat(Files.readString(record)).doesNotContain(typed).contains("unknown user");
        for (Path f : Files.list(dir).toList()) {
            if (Files.isRegularFile(f) && !f.getFileName().toString().endsWith(".mv.db")) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.getFileName().toString())
                        .doesNotContain(typed);
            }
        }
        List<AuditEntry> rows = signInAndReadNewRows();
        assertThat(rows).allSatisfy(e -> {
            assertThat(e.event().username()).doesNotContain(typed);
            assertThat(e.event().detail()).doesNotContain(typed);
        });
    }

    @Test
    void anUntouchedRecordIsMovedWithItsTimesAndEmptied() throws Exception {
        fail(Fixtures.ADMIN, "a");
        fail("nobody", "b");
        List<AuditEntry> rows = signInAndReadNewRows();
        assertThat(rows).filteredOn(e -> e.event().action() == AuditAction.LOGIN_FAILED)
                .extracting(e -> e.event().username()).containsExactly("admin", "unknown user");
        assertThat(summary(rows)).startsWith("2 failed attempts moved").doesNotContain(EDITED).doesNotContain("unreadable");
        assertThat(Files.readString(record)).isEmpty();
        // and the next, fresh chain checks out too
        fail(Fixtures.ADMIN, "c");
        assertThat(summary(signInAndReadNewRows())).startsWith("1 failed attempt moved").doesNotContain(EDITED);
    }

    @Test
    void anEditedLineIsReportedAtTheNextUnlock() throws Exception {
        fail(Fixtures.ADMIN, "a");
        fail(Fixtures.ADMIN, "b");
        List<String> lines = Files.readAllLines(record);
        assertThat(lines).hasSize(2);
        Files.write(record, List.of(lines.get(0).replace("\tadmin\t", "\tunknown user\t"), lines.get(1)));
        assertThat(summary(signInAndReadNewRows())).contains(EDITED);
    }

    @Test
    void aRemovedLastLineIsReportedAtTheNextUnlock() throws Exception {
        fail(Fixtures.ADMIN, "a");
        fail(Fixtures.ADMIN, "b");
        List<String> lines = Files.readAllLines(record);
        Files.write(record, List.of(lines.get(0)));
        assertThat(summary(signInAndReadNewRows())).contains(EDITED);
    }

    @Test
    void aDeletedRecordIsReportedAtTheNextUnlock() throws Exception {
        fail(Fixtures.ADMIN, "a");
        for (Path f : Files.list(dir).toList()) {
            if (f.getFileName().toString().startsWith("failed-logins") || f.getFileName().toString().startsWith("login-guard")) {
                Files.delete(f);
            }
        }
        assertThat(summary(signInAndReadNewRows())).startsWith("0 failed attempts moved").contains(EDITED);
    }

    @Test
    void aRecordKeptAcrossARestoreIsMovedWithoutAFalseAlarm() throws Exception {
        Path backup = tmp.resolve("monday.zip");
        try (var store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            store.backupTo(backup);
        }
        fail(Fixtures.ADMIN, "a");
        vault.restore(backup, Fixtures.ADMIN, Fixtures.pw());
        List<AuditEntry> rows = signInAndReadNewRows();
        assertThat(rows).filteredOn(e -> e.event().action() == AuditAction.LOGIN_FAILED).hasSize(1);
        assertThat(summary(rows)).contains("kept across a restore").doesNotContain(EDITED);
        fail(Fixtures.ADMIN, "b");
        assertThat(summary(signInAndReadNewRows())).contains("record intact");
    }
}
