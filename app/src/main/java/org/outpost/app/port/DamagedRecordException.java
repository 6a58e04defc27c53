package org.outpost.app.port;

import java.util.Objects;

/**
 * A stored row failed its integrity check (its MAC does not match its values): the value read is not the
 * value written, so it must not be shown or used. Screens show the item as damaged and point to a backup
 * instead of showing a wrong value. Carries the table and the row's key (ids only, never patient data).
 */
public final class DamagedRecordException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String rowId;

    public DamagedRecordException(String table, String rowId) {
        super("A stored record is damaged (" + Objects.requireNonNull(table) + " row " + Objects.requireNonNull(rowId)
                + ") and is not shown: restore from a backup (run 'outpost admin verify' for the full list)");
        this.table = table;
        this.rowId = rowId;
    }

    /** The table of the damaged row. */
    public String table() {
        return table;
    }

    /** The row's primary key, as text (ids only). */
    public String rowId() {
        return rowId;
    }
}
