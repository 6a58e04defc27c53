package org.outpost.ui.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.outpost.ui.console.ExitCode;

/** The check every secret-bearing file option shares (passwords, the sync token, the content signing key). */
final class OwnerOnlyFile {
    private OwnerOnlyFile() {
    }

    /**
     * Fails unless {@code file} is a regular file that, on POSIX file systems, neither group nor others can read
     * or write.
     *
     * @param shown   how messages name it, e.g. "the token file /home/it/token"
     * @param outcome the end of the refusal, e.g. "nothing was done"
     */
    static void require(Path file, String shown, String outcome) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(ExitCode.FAILED, shown + " does not exist or is not a file");
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            var permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new CliFailure(ExitCode.FAILED, shown + " can be read by others: make it owner-only (chmod 600) "
                        + "first; " + outcome);
            }
        }
    }
}
