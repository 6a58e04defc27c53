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
    private final KeyWrapper wrapper = new KeyWrapper(new SecureRandom(), 1_000);

    @TempDir
    Path dir;

    @Test
    void wrapsAndUnwrapsTheSameKey() throws Exception {
        try (DataKey key = DataKey.generate(new SecureRandom())) {
            KeySlot slot = wrapper.wrap(key, "ada", PW);
            assertThat(slot.iterations()).isEqualTo(1_000);
            assertThat(slot.nonce()).hasSize(12);
            assertThat(slot.wrapped()).hasSize(32 + 16);
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
            Files.writeString(file, Files.readString(file).replace("format=1", "format=9"));
            assertThatThrownBy(() -> KeySlotFile.read(file)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("newer version");
            assertThatThrownBy(() -> KeySlotFile.parse("garbage".getBytes())).isInstanceOf(StoreException.class)
                    .hasMessage(KeySlotFile.DAMAGED);
        }
    }
}
