package org.outpost.app.port;

/**
 * The password was right (the key slot opened) but the database file cannot be used: missing,
 * truncated, not an Outpost database, or failing its checks. Nothing was changed: the file is left
 * byte-for-byte as found, for an expert or a restore. The message names the last backup when one is
 * known.
 */
public class DatabaseDamagedException extends StoreException {
    private static final long serialVersionUID = 1L;

    public DatabaseDamagedException(String message) {
        super(message);
    }
}
