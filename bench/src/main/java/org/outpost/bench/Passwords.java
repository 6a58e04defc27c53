package org.outpost.bench;

import java.util.Arrays;
import org.outpost.store.keys.DataKey;

/**
 * Splits the H2 password the store derives from its data key ({@code "<file key> <user password>"}, see
 * {@code local-store/README.md}) into H2's two parts: the file part encrypts pages, the user part is the
 * SQL user's password, which an unencrypted copy of the file still needs.
 */
final class Passwords {
    private Passwords() {
    }

    static char[] filePart(DataKey key) {
        char[] both = key.h2Password();
        try {
            return Arrays.copyOfRange(both, 0, space(both));
        } finally {
            Arrays.fill(both, '\0');
        }
    }

    static char[] userPart(DataKey key) {
        char[] both = key.h2Password();
        try {
            return Arrays.copyOfRange(both, space(both) + 1, both.length);
        } finally {
            Arrays.fill(both, '\0');
        }
    }

    static char[] both(DataKey key) {
        return key.h2Password();
    }

    private static int space(char[] password) {
        for (int i = 0; i < password.length; i++) {
            if (password[i] == ' ') {
                return i;
            }
        }
        throw new IllegalStateException("The store's H2 password has no file part");
    }
}
