package org.outpost.app.port;

/**
 * The disk, not the database, is the problem: it is full, or the data directory is read-only. Never
 * reported as damage. The message says whether the last change was saved.
 */
public class DiskProblemException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** What was wrong with the disk. */
    public enum Kind {
        /** No space left. */
        FULL,
        /** The data directory (or its file system) cannot be written. */
        READ_ONLY
    }

    private final Kind kind;

    public DiskProblemException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
