package org.outpost.interop.monitoring;

import java.io.Serial;
import java.math.BigDecimal;
import java.math.MathContext;
import org.outpost.app.monitoring.Measure;

/** Strict parsing of the numbers in series files, and the wording of value errors. */
final class Values {
    /** Longest value quoted back in a message. */
    private static final int QUOTE_MAX = 40;

    private Values() {
    }

    /**
     * A plain decimal number ({@code 72}, {@code -1.5}, {@code 5.}); not {@code NaN}, {@code 1e3}, {@code 0x1p3} or
     * {@code 12d}, which {@link Double#parseDouble} would take.
     */
    static double number(String cell) throws BadValue {
        String s = cell.strip();
        int digits = 0;
        int dots = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.') {
                dots++;
            } else if (!(i == 0 && (c == '-' || c == '+'))) {
                digits = -1;
                break;
            }
        }
        if (digits <= 0 || dots > 1 || n > 30) {
            throw new BadValue(quote(cell) + " is not a number");
        }
        return Double.parseDouble(s);
    }

    /** {@code value} (in {@code measure}'s unit) if plausible; else the error naming it and the range. */
    static double plausible(Measure measure, double value, String given) throws BadValue {
        if (!measure.plausible(value)) {
            throw new BadValue(Units.name(measure) + " " + format(value) + " " + measure.unit()
                    + given + " is not a plausible reading (" + format(measure.min()) + "–" + format(measure.max())
                    + " " + measure.unit() + ")");
        }
        return value;
    }

    /** A cell quoted for a message: in quotes, cut short if long, control characters shown as '?'. */
    static String quote(String cell) {
        String s = cell.length() > QUOTE_MAX ? cell.substring(0, QUOTE_MAX) + "…" : cell;
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.append('\'').toString();
    }

    /** A number as people write it: 7500, 5.5, 0.0454 (up to 6 significant digits). */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** What is wrong with one value; the caller says where (line or entry). No stack trace: it is a message. */
    static final class BadValue extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        BadValue(String problem) {
            super(problem, null, false, false);
        }
    }
}
