package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Role;
import org.outpost.app.port.TooManyAttemptsException;
import org.outpost.app.port.Vault;
import org.outpost.app.port.WrongCredentialsException;

/**
 * Issue 10, item 9: twenty wrong passwords took 17.5 s with no slowdown. Repeated failures now meet
 * growing, capped delays per user name and per workstation, kept across restarts, audited.
 */
class LoginThrottleTest {
    @TempDir
    Path tmp;

    private Path dir;
    private TestClock clock;
    private H2Vault vault;

    @BeforeEach
    void create() throws Exception {
        dir = tmp.resolve("data");
        clock = new TestClock();
        vault = TestVaults.fast(dir, clock);
        Vault.Unlocked u = vault.create(Fixtures.ADMIN, "Ada Admin", Fixtures.pw());
        u.store().accounts().add(Fixtures.ADMIN, "nurse.kim", "Kim", Role.CLINICIAN, "tea kettle lighthouse".toCharArray());
        u.store().close();
    }

    private void wrong(String user) {
        assertThatThrownBy(() -> vault.unlock(user, Fixtures.WRONG.clone()))
                .isInstanceOf(WrongCredentialsException.class)
                .isNotInstanceOf(TooManyAttemptsException.class);
    }

    /** {@code n} wrong passwords for {@code user}, five minutes apart (each delay has passed). */
    private void failTimes(String user, int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                clock.advance(Duration.ofMinutes(5));
            }
            wrong(user);
        }
    }

    private TooManyAttemptsException refused(H2Vault v, String user, char[] password) {
        try {
            v.unlock(user, password).store().close();
        } catch (TooManyAttemptsException e) {
            return e;
        } catch (WrongCredentialsException e) {
            throw new AssertionError("checked the password instead of refusing: " + e.getMessage());
        }
        throw new AssertionError("signed in during a delay");
    }

    @Test
    void twentyWrongPasswordsMeetGrowingDelaysUpToTheCap() {
        List<Long> delays = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            wrong(Fixtures.ADMIN);
            if (i <= 3) {
                continue; // the first three mistakes cost nothing
            }
            // during the delay even the right password is refused, unchecked
            TooManyAttemptsException e = refused(vault, Fixtures.ADMIN, Fixtures.pw());
            assertThat(e.getMessage()).isEqualTo("Too many failed attempts: try again in " + e.seconds() + " s");
            delays.add(e.seconds());
            clock.advance(e.retryAfter());
        }
        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L, 300L, 300L,
                300L, 300L, 300L);
    }

    @Test
    void theDelayOutlivesARestart() {
        failTimes(Fixtures.ADMIN, 5);
        H2Vault restarted = TestVaults.fast(dir, clock);
        assertThat(refused(restarted, Fixtures.ADMIN, Fixtures.pw()).seconds()).isEqualTo(2);
    }

    @Test
    void aSuccessResetsThatUsersDelay() throws Exception {
        failTimes(Fixtures.ADMIN, 4);
        clock.advance(Duration.ofSeconds(1));
        vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store().close();
        for (int i = 0; i < 3; i++) {
            wrong(Fixtures.ADMIN); // counted from zero again: three back to back, none refused
        }
    }

    @Test
    void oneUsersDelayDoesNotSlowAnother() throws Exception {
        failTimes(Fixtures.ADMIN, 6);
        vault.unlock("nurse.kim", "tea kettle lighthouse".toCharArray()).store().close();
        refused(vault, Fixtures.ADMIN, Fixtures.pw());
    }

    @Test
    void guessingManyNamesSlowsTheWholeWorkstationButNeverForMoreThanAMinute() throws Exception {
        long longest = 0;
        for (int i = 0; i < 40; i++) {
            String name = "guess" + i;
            try {
                vault.unlock(name, Fixtures.WRONG.clone());
            } catch (TooManyAttemptsException e) {
                longest = Math.max(longest, e.seconds());
                clock.advance(e.retryAfter());
                assertThatThrownBy(() -> vault.unlock(name, Fixtures.WRONG.clone()))
                        .isNotInstanceOf(TooManyAttemptsException.class);
            } catch (WrongCredentialsException e) {
                // the first ten cost nothing
            }
        }
        assertThat(longest).isEqualTo(60);
        TooManyAttemptsException admin = refused(vault, Fixtures.ADMIN, Fixtures.pw());
        assertThat(admin.seconds()).isLessThanOrEqualTo(60);
        clock.advance(admin.retryAfter());
        vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store().close();
    }

    @Test
    void aClockSetBackNeverLengthensTheDelay() {
        failTimes(Fixtures.ADMIN, 5);
        clock.advance(Duration.ofSeconds(-30));
        assertThat(refused(vault, Fixtures.ADMIN, Fixtures.pw()).seconds()).isEqualTo(2);
    }

    @Test
    void aLastFailureInTheFutureNeverLocksAnyoneOut() throws Exception {
        failTimes(Fixtures.ADMIN, 8);
        // the clock set back a year (or a far-future time written into the file): the wait would never end
        clock.advance(Duration.ofDays(-365));
        vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store().close();
        failTimes(Fixtures.ADMIN, 8);
        Path state = dir.resolve("login-guard.properties");
        Files.writeString(state, Files.readString(state).replaceAll("(bucket\\.[0-9a-z]+=\\d+,)\\S+", "$13000-01-01T00:00:00Z"));
        assertThat(Files.readString(state)).contains("3000-01-01T00:00:00Z");
        vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store().close();
    }

    @Test
    void refusedAttemptsAreAuditedAtTheNextUnlock() throws Exception {
        failTimes(Fixtures.ADMIN, 4);
        refused(vault, Fixtures.ADMIN, Fixtures.pw());
        clock.advance(Duration.ofSeconds(1));
        Vault.Unlocked u = vault.unlock(Fixtures.ADMIN, Fixtures.pw());
        try {
            List<AuditEntry> failed = u.store().read(r -> r.audit().newest(50)).stream()
                    .filter(e -> e.event().action() == AuditAction.LOGIN_FAILED).toList();
            assertThat(failed).hasSize(5);
            assertThat(failed).filteredOn(e -> e.event().detail().contains("refused: too many failed attempts"))
                    .hasSize(1);
        } finally {
            u.store().close();
        }
    }

    @Test
    void aDamagedOrDeletedThrottleFileNeverBlocksSignIn() throws Exception {
        failTimes(Fixtures.ADMIN, 6);
        Path state = dir.resolve("login-guard.properties");
        assertThat(state).exists();
        Files.writeString(state, "format=1\nbucket.machine=\u0000\u0001garbage\nsalt=zz\n");
        vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store().close();
        failTimes(Fixtures.ADMIN, 6);
        Files.delete(state);
        vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store().close();
    }
}
