package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.Patient;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.WrongCredentialsException;

/** Backups are encrypted and self-contained; restoring checks the password first and keeps the old files. */
class BackupRestoreTest {
    private static final String MARKER = "Qzxwvmarkerfamily";

    @TempDir
    Path tmp;

    @Test
    void patientDataNeverAppearsInTheDataDirectoryOrTheBackup() throws Exception {
        Path dir = tmp.resolve("data");
        H2Vault vault = TestVaults.fast(dir, new TestClock());
        Path backup = tmp.resolve("backups/outpost-backup.zip");
        try (Store store = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            store.write(r -> {
                r.patients().insert(Fixtures.patient("MRN-42", MARKER, MARKER + "given", LocalDate.of(1960, 2, 29),
                        MARKER + "allergy"));
                return null;
            });
            store.backupTo(backup);
        }
        byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
        assertThat(Fixtures.filesContaining(dir, marker)).isEmpty();
        assertThat(Fixtures.contains(Files.readAllBytes(backup), marker)).isFalse();
        assertThat(Fixtures.contains(Files.readAllBytes(backup), MARKER.getBytes(StandardCharsets.UTF_16BE))).isFalse();
        try (Stream<Path> leftovers = Files.list(backup.getParent())) {
            assertThat(leftovers).containsExactly(backup);
        }

        // the scan itself can find a marker: a plain file holding it is reported
        Path control = Files.writeString(Files.createDirectories(tmp.resolve("control")).resolve("plain.txt"),
                "x" + MARKER + "y", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
        assertThat(Fixtures.filesContaining(control.getParent(), marker)).containsExactly(control);
    }

    @Test
    void backupRestoresIntoAFreshDirectoryAndAWrongPasswordChangesNothing() throws Exception {
        Path dir = tmp.resolve("data");
        H2Vault vault = TestVaults.fast(dir, new TestClock());
        Path backup = tmp.resolve("backup.zip");
        Patient saved = Fixtures.patient("MRN-100", "Okafor", "Chioma", LocalDate.of(1985, 5, 5), "sulfa");
        try (Store store = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            store.write(r -> {
                r.patients().insert(saved);
                return null;
            });
            store.backupTo(backup);
            assertThatThrownBy(() -> vault.restore(backup, Fixtures.ADMIN, Fixtures.pw()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("before restoring");
        }

        // a wrong password leaves a populated directory exactly as it was (but for the failed-login record and
        // the sign-in throttle's counters)
        Map<String, String> before = hashes(dir);
        assertThatThrownBy(() -> vault.restore(backup, Fixtures.ADMIN, Fixtures.WRONG.clone()))
                .isInstanceOf(WrongCredentialsException.class);
        assertThatThrownBy(() -> vault.restore(backup, "nobody", Fixtures.pw()))
                .isInstanceOf(WrongCredentialsException.class);
        assertThat(hashes(dir)).isEqualTo(before);

        // into a fresh directory
        H2Vault fresh = TestVaults.fast(tmp.resolve("elsewhere"), new TestClock());
        fresh.restore(backup, Fixtures.ADMIN, Fixtures.pw());
        try (Store store = fresh.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            java.util.Optional<Patient> restored = store.read(r -> r.patients().find(saved.id()));
            assertThat(restored).contains(saved);
            java.util.List<org.outpost.app.domain.AuditEntry> audit = store.read(r -> r.audit().newest(10));
            assertThat(audit).extracting(e -> e.event().action())
                    .contains(AuditAction.DATABASE_RESTORED);
            assertThat(store.read(r -> r.audit().verify()).intact()).isTrue();
        }

        // over the existing directory: the replaced database and its anchor are kept beside; the key file stays
        vault.restore(backup, Fixtures.ADMIN, Fixtures.pw());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("outpost.mv.db.before-restore-"))
                    .anyMatch(n -> n.startsWith("audit-anchor.properties.before-restore-"))
                    .noneMatch(n -> n.startsWith("keys.properties.before-restore-"))
                    .noneMatch(n -> n.startsWith("restore-staging"));
        }
        vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store().close();
    }

    @Test
    void somethingThatIsNotABackupIsRefused() throws Exception {
        Path notZip = Files.writeString(tmp.resolve("notes.zip"), "hello");
        H2Vault vault = TestVaults.fast(tmp.resolve("data"), new TestClock());
        assertThatThrownBy(() -> vault.restore(notZip, Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessageContaining("not an Outpost backup");
        assertThat(vault.isInitialized()).isFalse();
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(DataDirectory.FAILED_LOGINS))
                    .filter(p -> !p.getFileName().toString().equals("login-guard.properties")).toList()) {
                out.put(p.getFileName().toString(), Fixtures.sha256(p) + "@" + Files.getLastModifiedTime(p));
            }
        }
        return out;
    }
}
