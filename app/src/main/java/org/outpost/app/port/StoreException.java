package org.outpost.app.port;

/**
 * A storage failure with a message a user can act on ("the database file is damaged", "the MRN is
 * already in use"). Translated from SQL and I/O errors at the store boundary; the message never
 * contains patient data.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
