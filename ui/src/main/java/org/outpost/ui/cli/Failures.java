package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.outpost.app.port.DatabaseDamagedException;
import org.outpost.app.port.DiskProblemException;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.TooManyAttemptsException;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.app.validation.Messages;
import org.outpost.app.validation.ValidationException;

/**
 * Turns whatever ended a command into its exit code and one line for standard error. Messages of the
 * app's own exceptions are written for users and carry no patient data; anything unexpected is named
 * by its type only, since its message could carry anything.
 */
final class Failures {
    /** Set this environment variable to 1 to get the stack trace of an unexpected failure. */
    static final String DEBUG_VARIABLE = "OUTPOST_DEBUG";

    private final CliContext context;
    private final Messages messages;

    Failures(CliContext context) {
        this.context = context;
        this.messages = new Messages(Locale.getDefault());
    }

    int report(Exception failure) {
        Outcome outcome = outcome(failure);
        context.err().println(oneLine(outcome.message()));
        if (outcome.unexpected() && "1".equals(context.environment().get(DEBUG_VARIABLE))) {
            failure.printStackTrace(context.err());
        }
        context.err().flush();
        return outcome.exitCode();
    }

    private record Outcome(int exitCode, String message, boolean unexpected) { }

    private Outcome outcome(Exception e) {
        return switch (e) {
            case CliFailure f -> new Outcome(f.exitCode(), f.getMessage(), false);
            case TooManyAttemptsException t -> new Outcome(ExitCode.TOO_MANY_ATTEMPTS,
                    "too many failed attempts: try again in " + t.seconds() + " s", false);
            case WrongCredentialsException w -> new Outcome(ExitCode.WRONG_CREDENTIALS, WrongCredentialsException.MESSAGE, false);
            case ValidationException v -> new Outcome(ExitCode.FAILED,
                    v.violations().stream().map(messages::text).collect(Collectors.joining("; ")), false);
            case DatabaseDamagedException d -> new Outcome(ExitCode.DATABASE_DAMAGED, d.getMessage(), false);
            case DiskProblemException d -> new Outcome(ExitCode.DISK_PROBLEM, d.getMessage(), false);
            case StoreException s -> new Outcome(ExitCode.FAILED, s.getMessage(), false);
            case org.outpost.app.usecase.NotPermittedException n -> new Outcome(ExitCode.FAILED, n.text(messages), false);
            case SecurityException s -> new Outcome(ExitCode.FAILED, s.getMessage(), false);
            case IllegalArgumentException i -> new Outcome(ExitCode.FAILED, i.getMessage(), false);
            case UncheckedIOException io -> new Outcome(ExitCode.FAILED, io.getMessage() + ": "
                    + io.getCause().getMessage(), false);
            case IOException io -> new Outcome(ExitCode.FAILED, "file problem: " + io.getMessage(), false);
            default -> new Outcome(ExitCode.FAILED, "unexpected failure (" + e.getClass().getName()
                    + "); nothing more is shown because it could contain patient data (set " + DEBUG_VARIABLE
                    + "=1 for details)", true);
        };
    }

    private static String oneLine(String message) {
        return EchoSafe.line(message == null || message.isBlank() ? "failed" : message);
    }
}
