package org.outpost.app.usecase;

import java.util.Locale;
import java.util.Objects;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.Role;
import org.outpost.app.validation.Messages;

/**
 * The user's role does not grant what was asked. Says in words what the user may not do ("Your role (clinician)
 * may not manage user accounts"), never the permission's constant; {@link #text} gives it in the user's language.
 */
public final class NotPermittedException extends SecurityException {
    private static final long serialVersionUID = 1L;

    private final Role role;
    private final Permission permission;

    public NotPermittedException(Role role, Permission permission) {
        super(text(new Messages(Locale.ENGLISH), role, permission));
        this.role = Objects.requireNonNull(role, "role");
        this.permission = Objects.requireNonNull(permission, "permission");
    }

    public Role role() {
        return role;
    }

    public Permission permission() {
        return permission;
    }

    /** The refusal in the language of {@code messages}. */
    public String text(Messages messages) {
        return text(messages, role, permission);
    }

    private static String text(Messages messages, Role role, Permission permission) {
        return messages.text("permission.denied", role.code(), messages.text("permission." + permission.name()));
    }
}
