package org.outpost.ui.cli.calc;

/** Ends {@code admin calc} with an exit code and one line for standard error. */
final class CalcFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CalcFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
