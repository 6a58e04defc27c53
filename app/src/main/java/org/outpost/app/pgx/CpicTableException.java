package org.outpost.app.pgx;

import org.outpost.app.model.TableFileException;

/**
 * A CPIC table that cannot be used, e.g. {@code recommendations-warfarin.tsv:14: unknown CYP2C9 phenotype
 * 'CYP2C9 slow metabolizer'} (no line number when the problem concerns the whole file).
 */
public final class CpicTableException extends TableFileException {
    private static final long serialVersionUID = 1L;

    /** @param line the 1-based line the problem is on, or 0 when it concerns the whole file */
    public CpicTableException(String file, int line, String problem) {
        super(file, line, file + (line > 0 ? ":" + line : ""), problem);
    }
}
