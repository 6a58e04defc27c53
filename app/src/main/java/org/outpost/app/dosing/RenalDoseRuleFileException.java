package org.outpost.app.dosing;

import org.outpost.app.model.TableFileException;

/**
 * A renal dose table file that cannot be used: a malformed row, an unknown severity or measure, overlapping or
 * missing bands. The message reads {@code "<file> line <n>: <problem>"}.
 */
public final class RenalDoseRuleFileException extends TableFileException {
    private static final long serialVersionUID = 1L;

    RenalDoseRuleFileException(String file, int line, String problem) {
        super(file, line, file + " line " + line, problem);
    }
}
