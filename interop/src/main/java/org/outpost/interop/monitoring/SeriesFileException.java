package org.outpost.interop.monitoring;

import java.io.Serial;

/**
 * A series file that cannot be imported, with a message for the user naming the line (CSV) or the entry (FHIR) and
 * what is wrong there. Nothing of the file is imported. The message never holds the patient details some exports
 * carry (a Dexcom export's name and birth date rows) nor the file's path; it may quote the offending value.
 */
public final class SeriesFileException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public SeriesFileException(String message) {
        super(message);
    }

    public SeriesFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem on line {@code line} (1 = the first line of the file, the header). */
    static SeriesFileException atLine(long line, String problem) {
        return new SeriesFileException("Line " + line + ": " + problem);
    }
}
