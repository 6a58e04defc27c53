package org.outpost.store;

import java.nio.file.Path;
import org.outpost.store.keys.SecureFiles;

/** Whether permission assertions apply on this file system. */
final class SecureFilesSupport {
    private SecureFilesSupport() {
    }

    static boolean posix(Path dir) {
        return SecureFiles.isPosix(dir);
    }
}
