package org.outpost.app.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Password rules, shown to the user before they type: at least 12 characters, not the user name, not
 * one character repeated. Length over composition rules, as NIST SP 800-63B (2017, rev. 2024) advises.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static List<Violation> check(String username, char[] password) {
        List<Violation> problems = new ArrayList<>();
        String pw = new String(password);
        if (pw.length() < MIN_LENGTH) {
            problems.add(Violation.of("password", "password.tooShort", MIN_LENGTH));
        } else if (pw.length() > MAX_LENGTH) {
            problems.add(Violation.of("password", "password.tooLong", MAX_LENGTH));
        }
        if (username != null && !username.isBlank()
                && pw.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            problems.add(Violation.of("password", "password.containsUsername"));
        }
        if (!pw.isEmpty() && pw.chars().distinct().count() == 1) {
            problems.add(Violation.of("password", "password.oneCharacter"));
        }
        return problems;
    }

    /** Throws {@link ValidationException} when the password breaks a rule. */
    public static void require(String username, char[] password) {
        List<Violation> problems = check(username, password);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
