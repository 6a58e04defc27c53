package org.outpost.app.pgx;

/**
 * A CPIC table that cannot be used: the message names the file and, when it is about one line, the line,
 * e.g. {@code recommendations-warfarin.tsv:14: unknown CYP2C9 phenotype 'CYP2C9 slow metabolizer'}. Thrown
 * only while loading; nothing of a bundle that fails is used.
 */
public final class CpicTableException extends RuntimeException {
    private final String file;
    private final int line;

    /** @param line the 1-based line the problem is on, or 0 when it concerns the whole file */
    public CpicTableException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
