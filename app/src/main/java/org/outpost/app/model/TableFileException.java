package org.outpost.app.model;

/**
 * A clinical table file (CPIC gene tables, the renal dose table) that cannot be used. The message names the
 * file and, when the problem is on one line, the line, so whoever edits the table finds the row. Thrown only
 * while loading; nothing of a table that fails is used.
 */
public class TableFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param location how the file and line are written into the message, e.g. {@code "rules.tsv line 14"}
     * @param line     the 1-based line the problem is on, or 0 when it concerns the whole file
     */
    protected TableFileException(String file, int line, String location, String problem) {
        super(location + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file as it was named when loading (for a bundled table, its resource name). */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
