package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Role;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.Vault;
import org.outpost.app.port.WrongCredentialsException;

/**
 * Issue 10 item 7: only an enabled administrator of the current installation backs up or restores, and after
 * a restore the current installation's accounts and passwords stay in force.
 */
class RestoreAccessTest {
    private static final char[] CARLA_PW = "sunrise clinic password 7".toCharArray();
    private static final char[] DAVE_PW = "harbour ward password 8".toCharArray();

    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock();
    private final Patient ours = Fixtures.patient("MRN-1", "Okafor", "Chioma", LocalDate.of(1985, 5, 5));

    private H2Vault populated(Path dir) {
        H2Vault vault = TestVaults.fast(dir, clock);
        try (Store store = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            store.accounts().add(Fixtures.ADMIN, "carla", "Carla", Role.CLINICIAN, CARLA_PW.clone());
            store.accounts().add(Fixtures.ADMIN, "dave", "Dave", Role.CLINICIAN, DAVE_PW.clone());
            store.write(r -> {
                r.patients().insert(ours);
                return null;
            });
        }
        return vault;
    }

    @Test
    void aClinicianCannotMakeABackup() throws Exception {
        H2Vault vault = populated(tmp.resolve("data"));
        Path target = tmp.resolve("c.zip");
        try (Store store = vault.unlock("carla", CARLA_PW.clone()).store()) {
            assertThatThrownBy(() -> store.backupTo(target)).isInstanceOf(SecurityException.class)
                    .hasMessageContaining("administrator");
        }
        assertThat(target).doesNotExist();
    }

