package org.outpost.app.medicines;

import org.outpost.app.model.TableFileException;

/**
 * A medicines-by-class table file that cannot be used: a malformed row, an undeclared class, an ATC code not
 * written as the index writes it, a name given to two medicines. The message reads {@code "<file> line <n>:
 * <problem>"}.
 */
public final class DrugClassFileException extends TableFileException {
    private static final long serialVersionUID = 1L;

    DrugClassFileException(String file, int line, String problem) {
        super(file, line, file + " line " + line, problem);
    }
}
