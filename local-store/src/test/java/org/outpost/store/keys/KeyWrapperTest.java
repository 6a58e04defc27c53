package org.outpost.store.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.WrongCredentialsException;

/**
 * The envelope itself. These tests use 1,000 PBKDF2 iterations for speed: the count is a parameter of
 * the slot, and the vault tests check that real slots use 600,000.
 */
class KeyWrapperTest {
    private static final char[] PW = "a long enough passphrase".toCharArray();
    private final KeyWrapper wrapper = TestKdfCost.lowCostWrapper();

    @TempDir
    Path dir;

    @Test
    void wrapsAndUnwrapsTheSameKey() throws Exception {
        try (DataKey key = DataKey.generate(new SecureRandom())) {
            KeySlot slot = wrapper.wrap(key, "ada", PW);
            assertThat(slot.iterations()).isEqualTo(1_000);
            assertThat(slot.nonce()).hasSize(12);
            assertThat(slot.wrapped()).hasSize(48 + 16); // PKCS#8 X25519 private key + GCM tag
            assertThat(slot.format()).isEqualTo(2);
            try (DataKey opened = wrapper.unwrap(slot, PW)) {
                assertThat(opened.sameKeyAs(key)).isTrue();
                assertThat(opened.h2Password()).isEqualTo(key.h2Password());
            }
            KeySlot again = wrapper.wrap(key, "ada", PW);
            assertThat(again.salt()).isNotEqualTo(slot.salt());
            assertThat(again.nonce()).isNotEqualTo(slot.nonce());
        }
    }

    @Test
    void wrongPasswordOrSwappedSlotFailsTheTag() {
        try (DataKey key = DataKey.generate(new SecureRandom())) {
            KeySlot slot = wrapper.wrap(key, "ada", PW);
            assertThatThrownBy(() -> wrapper.unwrap(slot, "another passphrase".toCharArray()))
                    .isInstanceOf(WrongCredentialsException.class);
            KeySlot moved = new KeySlot("eve", slot.iterations(), slot.salt(), slot.nonce(), slot.wrapped());
            assertThatThrownBy(() -> wrapper.unwrap(moved, PW)).isInstanceOf(WrongCredentialsException.class);
        }
    }

