package org.outpost.app.dosing;

import org.outpost.app.model.TableFileException;

/**
 * The warfarin label genotype table cannot be used: a missing header key, a malformed row, a range that is not one,
 * a genotype given twice or missing. The message reads {@code "<file> line <n>: <problem>"}; nothing of a file that
 * fails is used.
 */
public final class WarfarinLabelTableException extends TableFileException {
    private static final long serialVersionUID = 1L;

    WarfarinLabelTableException(String file, int line, String problem) {
        super(file, line, file + " line " + line, problem);
    }
}
