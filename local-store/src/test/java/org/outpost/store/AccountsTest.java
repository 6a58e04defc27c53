package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.Role;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.app.domain.PatientQuery;
import org.outpost.app.validation.ValidationException;
import org.outpost.store.keys.KeySlotFile;

/** Accounts: each has its own key slot; changes are audited; the old secret stops working. */
class AccountsTest {
    private static final char[] BOB = "river stone lantern morning".toCharArray();
    private static final char[] BOB_NEW = "quiet harbor paper kite".toCharArray();

    @TempDir
    Path tmp;

    private Path dir;
    private H2Vault vault;
    private Store admin;

    @BeforeEach
    void create() {
        dir = tmp.resolve("data");
        vault = TestVaults.fast(dir, new TestClock());
        admin = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store();
        admin.write(r -> {
            r.patients().insert(Fixtures.patient("MRN-7", "Nguyen", "Anh", LocalDate.of(1971, 7, 7)));
            return null;
        });
    }

    @Test
    void passwordChangeKeepsAllDataAndTheOldPasswordStopsWorking() throws Exception {
        char[] newPassword = "a brand new passphrase".toCharArray();
        assertThatThrownBy(() -> admin.accounts().changePassword(Fixtures.ADMIN, Fixtures.WRONG.clone(), newPassword.clone()))
                .isInstanceOf(WrongCredentialsException.class);
        admin.accounts().changePassword(Fixtures.ADMIN, Fixtures.pw(), newPassword.clone());
        admin.close();

        assertThatThrownBy(() -> vault.unlock(Fixtures.ADMIN, Fixtures.pw())).isInstanceOf(WrongCredentialsException.class);
        try (Store again = vault.unlock(Fixtures.ADMIN, newPassword.clone()).store()) {
            List<PatientSummary> found = again.read(r -> r.patients().search(PatientQuery.parse("nguyen"), 10));
            assertThat(found).extracting(PatientSummary::givenName).containsExactly("Anh");
            assertThat(actions(again)).contains(AuditAction.PASSWORD_CHANGED);
        }
    }

    @Test
    void twoUsersUnlockTheSameFileAndSeeTheSamePatients() throws Exception {
        admin.accounts().add(Fixtures.ADMIN, "bob", "Bob Clinician", Role.CLINICIAN, BOB.clone());
        admin.close();
        try (Store bob = vault.unlock("bob", BOB.clone()).store();
             Store ada = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
            List<PatientSummary> seenByBob = bob.read(r -> r.patients().search(PatientQuery.parse("ngu"), 10));
            List<PatientSummary> seenByAda = ada.read(r -> r.patients().search(PatientQuery.parse("ngu"), 10));
            assertThat(seenByBob).hasSize(1).isEqualTo(seenByAda);
            ada.write(r -> {
                r.patients().insert(Fixtures.patient("MRN-8", "Nguyen", "Bao", LocalDate.of(1990, 1, 1)));
                return null;
            });
            long bobCount = bob.read(r -> r.patients().count());
            assertThat(bobCount).isEqualTo(2);
        }
    }

    @Test
    void disabledUserCannotUnlockAndReEnabledCan() throws Exception {
        admin.accounts().add(Fixtures.ADMIN, "bob", "Bob", Role.CLINICIAN, BOB.clone());
        admin.accounts().disable(Fixtures.ADMIN, "bob");
        assertThat(KeySlotFile.read(dir.resolve(KeySlotFile.NAME)).find("bob")).isEmpty();
        assertThat(admin.accounts().find("bob")).get().extracting(u -> u.enabled()).isEqualTo(false);
        assertThatThrownBy(() -> vault.unlock("bob", BOB.clone())).isInstanceOf(WrongCredentialsException.class);

        admin.accounts().enable(Fixtures.ADMIN, "bob", BOB_NEW.clone());
        assertThatThrownBy(() -> vault.unlock("bob", BOB.clone())).isInstanceOf(WrongCredentialsException.class);
        try (Store bob = vault.unlock("bob", BOB_NEW.clone()).store()) {
            long n = bob.read(r -> r.patients().count());
            assertThat(n).isEqualTo(1);
        }
        assertThat(actions(admin)).contains(AuditAction.USER_ADDED, AuditAction.USER_DISABLED, AuditAction.USER_ENABLED);
    }

    @Test
    void adminResetsAForgottenPassword() throws Exception {
        admin.accounts().add(Fixtures.ADMIN, "bob", "Bob", Role.PHARMACIST, BOB.clone());
        admin.accounts().resetPassword(Fixtures.ADMIN, "bob", BOB_NEW.clone());
        assertThatThrownBy(() -> vault.unlock("bob", BOB.clone())).isInstanceOf(WrongCredentialsException.class);
        vault.unlock("bob", BOB_NEW.clone()).store().close();
        List<AuditEntry> newest = admin.read(r -> r.audit().newest(50));
        assertThat(newest).anySatisfy(e -> {
            assertThat(e.event().action()).isEqualTo(AuditAction.PASSWORD_RESET);
            assertThat(e.event().username()).isEqualTo(Fixtures.ADMIN);
            assertThat(e.event().detail()).isEqualTo("user=bob");
        });
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledAndOnlyAdminsManageAccounts() {
        assertThatThrownBy(() -> admin.accounts().disable(Fixtures.ADMIN, Fixtures.ADMIN))
                .isInstanceOf(StoreException.class).hasMessageContaining("last enabled administrator");
        assertThatThrownBy(() -> admin.accounts().add(Fixtures.ADMIN, "bob", "Bob", Role.CLINICIAN, "short".toCharArray()))
                .isInstanceOf(ValidationException.class);
        admin.accounts().add(Fixtures.ADMIN, "bob", "Bob", Role.CLINICIAN, BOB.clone());
        assertThatThrownBy(() -> admin.accounts().add("bob", "eve", "Eve", Role.ADMIN, BOB_NEW.clone()))
                .isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> admin.accounts().add(Fixtures.ADMIN, "bob", "Bob again", Role.CLINICIAN, BOB_NEW.clone()))
                .isInstanceOf(StoreException.class).hasMessageContaining("already taken");
        assertThat(admin.accounts().list()).extracting(u -> u.username()).containsExactly("admin", "bob");
        assertThat(admin.read(r -> r.audit().verify()).intact()).isTrue();
        admin.close();
    }

    private static List<AuditAction> actions(Store store) {
        return store.read(r -> r.audit().newest(100)).stream().map(e -> e.event().action()).toList();
    }
}
