package org.outpost.ui.login;

import org.outpost.store.TestVaults;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    @Test
    void afterASignOutTheFormKeepsNothingOfTheLastUserWhereALockKeepsTheirName() {
        H2Vault vault = TestVaults.fast(dir, Clock.systemUTC());
        var login = new LoginViewModel(vault, new SameThreadTaskRunner(e -> null), text, unlocked::add);
        login.showLockedBy(StoreFixture.ADMIN, StoreFixture.ADMIN_NAME);
        assertThat(login.usernameProperty().get()).isEqualTo(StoreFixture.ADMIN);
        assertThat(login.lockNoteProperty().get()).contains(StoreFixture.ADMIN_NAME);
        login.passwordProperty().set("half typed");

        login.clear();
        assertThat(login.usernameProperty().get()).isEmpty();
        assertThat(login.passwordProperty().get()).isEmpty();
        assertThat(login.lockNoteProperty().get()).isEmpty();
    }

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void afterRepeatedFailuresTheFormCountsTheWaitDownAndThenLetsTheRightPasswordIn() {
        HandClock clock = new HandClock();
        StoreFixture.create(dir, clock).close();
        H2Vault vault = TestVaults.fast(dir, clock);
        var login = new LoginViewModel(vault, new SameThreadTaskRunner(e -> null), text, unlocked::add, clock);
        login.usernameProperty().set(StoreFixture.ADMIN);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(5));
            login.passwordProperty().set("not the password");
            login.submit();
            assertThat(login.errorProperty().get()).isEqualTo("Wrong user name or password");
        }
        login.passwordProperty().set(StoreFixture.PASSWORD);
        login.submit();
        assertThat(unlocked).isEmpty();
        assertThat(login.errorProperty().get()).isEqualTo("Too many failed attempts: try again in 2 s");
        assertThat(login.retrySecondsProperty().get()).isEqualTo(2);
        assertThat(login.passwordProperty().get()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        login.tick();
        assertThat(login.errorProperty().get()).isEqualTo("Too many failed attempts: try again in 1 s");
        clock.advance(Duration.ofSeconds(1));
        login.tick();
        assertThat(login.errorProperty().get()).isEmpty();
        assertThat(login.retrySecondsProperty().get()).isZero();

        login.passwordProperty().set(StoreFixture.PASSWORD);
        login.submit();
        assertThat(unlocked).hasSize(1);
        unlocked.getFirst().store().close();
    }
}
