package org.outpost.app.results;

import org.outpost.app.model.TableFileException;

/**
 * A reference range table file that cannot be used: a malformed row, an unknown measure, a unit that is not the
 * measure's canonical unit, limits out of order, a measure given twice for one sex. The message reads
 * {@code "<file> line <n>: <problem>"}.
 */
public final class ReferenceRangeFileException extends TableFileException {
    private static final long serialVersionUID = 1L;

    ReferenceRangeFileException(String file, int line, String problem) {
        super(file, line, file + " line " + line, problem);
    }
}
