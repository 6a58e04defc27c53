package org.outpost.app.problems;

import org.outpost.app.model.TableFileException;

/** A problem catalogue file that cannot be used; the message reads {@code "<file> line <n>: <problem>"}. */
public final class ProblemCatalogueException extends TableFileException {
    private static final long serialVersionUID = 1L;

    ProblemCatalogueException(String file, int line, String problem) {
        super(file, line, file + " line " + line, problem);
    }
}
