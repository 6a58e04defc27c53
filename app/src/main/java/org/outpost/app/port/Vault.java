package org.outpost.app.port;

import java.nio.file.Path;
import org.outpost.app.domain.User;

/**
 * The encrypted database in one data directory and the key slots that open it. Nothing in it is
 * readable without a user's password.
 */
public interface Vault {

    /** The directory holding the database and its key slots. */
    Path dataDirectory();

    /** True once {@link #create} has run in this directory. */
    boolean isInitialized();

    /**
     * Creates a new database with a random data key and its first (admin) account, and returns it
     * unlocked. Fails if the directory already holds a database.
     */
    Unlocked create(String adminUsername, String displayName, char[] password);

    /**
     * Opens the database with a user's password. A wrong user name or password throws
     * {@link WrongCredentialsException} before the database file is touched; the failure is recorded
     * and appended to the audit log at the next successful unlock.
     */
    Unlocked unlock(String username, char[] password) throws WrongCredentialsException;

    /**
     * Replaces this directory's database with a backup made by {@link Store#backupTo}, after checking
     * that {@code username}'s password opens the backup. The replaced files are kept beside it.
     */
    void restore(Path backup, String username, char[] password) throws WrongCredentialsException;

    /**
     * Replaces the data key: re-encrypts the database under a new random key and gives it to every enabled
     * user (no passwords needed), so an old copy of the key file with an old password, or a disabled
     * user's slot, no longer opens the database. Needs {@code adminUsername}'s password and the database
     * closed everywhere. A crash part-way leaves the old or the new database with its matching keys; the
     * next open finishes or discards the rotation.
     */
    KeyRotationReport rotateKey(String adminUsername, char[] password) throws WrongCredentialsException;

    /** An open store and the user who opened it. */
    record Unlocked(Store store, User user) { }
}
