package org.outpost.store.jdbc;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Optional;
import org.outpost.app.port.DiskProblemException;
import org.outpost.app.port.StoreException;

/**
 * Tells a full or read-only disk from a damaged database. A failed write whose cause is the disk must be
 * reported as such ("disk full: the last change was not saved"), never as damage, so nobody restores a
 * backup over a good database. Only the operating system's words for the error are looked at (the
 * messages of {@link IOException}s, which carry file names, never SQL values); H2's own messages are not.
 */
public final class DiskProblems {
    private DiskProblems() {
    }

    /**
     * The disk problem behind {@code failure} in {@code dir}, if there is one: the operating system's error
     * in its causes, a refused access, or else the state of {@code dir}'s file system now.
     */
    public static Optional<DiskProblemException> diagnose(Path dir, Throwable failure, String whatHappened) {
        Optional<DiskProblemException> named = fromCauses(failure, whatHappened);
        if (named.isPresent()) {
            return named;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return Optional.of(readOnly(whatHappened));
            }
        }
        FileStore store = fileStore(dir);
        if (store != null) {
            try {
                if (store.isReadOnly()) {
                    return Optional.of(readOnly(whatHappened));
                }
                if (store.getUsableSpace() == 0) {
                    return Optional.of(full(whatHappened));
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The disk problem named by {@code failure}'s causes alone (the operating system's error), for places
     * that do not know the directory.
     */
    public static Optional<DiskProblemException> fromCauses(Throwable failure, String whatHappened) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ReadOnlyFileSystemException
                    || (t instanceof IOException io && mentions(io, "Read-only file system"))) {
                return Optional.of(readOnly(whatHappened));
            }
            if (t instanceof IOException io && (mentions(io, "No space left") || mentions(io, "not enough space"))) {
                return Optional.of(full(whatHappened));
            }
        }
        return Optional.empty();
    }

    /** {@link #diagnose} for a failure before anything was saved, or {@code otherwise}. */
    public static StoreException orElse(Path dir, Throwable failure, String otherwise) {
        return orElse(dir, failure, new StoreException(otherwise));
    }

    /** {@link #diagnose} for a failure before anything was saved, or {@code otherwise}. */
    public static StoreException orElse(Path dir, Throwable failure, StoreException otherwise) {
        return diagnose(dir, failure, "Nothing was changed.").map(StoreException.class::cast).orElse(otherwise);
    }

    private static DiskProblemException full(String whatHappened) {
        return new DiskProblemException(DiskProblemException.Kind.FULL, "The disk holding the data directory is full: "
                + whatHappened + " Free some space (or move the data directory to a larger disk) and try again.");
    }

    private static DiskProblemException readOnly(String whatHappened) {
        return new DiskProblemException(DiskProblemException.Kind.READ_ONLY, "The data directory cannot be written"
                + " (read-only disk or folder): " + whatHappened
                + " Make it writable for this user and try again.");
    }

    private static boolean mentions(IOException e, String words) {
        String m = e.getMessage();
        return m != null && m.contains(words);
    }

    /** The file store of {@code dir} or of its nearest existing parent. */
    private static FileStore fileStore(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p);
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
