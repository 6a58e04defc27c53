package org.outpost.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.Role;
import org.outpost.app.validation.Messages;

/** A refused action says in words what the role may not do, never a permission's constant. */
class NotPermittedTest {
    @Test
    void aClinicianManagingUsersIsToldWhatTheyMayNotDo() {
        Session clinician = new Session(new org.outpost.app.domain.User("dr.ada", "Ada", Role.CLINICIAN, true));
        assertThatThrownBy(() -> clinician.require(Permission.MANAGE_USERS))
                .isInstanceOf(SecurityException.class)
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("Your role (clinician) may not manage user accounts (or run the administrator's checks and tools).");
    }

    @ParameterizedTest
    @EnumSource(Permission.class)
    void everyPermissionHasWords(Permission permission) {
        String text = new NotPermittedException(Role.PHARMACIST, permission).text(new Messages(Locale.ENGLISH));
        assertThat(text).startsWith("Your role (pharmacist) may not ").endsWith(".")
                .doesNotContain(permission.name()).doesNotContain("_").doesNotContain("{");
    }
}