    @Test
    void onlyAnEnabledAdminOfTheCurrentInstallationRestoresAndTodaysAccountsStayInForce() throws Exception {
        Path dir = tmp.resolve("data");
        H2Vault vault = populated(dir);
        Path backup = tmp.resolve("old.zip");
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            store.backupTo(backup);
        }
        clock.advance(Duration.ofDays(1));
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            store.accounts().disable(Fixtures.ADMIN, "carla");
        }
        String dbBefore = Fixtures.sha256(dir.resolve(DataDirectory.DB_FILE));
        // carla's slot is in the backup, but not in today's key file
        assertThatThrownBy(() -> vault.restore(backup, "carla", CARLA_PW.clone()))
                .isInstanceOf(WrongCredentialsException.class);
        assertThat(Fixtures.sha256(dir.resolve(DataDirectory.DB_FILE))).isEqualTo(dbBefore);
        // dave is enabled today, but not an administrator: refused, and the refusal is audited
        assertThatThrownBy(() -> vault.restore(backup, "dave", DAVE_PW.clone()))
                .isInstanceOf(SecurityException.class).hasMessageContaining("administrator");
        assertThat(asideCopies(dir)).isEmpty();

        vault.restore(backup, Fixtures.ADMIN, Fixtures.pw());

        assertThatThrownBy(() -> vault.unlock("carla", CARLA_PW.clone()))
                .isInstanceOf(WrongCredentialsException.class);
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            assertThat(store.accounts().find("carla")).hasValueSatisfying(u -> assertThat(u.enabled()).isFalse());
            java.util.Optional<Patient> found = store.read(r -> r.patients().find(ours.id()));
            assertThat(found).isPresent();
            List<AuditEntry> audit = store.read(r -> r.audit().newest(20)); // sign-ins since add their rows
            assertThat(audit).extracting(e -> e.event().action()).contains(AuditAction.DATABASE_RESTORED)
                    .doesNotContain(AuditAction.RESTORE_REFUSED);
            assertThat(store.read(r -> r.audit().verify()).intact()).isTrue();
        }
        // the replaced database recorded the restore too
        Path aside;
        try (Stream<Path> files = Files.list(dir)) {
            aside = files.filter(p -> p.getFileName().toString().startsWith(DataDirectory.DB_FILE + ".before-restore-"))
                    .findFirst().orElseThrow();
        }
        Path old = Files.createDirectories(tmp.resolve("old"));
        Files.copy(aside, old.resolve(DataDirectory.DB_FILE));
        Files.copy(dir.resolve("keys.properties"), old.resolve("keys.properties"));
        try (Store store = TestVaults.fast(old, clock).unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            List<AuditEntry> oldLog = store.read(r -> r.audit().newest(20));
            assertThat(oldLog).extracting(e -> e.event().action())
                    .contains(AuditAction.DATABASE_RESTORED, AuditAction.RESTORE_REFUSED);
        }
    }

    @Test
    void aBackupOfAnotherInstallationIsTakenUnderThisInstallationsKeyAndAccounts() throws Exception {
        Path other = tmp.resolve("other");
        H2Vault otherVault = TestVaults.fast(other, clock);
        Patient theirs = Fixtures.patient("MRN-9", "Mensah", "Kofi", LocalDate.of(1970, 1, 2));
        Path backup = tmp.resolve("other.zip");
        try (Store store = otherVault.create("otheradmin", "Other", Fixtures.pw()).store()) {
            store.accounts().add("otheradmin", "eve", "Eve", Role.CLINICIAN, CARLA_PW.clone());
            store.write(r -> {
                r.patients().insert(theirs);
                return null;
            });
            store.backupTo(backup);
        }
        Path dir = tmp.resolve("data");
        H2Vault vault = populated(dir);
        byte[] keysBefore = Files.readAllBytes(dir.resolve("keys.properties"));
        // today's admin does not exist in that backup: a clear message, nothing changed
        assertThatThrownBy(() -> vault.restore(backup, Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessageContaining("backup");
        vault.restore(backup, Fixtures.ADMIN, Fixtures.pw(), new Vault.BackupLogin("otheradmin", Fixtures.pw()));
        assertThat(Files.readAllBytes(dir.resolve("keys.properties"))).isEqualTo(keysBefore);
        assertThatThrownBy(() -> vault.unlock("eve", CARLA_PW.clone())).isInstanceOf(WrongCredentialsException.class);
        try (Store store = vault.unlock("carla", CARLA_PW.clone()).store()) {
            java.util.Optional<Patient> found = store.read(r -> r.patients().find(theirs.id()));
            assertThat(found).contains(theirs);
            assertThat(store.accounts().find("eve")).isEmpty();
        }
    }

    @Test
    void aBackupFromANewerSchemaIsRefusedWithAClearMessage() throws Exception {
        Path dir = tmp.resolve("data");
        H2Vault vault = populated(dir);
        Path backup = tmp.resolve("b.zip");
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            store.backupTo(backup);
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            String manifest = new String(zip.getInputStream(zip.getEntry("outpost-backup.properties")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(manifest).contains("h2=").contains("schema=").contains("outpost=");
        }
        String before = Fixtures.sha256(dir.resolve(DataDirectory.DB_FILE));
        Path newerH2 = rewriteManifest(backup, tmp.resolve("newer-h2.zip"), "h2=", "h2=9.0.0");
        assertThatThrownBy(() -> vault.restore(newerH2, Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessageContaining("H2 9.0.0").hasMessageContaining("update Outpost");
        assertThat(Fixtures.sha256(dir.resolve(DataDirectory.DB_FILE))).isEqualTo(before);
        // the schema is compared with the current database's, which is opened for it: nothing is replaced
        Path newer = rewriteManifest(backup, tmp.resolve("newer.zip"), "schema=", "schema=999");
        assertThatThrownBy(() -> vault.restore(newer, Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessageContaining("schema version 999")
                .hasMessageContaining("newer");
        assertThat(asideCopies(dir)).isEmpty();
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            List<AuditEntry> audit = store.read(r -> r.audit().newest(50));
            assertThat(audit).extracting(e -> e.event().action()).doesNotContain(AuditAction.DATABASE_RESTORED);
        }
    }

    @Test
    void onlyTheLastThreeReplacedCopiesAreKept() throws Exception {
        Path dir = tmp.resolve("data");
        H2Vault vault = populated(dir);
        Path backup = tmp.resolve("b.zip");
        try (Store store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            store.backupTo(backup);
        }
        Vault.RestoreReport last = null;
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            last = vault.restore(backup, Fixtures.ADMIN, Fixtures.pw());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(DataDirectory.DB_FILE + ".before-restore-"))).hasSize(3);
        }
        assertThat(last.kept()).hasSize(3);
        assertThat(last.removed()).isNotEmpty();
        vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store().close();
    }

    private static List<Path> asideCopies(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".before-restore-")).toList();
        }
    }

    private static Path rewriteManifest(Path from, Path to, String key, String line) throws Exception {
        try (ZipFile zip = new ZipFile(from.toFile());
             OutputStream os = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(os)) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("outpost-backup.properties")) {
                    StringBuilder b = new StringBuilder();
                    for (String l : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                        b.append(l.startsWith(key) ? line : l).append('\n');
                    }
                    bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return to;
    }
}
