package org.outpost.app.port;

/**
 * The user name or password is wrong (or the account is disabled). The message never says which,
 * so it does not help someone guessing user names.
 */
public class WrongCredentialsException extends Exception {
    private static final long serialVersionUID = 1L;

    public static final String MESSAGE = "wrong user name or password";

    public WrongCredentialsException() {
        super(MESSAGE);
    }

    /** For refusals that say more than "wrong" ({@link TooManyAttemptsException}). */
    protected WrongCredentialsException(String message) {
        super(message);
    }
}
