package org.outpost.sync.transport;

/**
 * The sync settings cannot be used as they are (an insecure address, an unreadable CA file, a bad site id). The
 * message is meant for the person fixing the settings and never contains patient data, nor the bearer token.
 */
public final class SyncSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SyncSetupException(String message) {
        super(message);
    }

    public SyncSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
