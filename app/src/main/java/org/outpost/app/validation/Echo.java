package org.outpost.app.validation;

/**
 * What a message may repeat of something a user typed or a file contained: at most {@link #MAX} characters,
 * control characters shown as {@code ?}, so a 10 MB string or an escape sequence never reaches a terminal,
 * a log or a dialog whole.
 */
public final class Echo {
    /** The longest echo. */
    public static final int MAX = 120;

    private Echo() {
    }

    /** {@code text} made safe to repeat in a message, at most {@link #MAX} characters. */
    public static String of(String text) {
        return of(text, MAX);
    }

    /**
     * {@code text} made safe to repeat: at most {@code max} characters (code points), then an ellipsis;
     * control, invisible formatting (escape sequences, bidirectional overrides), unassigned and lone
     * surrogate characters shown as {@code ?}.
     */
    public static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (count == max) {
                out.append('\u2026');
                break;
            }
            int type = Character.getType(cp);
            boolean unsafe = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.SURROGATE;
            out.appendCodePoint(unsafe ? '?' : cp);
            count++;
        }
        return out.toString();
    }
}
