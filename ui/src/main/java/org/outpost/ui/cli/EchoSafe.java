package org.outpost.ui.cli;

/**
 * Makes a whole message safe to print as one line of standard error, as a last guard behind
 * {@link org.outpost.app.validation.Echo} (which caps each piece of input a message quotes): line breaks
 * become spaces, control and invisible formatting characters (escape sequences, bidirectional overrides)
 * become {@code ?}, and the line is cut with an ellipsis. Picocli's usage messages quote a bad option value
 * whole, so without this a 5,000-character argument came back whole, and an escape sequence in it could
 * rewrite the administrator's terminal.
 */
final class EchoSafe {
    /** The longest failure line printed, in characters (code points), before the ellipsis. */
    static final int MAX = 1_000;
    /** The longest usage message (picocli's text quoting the bad value). */
    static final int USAGE_MAX = 300;

    private EchoSafe() {
    }

    static String line(String message) {
        return line(message, MAX);
    }

    static String line(String message, int max) {
        return org.outpost.app.validation.Echo.of(message.replaceAll("\\s*\\R\\s*", " ").strip(), max);
    }
}
