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

    /** {@code text} made safe to repeat in a message. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        int end = Math.min(text.length(), MAX);
        StringBuilder out = new StringBuilder(end + 1);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
        }
        if (text.length() > MAX) {
            out.append('\u2026');
        }
        return out.toString();
    }
}
