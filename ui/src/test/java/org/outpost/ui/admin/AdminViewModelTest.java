package org.outpost.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.User;
import org.outpost.app.port.Vault;
import org.outpost.app.usecase.AuditService;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

class AdminViewModelTest {
    @TempDir
    Path dir;

    @Test
    void addsAUserListsTheAuditNewestFirstAndVerifiesTheChain() {
        try (StoreFixture store = StoreFixture.create(dir, Clock.systemUTC())) {
            var patient = store.register("Ivanova", "Olga", Sex.FEMALE, LocalDate.of(1949, 11, 5), "");
            store.charts().open(patient.id());
            var model = new AdminViewModel(store.store(), new AuditService(store.store(), store.clock(), store.session()),
                    store.session(), new SameThreadTaskRunner(e -> null), new UiText(Locale.ENGLISH), store.clock());
            model.refresh();
            assertThat(model.users()).extracting(User::username).containsExactly("admin");
            assertThat(model.auditLog().rows().getFirst().event().action()).isEqualTo(AuditAction.CHART_OPENED);

            model.newUsernameProperty().set("nurse.kim");
            model.newDisplayNameProperty().set("Kim Park");
            model.newRoleProperty().set(Role.CLINICIAN);
            model.newPasswordProperty().set("short");
            model.addUser();
            assertThat(model.newUserErrorProperty().get()).isEqualTo("The password needs at least 12 characters");
            model.newPasswordProperty().set("tulips in the rain");
            model.addUser();
            assertThat(model.newUserErrorProperty().get()).isEmpty();
            assertThat(model.users()).extracting(User::username).contains("nurse.kim");
            assertThat(model.statusProperty().get()).isEqualTo("User nurse.kim added.");

            model.verify();
            assertThat(model.chainIntactProperty().get()).isTrue();
            assertThat(model.verificationProperty().get()).startsWith("Intact");
        }
    }

    @Test
    void anOlderDatabaseFileCopiedBackIsRefusedAtSignIn() throws Exception {
        Path db = dir.resolve("outpost.mv.db");
        Path older = dir.resolveSibling(dir.getFileName() + "-older.mv.db");
        Vault vault;
        try (StoreFixture store = StoreFixture.create(dir, Clock.systemUTC())) {
            store.register("Ivanova", "Olga", Sex.FEMALE, LocalDate.of(1949, 11, 5), "");
            vault = store.vault();
        }
        Files.copy(db, older);
        Vault.Unlocked later = vault.unlock(StoreFixture.ADMIN, StoreFixture.PASSWORD.toCharArray());
        try (StoreFixture store = new StoreFixture(vault, later.store(), later.user(), Clock.systemUTC())) {
            store.register("Petrova", "Anna", Sex.FEMALE, LocalDate.of(1950, 1, 5), "");
        }
        Files.copy(older, db, StandardCopyOption.REPLACE_EXISTING);
        try {
            // refused at sign-in now, before H2 writes to the older copy: the sign-in screen shows why
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> vault.unlock(StoreFixture.ADMIN, StoreFixture.PASSWORD.toCharArray()))
                    .isInstanceOf(org.outpost.app.port.DatabaseDamagedException.class)
                    .hasMessageContaining("replaced by an older copy");
        } finally {
            Files.deleteIfExists(older);
        }
    }
}
