package org.outpost.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.outpost.app.port.StoreException;
import org.outpost.app.validation.Echo;
import org.outpost.store.keys.KeySlotFile;

/**
 * The files of one data directory.
 *
 * @param root the directory
 */
record DataDirectory(Path root) {
    /** H2's database name (the file is {@code outpost.mv.db}). */
    static final String DB_NAME = "outpost";
    static final String DB_FILE = DB_NAME + ".mv.db";
    static final String FAILED_LOGINS = "failed-logins.log";
    /** Held (OS file lock) while a database is created here, so two creators never meet. */
    static final String CREATE_LOCK = ".outpost-create.lock";
    /** A database being built, before it is moved into place. */
    static final String STAGING_PREFIX = ".creating-";
    /** Where and when the last backup was written (so a damaged database can name it). */
    static final String LAST_BACKUP = "last-backup.properties";
    /** What may already be in a folder that is to become a new data directory. */
    private static final List<String> ALLOWED_BEFORE_CREATE = List.of("clinical-content", "logs", CREATE_LOCK);

    DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    Path database() {
        return root.resolve(DB_FILE);
    }

    Path keys() {
        return root.resolve(KeySlotFile.NAME);
    }

    /** The audit chain's head, anchored outside the database ({@link AuditAnchor}). */
    Path auditAnchor() {
        return root.resolve(AuditAnchor.FILE);
    }

    Path failedLogins() {
        return root.resolve(FAILED_LOGINS);
    }

    Path createLock() {
        return root.resolve(CREATE_LOCK);
    }

    Path lastBackup() {
        return root.resolve(LAST_BACKUP);
    }

    /** The directory as a user may see it in a message (capped, no control characters). */
    String shown() {
        return Echo.of(root.toString());
    }

    /**
     * Refuses a place that cannot become a new data directory, before anything is touched: a file, or a
     * folder holding things that are not Outpost's (an empty folder, or one holding only an IT
     * installer's clinical-content updates, is fine; a folder with a database "already holds" one).
     */
    void requireCreatable() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new StoreException("The data directory " + shown() + " is a file, not a folder: choose a folder");
        }
        if (!Files.isDirectory(root)) {
            return;
        }
        if (Files.exists(database()) || Files.exists(keys())) {
            throw new StoreException("This data directory already holds an Outpost database");
        }
        try (Stream<Path> entries = Files.list(root)) {
            List<String> foreign = entries.map(p -> Objects.requireNonNull(p.getFileName(), "a folder entry has a name").toString())
                    .filter(n -> !ALLOWED_BEFORE_CREATE.contains(n) && !n.startsWith(STAGING_PREFIX))
                    .sorted().limit(3).toList();
            if (!foreign.isEmpty()) {
                throw new StoreException("The folder " + shown() + " is not empty and is not an Outpost data directory ("
                        + Echo.of(String.join(", ", foreign)) + " …): choose an empty or new folder");
            }
        } catch (IOException e) {
            throw new StoreException("The data directory " + shown() + " cannot be read: check its permissions");
        }
    }

    /** The sign-in throttle's counters and the failed-login record's chain ({@link LoginGuardState}). */
    Path loginGuard() {
        return root.resolve(LoginGuardState.FILE);
    }
}
