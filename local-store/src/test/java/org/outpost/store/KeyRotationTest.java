package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.Role;
import org.outpost.app.port.KeyRotationReport;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.Vault;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlot;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.KeySlots;
import org.outpost.store.keys.TestKdfCost;

/**
 * Data-key rotation on real encrypted H2 files: an old key file with an old password stops opening the
 * database, every enabled user still signs in, and a rotation stopped at any step leaves a database that
 * opens with all its rows.
 */
class KeyRotationTest {
    private static final char[] BOB = "velvet maple orbit".toCharArray();
    private static final char[] CAROL = "quiet harbor lantern".toCharArray();
    private static final int PATIENTS = 25;

    @TempDir
    Path tmp;

    private Path dir;
    private TestClock clock;
    private H2Vault vault;

    @BeforeEach
    void clinicWithThreeUsers() {
        dir = tmp.resolve("data");
        clock = new TestClock();
        vault = TestVaults.fast(dir, clock);
        Vault.Unlocked u = vault.create(Fixtures.ADMIN, "Ada Admin", Fixtures.pw());
        try (var store = u.store()) {
            store.accounts().add(Fixtures.ADMIN, "bob", "Bob", Role.CLINICIAN, BOB.clone());
            store.accounts().add(Fixtures.ADMIN, "carol", "Carol", Role.PHARMACIST, CAROL.clone());
            store.write(r -> {
                for (int i = 0; i < PATIENTS; i++) {
                    r.patients().insert(Fixtures.patient("MRN-" + i, "Smith", "Jo", LocalDate.of(1980, 1, 2)));
                }
                return null;
            });
        }
    }

