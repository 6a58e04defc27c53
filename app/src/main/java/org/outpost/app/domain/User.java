package org.outpost.app.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A workstation account. The password never lives here; only the key vault sees it. */
public record User(String username, String displayName, Role role, boolean enabled) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

    public User {
        username = normaliseUsername(username);
        Objects.requireNonNull(role, "role");
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
    }

    /** Lower-cases and checks a user name: 2–32 of a–z, 0–9, dot, dash, underscore. */
    public static String normaliseUsername(String username) {
        String n = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException(
                    "A user name has 2 to 32 characters: letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        return n;
    }
}
