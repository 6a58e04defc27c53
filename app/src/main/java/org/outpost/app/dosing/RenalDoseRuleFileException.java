package org.outpost.app.dosing;

/**
 * A renal dose table file that cannot be used: a malformed row, an unknown severity or measure, overlapping or
 * missing bands. The message names the file and the line, so whoever edits the table can find the row.
 */
public final class RenalDoseRuleFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    RenalDoseRuleFileException(String file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file as it was named when loading (for the bundled table, its resource name). */
    public String file() {
        return file;
    }

    /** The 1-based line the problem is on. */
    public int line() {
        return line;
    }
}
