package org.outpost.app.interactions;

import org.outpost.app.model.TableFileException;

/**
 * An interaction table file that cannot be used: a missing header line, a malformed row, an unknown severity, an
 * empty source, a drug on both sides of one row, or a pair given twice. The message reads
 * {@code "<file> line <n>: <problem>"}; nothing of a refused file is used.
 */
public final class InteractionTableException extends TableFileException {
    private static final long serialVersionUID = 1L;

    InteractionTableException(String file, int line, String problem) {
        super(file, line, file + " line " + line, problem);
    }
}
