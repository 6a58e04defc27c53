package org.outpost.app.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a user account is for; each role grants a fixed set of permissions. */
public enum Role {
    CLINICIAN(EnumSet.of(Permission.VIEW_CHART, Permission.EDIT_PATIENT, Permission.RECORD_OBSERVATION,
            Permission.PRESCRIBE)),
    PHARMACIST(EnumSet.of(Permission.VIEW_CHART, Permission.EDIT_PATIENT, Permission.RECORD_OBSERVATION,
            Permission.REVIEW_ORDERS)),
    /** Small clinics often have one person doing everything, so an admin may also chart. */
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role '" + code + "': use clinician, pharmacist or admin", e);
        }
    }
}
