package org.outpost.app.port;

import java.util.List;
import java.util.Optional;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;

/**
 * User accounts of an unlocked store. Each account has a key slot: the database key wrapped with a key
 * derived from that user's password. Every change is audited with the acting user's name.
 */
public interface Accounts {
    List<User> list();

    Optional<User> find(String username);

    /** Adds an enabled account with its own key slot. */
    User add(String actor, String username, String displayName, Role role, char[] password);

    /** Disables an account and removes its key slot, so its password no longer opens the database. */
    void disable(String actor, String username);

    /** Re-enables an account with a new password (a disabled account has no key slot left). */
    void enable(String actor, String username, char[] newPassword);

    /** The user changes their own password; the old one must be right. */
    void changePassword(String username, char[] oldPassword, char[] newPassword) throws WrongCredentialsException;

    /** An administrator sets a new password for someone who forgot theirs. */
    void resetPassword(String actor, String username, char[] newPassword);
}
