package org.outpost.ui.account;

import org.outpost.store.TestVaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.store.H2Vault;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** Changing one's own password on a real encrypted store: the old one stops working, the new one opens it. */
class ChangePasswordViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final String NEW = "a brand new passphrase 7";

    @TempDir
    Path dir;
    StoreFixture store;
    ChangePasswordViewModel model;

    @BeforeEach
    void setUp() {
        store = StoreFixture.create(dir, CLOCK);
        model = new ChangePasswordViewModel(store.store().accounts(), StoreFixture.ADMIN,
                new SameThreadTaskRunner(e -> null), new UiText(Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void fill(String current, String fresh, String repeat) {
        model.currentProperty().set(current);
        model.replacementProperty().set(fresh);
        model.repeatProperty().set(repeat);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() throws Exception {
        fill("not my password at all", NEW, NEW);
        model.save();
        assertThat(model.currentErrorProperty().get()).isEqualTo("The current password is wrong; nothing was changed");
        store.close();
        assertThat(TestVaults.fast(dir, CLOCK).unlock(StoreFixture.ADMIN, StoreFixture.PASSWORD.toCharArray()).user()
                .username()).isEqualTo(StoreFixture.ADMIN);
    }

    @Test
    void rulesAndTheRepeatAreCheckedAsTyped() {
        fill(StoreFixture.PASSWORD, "short", "");
        assertThat(model.replacementErrorProperty().get()).isEqualTo("The password needs at least 12 characters");
        model.replacementProperty().set(NEW);
        model.repeatProperty().set(NEW + "x");
        assertThat(model.repeatErrorProperty().get()).isEqualTo("The two new passwords differ");
        model.replacementProperty().set(StoreFixture.PASSWORD);
        assertThat(model.replacementErrorProperty().get()).isEqualTo("The new password must differ from the current one");
    }

    @Test
    void theNewPasswordOpensTheStoreAndTheOldOneNoLongerDoes() {
        fill(StoreFixture.PASSWORD, NEW, NEW);
        model.save();
        assertThat(model.statusProperty().get()).isEqualTo("Password changed. Use the new one at your next sign-in.");
        assertThat(model.currentProperty().get()).isEmpty();
        assertThat(store.store().read(r -> r.audit().newest(1)).getFirst().event().action())
                .isEqualTo(AuditAction.PASSWORD_CHANGED);
        store.close();
        H2Vault vault = TestVaults.fast(dir, CLOCK);
        assertThatThrownBy(() -> vault.unlock(StoreFixture.ADMIN, StoreFixture.PASSWORD.toCharArray()))
                .isInstanceOf(WrongCredentialsException.class);
        try (var reopened = vault.unlock(StoreFixture.ADMIN, NEW.toCharArray()).store()) {
            assertThat(reopened.accounts().find(StoreFixture.ADMIN)).isPresent();
        } catch (WrongCredentialsException e) {
            throw new AssertionError(e);
        }
    }
}
