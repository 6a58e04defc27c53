package org.outpost.app.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    @Test
    void acceptsALongPassphrase() {
        assertThat(PasswordPolicy.check("amina", "river stone lantern".toCharArray())).isEmpty();
    }

    @Test
    void refusesShortRepeatedOrUserNamePasswords() {
        assertThat(PasswordPolicy.check("amina", "short".toCharArray()))
                .extracting(Violation::key).containsExactly("password.tooShort");
        assertThat(PasswordPolicy.check("amina", "xxAMINAxxxxxxx".toCharArray()))
                .extracting(Violation::key).containsExactly("password.containsUsername");
        assertThat(PasswordPolicy.check("amina", "aaaaaaaaaaaaaaaa".toCharArray()))
                .extracting(Violation::key).containsExactly("password.oneCharacter");
    }

    @Test
    void requireThrowsWithEveryProblem() {
        assertThatThrownBy(() -> PasswordPolicy.require("bob", "bob".toCharArray()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::key).containsExactlyInAnyOrder("password.tooShort", "password.containsUsername"));
    }
}
