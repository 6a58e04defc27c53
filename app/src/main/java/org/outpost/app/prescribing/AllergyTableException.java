package org.outpost.app.prescribing;

import org.outpost.app.model.TableFileException;

/**
 * An allergy cross-reactivity table that cannot be used: a malformed row, a class or medicine the medicines-by-class
 * table does not know, an unknown severity. The message reads {@code "<file> line <n>: <problem>"}; nothing of a
 * file that fails is used.
 */
public final class AllergyTableException extends TableFileException {
    private static final long serialVersionUID = 1L;

    AllergyTableException(String file, int line, String problem) {
        super(file, line, file + " line " + line, problem);
    }
}
