package org.outpost.app.dosing;

import org.outpost.app.model.TableFileException;

/**
 * A dose-limit table file that cannot be used: a missing header key, a malformed row, a number that is not one, a
 * maximum below the usual range, a drug and route given twice. The message reads
 * {@code "<file> line <n>: <problem>"}; nothing of a file that fails is used.
 */
public final class DoseLimitFileException extends TableFileException {
    private static final long serialVersionUID = 1L;

    DoseLimitFileException(String file, int line, String problem) {
        super(file, line, file + " line " + line, problem);
    }
}
