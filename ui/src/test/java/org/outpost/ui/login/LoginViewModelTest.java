package org.outpost.ui.login;

import org.outpost.store.TestVaults;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.port.Vault;
import org.outpost.store.H2Vault;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

class LoginViewModelTest {
    @TempDir
    Path dir;
    final List<Vault.Unlocked> unlocked = new ArrayList<>();
    final UiText text = new UiText(Locale.ENGLISH);

    @Test
    void setupShowsTheRulesAndCreatesTheDatabaseWhenEverythingIsRight() {
        H2Vault vault = TestVaults.fast(dir, Clock.systemUTC());
        var setup = new SetupViewModel(vault, new SameThreadTaskRunner(e -> null), text, unlocked::add);
        assertThat(setup.rules()).startsWith("At least 12 characters");
        setup.usernameProperty().set("Ad min");
        assertThat(setup.usernameErrorProperty().get()).startsWith("A user name has 2 to 32 characters");
        setup.usernameProperty().set("admin");
        setup.passwordProperty().set("short");
        assertThat(setup.passwordErrorProperty().get()).isEqualTo("The password needs at least 12 characters");
        setup.passwordProperty().set("my admin passphrase");
        assertThat(setup.passwordErrorProperty().get()).isEqualTo("The password must not contain the user name");
        setup.passwordProperty().set("correct horse battery");
        setup.repeatProperty().set("correct horse batter");
        setup.submit();
        assertThat(setup.repeatErrorProperty().get()).isEqualTo("The two passwords differ");
        assertThat(vault.isInitialized()).isFalse();
        setup.repeatProperty().set("correct horse battery");
        setup.submit();
        assertThat(unlocked).singleElement().satisfies(u -> assertThat(u.user().username()).isEqualTo("admin"));
        unlocked.getFirst().store().close();
        assertThat(vault.isInitialized()).isTrue();
    }

    @Test
    void aWrongPasswordIsAnsweredAndClearedAndTheRightOneUnlocks() {
        StoreFixture.create(dir, Clock.systemUTC()).close();
        H2Vault vault = TestVaults.fast(dir, Clock.systemUTC());
        var login = new LoginViewModel(vault, new SameThreadTaskRunner(e -> null), text, unlocked::add);
        login.usernameProperty().set(StoreFixture.ADMIN);
        login.passwordProperty().set("not the password");
        login.submit();
        assertThat(login.errorProperty().get()).isEqualTo("Wrong user name or password");
        assertThat(login.passwordProperty().get()).isEmpty();
        assertThat(unlocked).isEmpty();

        login.passwordProperty().set(StoreFixture.PASSWORD);
        login.submit();
        assertThat(login.errorProperty().get()).isEmpty();
        assertThat(unlocked).hasSize(1);
        unlocked.getFirst().store().close();
    }
}
