package org.outpost.ui.console;

/** The admin command line's exit codes, as scripts may rely on them. */
public final class ExitCode {
    /** Done. */
    public static final int OK = 0;
    /** Refused or failed: invalid input, a rule broken, a file problem. */
    public static final int FAILED = 1;
    /** The command line itself was wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** Wrong user name or password, or a disabled account. */
    public static final int WRONG_CREDENTIALS = 3;
    /** {@code verify-audit} found the audit chain broken. */
    public static final int AUDIT_BROKEN = 4;
    /**
     * The password was right but the database file is damaged or missing (truncated, not an Outpost
     * database, failing its checks); the file was left as it is and the message names the last backup.
     */
    public static final int DATABASE_DAMAGED = 5;
    /** The disk is full or the data directory is read-only; the message says whether anything was saved. */
    public static final int DISK_PROBLEM = 6;
    /**
     * Too many failed sign-ins for this user name or on this workstation: the attempt was refused without
     * checking the password; the message says how many seconds to wait (at most 5 minutes).
     */
    public static final int TOO_MANY_ATTEMPTS = 7;
    /** {@code verify} found the database damaged: the same code as a damaged file found at sign-in. */
    public static final int DAMAGED = DATABASE_DAMAGED;

    private ExitCode() {
    }
}
