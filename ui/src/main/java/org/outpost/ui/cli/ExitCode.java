package org.outpost.ui.cli;

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
     * {@code verify} found the database damaged (a row failing its MAC, an unreadable table or index, a broken
     * audit chain, or a file H2 cannot open): distinct from 1 so a script can tell "damaged, restore a backup"
     * from "could not run".
     */
    public static final int DAMAGED = 5;

    private ExitCode() {
    }
}
