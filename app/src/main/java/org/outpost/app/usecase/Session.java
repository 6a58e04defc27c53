package org.outpost.app.usecase;

import java.util.Objects;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.User;

/** The logged-in user. Every use case acts on behalf of one. */
public record Session(User user) {
    public Session {
        Objects.requireNonNull(user, "user");
    }

    public String username() {
        return user.username();
    }

    /** Throws {@link NotPermittedException} (a {@link SecurityException}) unless the user's role grants the permission. */
    public void require(Permission permission) {
        if (!user.role().may(permission)) {
            throw new NotPermittedException(user.role(), permission);
        }
    }
}
