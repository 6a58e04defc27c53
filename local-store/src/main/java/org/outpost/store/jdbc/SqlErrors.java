package org.outpost.store.jdbc;

import java.sql.SQLException;
import org.outpost.app.port.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link SQLException}s into {@link StoreException}s a user can act on. H2's own messages often
 * quote the offending values (names, MRNs), so they are never copied into the new exception, chained as
 * its cause or logged: only the SQL state and H2 error code travel on, as a copyable error code.
 */
public final class SqlErrors {
    /** What a user is told when the file cannot be opened as an Outpost database. */
    public static final String DAMAGED = "The database file is damaged or is not an Outpost database";

    private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);

    private SqlErrors() {
    }

    /**
     * A user-facing exception for a failed {@code action} (e.g. "save the patient").
     *
     * @param action what was being done, in words; never patient data
     */
    public static StoreException translate(SQLException e, String action) {
        int code = e.getErrorCode();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        LOG.debug("Could not {}: SQL state {}, H2 error {}", action, state, code);
        String ref = " (error " + code + ")";
        var disk = DiskProblems.fromCauses(e, "the last change was not saved.");
        if (disk.isPresent()) {
            return disk.get(); // a full or read-only disk is never "damaged"
        }
        return switch (code) {
            case 23505 -> new StoreException("Could not " + action + ": a record with the same unique value already exists" + ref);
            case 23503, 23506 -> new StoreException("Could not " + action + ": it refers to a record that does not exist" + ref);
            case 50200, 40001 -> new StoreException("Could not " + action + ": the database is busy, try again" + ref);
            case 90020 -> new StoreException("The database is open in another program; close it there first");
            case 90030, 90048, 90049, 28000, 90013 -> new StoreException(DAMAGED);
            case 90098 -> new StoreException("The database was closed; unlock it again");
            case 90097 -> new org.outpost.app.port.DiskProblemException(org.outpost.app.port.DiskProblemException.Kind.READ_ONLY,
                    "The data directory cannot be written (read-only disk or folder), so H2 opened the database"
                            + " read-only: " + action + " was not possible and nothing was changed. Make it writable"
                            + " for this user and try again.");
            default -> new StoreException("Could not " + action + ": database error" + ref);
        };
    }

    /** True for a unique-constraint violation. */
    public static boolean isDuplicate(SQLException e) {
        return e.getErrorCode() == 23505;
    }
}