    @Test
    void aDisabledUsersOldKeyFileNoLongerDecryptsTheDatabaseAfterRotation() throws Exception {
        Path stolen = tmp.resolve("stolen-keys.properties");
        Files.copy(dir.resolve(KeySlotFile.NAME), stolen);
        try (var store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            store.accounts().disable(Fixtures.ADMIN, "bob");
        }
        assertThat(canOpenWith(stolen, "bob", BOB)).as("before rotation the old slot still opens the file").isTrue();

        KeyRotationReport report = vault.rotateKey(Fixtures.ADMIN, Fixtures.pw());
        if (SecureFilesSupport.posix(dir)) {
            for (String file : List.of("outpost.mv.db", KeySlotFile.NAME)) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(file)))).as(file).isEqualTo("rw-------");
            }
        }

        assertThat(report.generation()).isEqualTo(2);
        assertThat(report.usersResealed()).isEqualTo(2);
        assertThat(canOpenWith(stolen, "bob", BOB)).isFalse();
        assertThat(canOpenWith(stolen, "carol", CAROL)).isFalse();
        assertThat(canOpenWith(stolen, Fixtures.ADMIN, Fixtures.pw())).isFalse();
        assertThatThrownBy(() -> vault.unlock("bob", BOB.clone())).isInstanceOf(WrongCredentialsException.class);
        assertAllSignInWithAllRows(2);
        try (var store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            assertThat(store.read(r -> r.audit().newest(1000)).stream().map(e -> e.event()).filter(e -> e.action() == AuditAction.KEY_ROTATED)
                    .map(e -> e.detail()).toList()).containsExactly("generation=2 users=2");
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .doesNotContain(KeyRotation.STAGING);
    }

    @Test
    void anOldPasswordWithItsOldKeyFileStopsWorkingAfterAPasswordChangeAndRotation() throws Exception {
        Path old = tmp.resolve("old-keys.properties");
        Files.copy(dir.resolve(KeySlotFile.NAME), old);
        try (var store = vault.unlock("carol", CAROL.clone()).store()) {
            store.accounts().changePassword("carol", CAROL.clone(), "amber ocean tundra".toCharArray());
        }
        vault.rotateKey(Fixtures.ADMIN, Fixtures.pw());
        assertThat(canOpenWith(old, "carol", CAROL)).isFalse();
        vault.unlock("carol", "amber ocean tundra".toCharArray()).store().close();
    }

    @ParameterizedTest
    @EnumSource(KeyRotation.Step.class)
    void aRotationStoppedAtAnyStepLeavesAMatchingPairWithAllRows(KeyRotation.Step stop) throws Exception {
        Path before = tmp.resolve("before-keys.properties");
        Files.copy(dir.resolve(KeySlotFile.NAME), before);
        assertThatThrownBy(() -> vault.rotateKey(Fixtures.ADMIN, Fixtures.pw(), step -> {
            if (step == stop) {
                throw new Interrupted();
            }
        })).isInstanceOf(Interrupted.class);

        boolean committed = stop.compareTo(KeyRotation.Step.COMMITTED) >= 0;
        assertAllSignInWithAllRows(committed ? 2 : 1);
        assertThat(canOpenWith(before, "carol", CAROL)).isEqualTo(!committed);
        assertThat(dir.resolve(KeyRotation.STAGING)).doesNotExist();
        vault.rotateKey(Fixtures.ADMIN, Fixtures.pw());
        assertAllSignInWithAllRows(committed ? 3 : 2);
    }

    @Test
    void nobodySignsInWhileTheKeyIsBeingRotated() throws Exception {
        H2Vault other = TestVaults.fast(dir, clock);
        vault.rotateKey(Fixtures.ADMIN, Fixtures.pw(), step -> {
            if (step == KeyRotation.Step.COPIED) {
                assertThatThrownBy(() -> other.unlock("carol", CAROL.clone())).isInstanceOf(StoreException.class)
                        .hasMessage("The data key is being rotated; try again when that has finished");
            }
        });
        assertAllSignInWithAllRows(2);
    }

    @Test
    void formatOneSlotsStillOpenAndAreUpgradedAtSignInAndRotationWaitsForThem() throws Exception {
        byte[] raw = rawKey(Fixtures.ADMIN, Fixtures.pw());
        KeySlots slots = KeySlotFile.read(dir.resolve(KeySlotFile.NAME));
        KeySlots v1 = new KeySlots(1, java.util.Map.of(
                Fixtures.ADMIN, formatOneSlot(Fixtures.ADMIN, Fixtures.pw(), raw),
                "bob", formatOneSlot("bob", BOB, raw),
                "carol", formatOneSlot("carol", CAROL, raw)));
        assertThat(slots.slots()).hasSize(3);
        KeySlotFile.write(dir.resolve(KeySlotFile.NAME), v1);
        assertThatThrownBy(() -> vault.rotateKey(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("3 users have not signed in").hasMessageContaining("admin, bob, carol");
        assertThat(KeySlotFile.read(dir.resolve(KeySlotFile.NAME))).isEqualTo(v1);
        assertThat(canOpenWith(dir.resolve(KeySlotFile.NAME), "carol", CAROL)).isTrue();

        vault.unlock("bob", BOB.clone()).store().close();
        vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store().close();
        KeySlots mixed = KeySlotFile.read(dir.resolve(KeySlotFile.NAME));
        assertThat(mixed.formatVersion()).isEqualTo(2);
        assertThat(mixed.formatOneUsers()).containsExactly("carol");
        assertThatThrownBy(() -> vault.rotateKey(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessageContaining("1 user has not signed in").hasMessageContaining("(carol)");

        vault.unlock("carol", CAROL.clone()).store().close();
        vault.rotateKey(Fixtures.ADMIN, Fixtures.pw());
        assertAllSignInWithAllRows(2);
    }

    @Test
    void onlyAnAdministratorWithTheRightPasswordMayRotateAndNothingChangesOtherwise() throws Exception {
        Path keysBefore = tmp.resolve("keys-before.properties");
        Files.copy(dir.resolve(KeySlotFile.NAME), keysBefore);
        String db = Fixtures.sha256(dir.resolve("outpost.mv.db"));
        String keys = Fixtures.sha256(dir.resolve(KeySlotFile.NAME));
        assertThatThrownBy(() -> vault.rotateKey(Fixtures.ADMIN, Fixtures.WRONG.clone()))
                .isInstanceOf(WrongCredentialsException.class);
        assertThat(Fixtures.sha256(dir.resolve("outpost.mv.db"))).as("refused before H2 is touched").isEqualTo(db);

        assertThatThrownBy(() -> vault.rotateKey("bob", BOB.clone()))
                .isInstanceOf(SecurityException.class).hasMessageContaining("administrator");
        try (var store = vault.unlock("carol", CAROL.clone()).store()) {
            assertThatThrownBy(() -> vault.rotateKey(Fixtures.ADMIN, Fixtures.pw()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("close the database");
        }
        assertThat(Fixtures.sha256(dir.resolve(KeySlotFile.NAME))).isEqualTo(keys);
        assertThat(canOpenWith(keysBefore, "carol", CAROL)).as("still the old data key").isTrue();
        assertThat(dir.resolve(KeyRotation.STAGING)).doesNotExist();
    }

    @Test
    void aSwappedPublicKeyIsRefusedSoTheNewKeyIsNotSealedToAnIntruder() throws Exception {
        Path keysFile = dir.resolve(KeySlotFile.NAME);
        String text = Files.readString(keysFile);
        String carolPub = line(text, "slot.carol.publicKey=");
        String bobPub = line(text, "slot.bob.publicKey=");
        Files.writeString(keysFile, text.replace("slot.carol.publicKey=" + carolPub, "slot.carol.publicKey=" + bobPub));
        Path tampered = tmp.resolve("tampered.properties");
        Files.copy(keysFile, tampered);
        assertThatThrownBy(() -> vault.rotateKey(Fixtures.ADMIN, Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessageContaining("'carol'").hasMessageContaining("altered");
        assertThat(Files.readString(keysFile)).isEqualTo(Files.readString(tampered));
        assertThat(canOpenWith(keysFile, Fixtures.ADMIN, Fixtures.pw())).as("still the old data key").isTrue();
        assertThatThrownBy(() -> vault.unlock("carol", CAROL.clone()))
                .as("the swapped public key no longer matches carol's wrapped private key")
                .isInstanceOf(WrongCredentialsException.class);
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }

    /** Every enabled user signs in, sees every patient, and the key file is of {@code generation}. */
    private void assertAllSignInWithAllRows(int generation) throws Exception {
        for (var user : List.of(Fixtures.ADMIN, "carol")) {
            char[] password = user.equals("carol") ? CAROL.clone() : Fixtures.pw();
            try (var store = vault.unlock(user, password).store()) {
                long patients = store.read(r -> r.patients().count());
                assertThat(patients).isEqualTo(PATIENTS);
            }
        }
        for (KeySlot slot : KeySlotFile.read(dir.resolve(KeySlotFile.NAME)).slots().values()) {
            assertThat(slot.sealedKey().orElseThrow().generation()).isEqualTo(generation);
        }
    }

    /** Opens the current database file through raw H2 with the key {@code keys}' slot gives {@code user}. */
    private boolean canOpenWith(Path keys, String user, char[] password) throws Exception {
        KeySlot slot = KeySlotFile.read(keys).find(user).orElseThrow();
        try (DataKey key = TestKdfCost.lowCostWrapper().unwrap(slot, password.clone());
                Connection c = H2Database.connect(dir, key, true);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM patients")) {
            rs.next();
            return rs.getInt(1) == PATIENTS;
        } catch (SQLException e) {
            return false;
        }
    }

    private byte[] rawKey(String user, char[] password) throws Exception {
        KeySlot slot = KeySlotFile.read(dir.resolve(KeySlotFile.NAME)).find(user).orElseThrow();
        try (DataKey key = TestKdfCost.lowCostWrapper().unwrap(slot, password)) {
            char[] hex = key.filePassword();
            return java.util.HexFormat.of().parseHex(new String(hex));
        }
    }

    /** A slot as Outpost wrote it before format 2: the data key under the password, AAD "outpost-keyslot-v1\0user". */
    private static KeySlot formatOneSlot(String user, char[] password, byte[] dataKey) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] kek = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.clone(), salt, 1_000, 256)).getEncoded();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(("outpost-keyslot-v1\0" + user).getBytes(StandardCharsets.UTF_8));
        return new KeySlot(user, 1_000, salt, nonce, gcm.doFinal(dataKey));
    }

    /** Thrown by the test checkpoint, standing in for a crash at that step. */
    private static final class Interrupted extends RuntimeException {
    }
}
