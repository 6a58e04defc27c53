package org.outpost.app.port;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
     * Gets ready for a sign-in without opening anything: loads and runs once the code that opening the
     * database needs, so that {@link #unlock} does not wait for it. Called in the background while the sign-in
     * form is shown; touches no file of this data directory and never fails (a failure only loses the head start).
     */
    default void prepare() {
    }

    /**
     * Replaces this directory's database with a backup made by {@link Store#backupTo}. Only an enabled
     * administrator of the <em>current</em> installation may, checked against its current key file and
     * database; the backup is opened with the same user name and password. After the restore the current
     * installation's accounts, roles, disabled flags and passwords stay in force. The restore is audited in
     * both the replaced and the restored log; the replaced database is kept beside it (the last few only).
     * Into an empty directory (a new workstation) the backup's own accounts apply and the user must be an
     * enabled administrator in it.
     */
    default RestoreReport restore(Path backup, String username, char[] password) throws WrongCredentialsException {
        return restore(backup, username, password, Optional.empty());
    }

    /**
     * As {@link #restore(Path, String, char[])}, but the backup is opened with {@code backupLogin} (an
     * administrator's name and password as they were when the backup was made), for when today's
     * administrator is not in the backup or has changed their password since.
     */
    default RestoreReport restore(Path backup, String username, char[] password, BackupLogin backupLogin)
            throws WrongCredentialsException {
        return restore(backup, username, password, Optional.of(backupLogin));
    }

    /** See {@link #restore(Path, String, char[])}; an empty {@code backupLogin} means the same user and password. */
    RestoreReport restore(Path backup, String username, char[] password, Optional<BackupLogin> backupLogin)
            throws WrongCredentialsException;

    /** Who opens the backup itself, when it is not the restoring user with today's password. */
    record BackupLogin(String username, char[] password) {
        public BackupLogin {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }

    /**
     * What a restore did.
     *
     * @param backupCreated when the restored backup was made
     * @param kept          the replaced databases kept beside the new one (newest first), as file names
     * @param removed       older replaced copies removed to keep only the last few
     */
    record RestoreReport(Instant backupCreated, List<String> kept, List<String> removed) {
        public RestoreReport {
            Objects.requireNonNull(backupCreated, "backupCreated");
            kept = List.copyOf(kept);
            removed = List.copyOf(removed);
        }
    }

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
