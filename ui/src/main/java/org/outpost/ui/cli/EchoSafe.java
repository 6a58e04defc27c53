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
        String m = message.replaceAll("\\s*\\R\\s*", " ").strip();
        StringBuilder out = new StringBuilder(Math.min(m.length(), max + 1));
        int count = 0;
        for (int i = 0; i < m.length(); ) {
            int cp = m.codePointAt(i);
            i += Character.charCount(cp);
            if (count == max) {
                out.append('…');
                break;
            }
            boolean unsafe = Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.SURROGATE;
            out.appendCodePoint(unsafe ? '?' : cp);
            count++;
        }
        return out.toString();
    }
}
