package org.outpost.interop.monitoring;

/**
 * Told how far a read has come (every 64 KiB or so, on the reading thread); returns false to cancel it, which ends the
 * read with a {@link java.util.concurrent.CancellationException} and no result.
 */
@FunctionalInterface
public interface ReadProgress {
    /** Reads to the end. */
    ReadProgress NONE = (read, total) -> true;

    /**
     * @param bytesRead  bytes of the file read so far
     * @param bytesTotal the file's size
     * @return whether to go on
     */
    boolean proceed(long bytesRead, long bytesTotal);
}
