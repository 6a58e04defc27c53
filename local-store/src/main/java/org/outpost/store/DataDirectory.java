package org.outpost.store;

import java.nio.file.Path;
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
}