    @Test
    void h2PasswordIsFilePasswordSpaceUserPasswordAndDiesWithTheKey() {
        DataKey key = DataKey.generate(new SecureRandom());
        String pw = new String(key.h2Password());
        assertThat(pw).matches("[0-9a-f]{64} [0-9a-f]{64}");
        assertThat(pw.substring(0, 64)).isNotEqualTo(pw.substring(65));
        key.close();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(key::h2Password).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyFileRoundTripsAndRejectsDamage() throws Exception {
        try (DataKey key = DataKey.generate(new SecureRandom())) {
            KeySlots slots = KeySlots.empty().with(wrapper.wrap(key, "ada", PW)).with(wrapper.wrap(key, "b.o-b_1", PW));
            Path file = dir.resolve(KeySlotFile.NAME);
            KeySlotFile.write(file, slots);
            KeySlots read = KeySlotFile.read(file);
            assertThat(read).isEqualTo(slots);
            assertThat(read.without("ada").slots()).containsOnlyKeys("b.o-b_1");
            try (var listing = Files.list(dir)) {
                assertThat(listing).containsExactly(file); // no temp files left
            }
            Files.writeString(file, Files.readString(file).replace("format=2", "format=9"));
            assertThatThrownBy(() -> KeySlotFile.read(file)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("newer version");
            assertThatThrownBy(() -> KeySlotFile.parse("garbage".getBytes())).isInstanceOf(StoreException.class)
                    .hasMessage(KeySlotFile.DAMAGED);
        }
    }

    @Test
    void aSlotAskingForAnAbsurdCostIsRefusedAtOnce() throws Exception {
        // an edited key file once asked for 2^31 - 1 rounds and hung the app (issue 10, item 11)
        try (DataKey key = DataKey.generate(new SecureRandom())) {
            KeySlot slot = wrapper.wrap(key, "ada", PW);
            KeySlot absurd = new KeySlot("ada", Integer.MAX_VALUE, slot.salt(), slot.nonce(), slot.wrapped());
            long start = System.nanoTime();
            assertThatThrownBy(() -> wrapper.unwrap(absurd, PW))
                    .isInstanceOf(org.outpost.app.port.StoreException.class)
                    .hasMessageContaining("2,147,483,647 PBKDF2 rounds")
                    .hasMessageContaining("outside the accepted");
            assertThat(System.nanoTime() - start).as("refused before any work").isLessThan(1_000_000_000L);
        }
    }

    @Test
    void productionRefusesACheapSlot() throws Exception {
        // a slot rewritten to one round would make a copied key file cheap to guess offline
        try (DataKey key = DataKey.generate(new SecureRandom())) {
            KeySlot cheap = wrapper.wrap(key, "ada", PW); // 1,000 rounds
            assertThatThrownBy(() -> new KeyWrapper(new SecureRandom()).unwrap(cheap, PW))
                    .isInstanceOf(org.outpost.app.port.StoreException.class)
                    .hasMessageContaining("1,000 PBKDF2 rounds");
            KeySlot production = new KeyWrapper(new SecureRandom()).wrap(key, "ada", PW);
            assertThat(production.iterations()).isEqualTo(600_000);
            try (DataKey opened = new KeyWrapper(new SecureRandom()).unwrap(production, PW)) {
                assertThat(opened.sameKeyAs(key)).isTrue();
            }
        }
    }

    @Test
    void resealingGivesANewKeyWithoutThePasswordAndOnlyThroughABoundPublicKey() throws Exception {
        try (DataKey key = DataKey.generate(new SecureRandom());
                DataKey next = DataKey.generate(new SecureRandom(), 2)) {
            KeySlot ada = wrapper.wrap(key, "ada", PW);
            KeySlot bob = wrapper.wrap(key, "bob", PW);
            KeySlot resealed = wrapper.reseal(ada, key, next);
            try (DataKey opened = wrapper.unwrap(resealed, PW)) {
                assertThat(opened.sameKeyAs(next)).isTrue();
                assertThat(opened.generation()).isEqualTo(2);
            }
            KeySlot swapped = new KeySlot("ada", ada.iterations(), ada.salt(), ada.nonce(), ada.wrapped(),
                    new SealedKey(bob.sealed().publicKey(), 1, bob.sealed().ephemeral(), bob.sealed().nonce(),
                            bob.sealed().sealed(), bob.sealed().binding()));
            assertThatThrownBy(() -> wrapper.reseal(swapped, key, next)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("'ada'").hasMessageContaining("altered");
            assertThatThrownBy(() -> wrapper.unwrap(swapped, PW)).isInstanceOf(WrongCredentialsException.class);
            KeySlot formatOne = new KeySlot("ada", ada.iterations(), ada.salt(), ada.nonce(), ada.wrapped());
            assertThatThrownBy(() -> wrapper.reseal(formatOne, key, next)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aFormatOneFileWithAFormatTwoSlotIsDamagedAndAFormatTwoFileKeepsFormatOneSlots() throws Exception {
        try (DataKey key = DataKey.generate(new SecureRandom())) {
            KeySlot two = wrapper.wrap(key, "ada", PW);
            KeySlot one = new KeySlot("old.user", 1_000, new byte[16], new byte[12], new byte[48]);
            KeySlots mixed = new KeySlots(1, java.util.Map.of("old.user", one)).with(two);
            assertThat(mixed.formatVersion()).isEqualTo(2);
            String text = new String(KeySlotFile.format(mixed), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(KeySlotFile.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(mixed);
            assertThat(KeySlotFile.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).formatOneUsers())
                    .containsExactly("old.user");
            byte[] downgraded = text.replace("format=2", "format=1").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThatThrownBy(() -> KeySlotFile.parse(downgraded)).isInstanceOf(StoreException.class)
                    .hasMessage(KeySlotFile.DAMAGED);
            byte[] partial = text.lines().filter(l -> !l.startsWith("slot.ada.binding="))
                    .reduce("", (a, b) -> a + b + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThatThrownBy(() -> KeySlotFile.parse(partial)).isInstanceOf(StoreException.class)
                    .hasMessage(KeySlotFile.DAMAGED);
        }
    }
}
