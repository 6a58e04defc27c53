package org.outpost.interop.monitoring;

import java.io.Serial;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import org.outpost.app.monitoring.Measure;

/** Strict parsing of the numbers and times in series files, and the wording of their errors. */
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

    /**
     * A date and time: ISO-8601 with an offset ({@code 2016-04-12T07:21:00+02:00}, {@code ...Z}) when
     * {@code offsetAllowed}, or local ({@code 2016-04-12T07:21:00}, a space for the T allowed) taken in {@code zone}.
     * Returns epoch milliseconds.
     */
    static long dateTime(String cell, ZoneId zone, boolean offsetAllowed) throws BadValue {
        String s = cell.strip();
        try {
            if (s.length() == 19) {
                LocalDateTime fast = fastLocal(s);
                if (fast != null) {
                    return toEpochMilli(fast, zone);
                }
            }
            String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
            if (hasOffset(iso)) {
                if (!offsetAllowed) {
                    throw new BadValue(quote(cell) + " has a time zone offset; this format has local times");
                }
                return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            }
            return toEpochMilli(LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME), zone);
        } catch (DateTimeException | ArithmeticException e) {
            throw new BadValue(quote(cell) + " is not a date and time");
        }
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

    static long toEpochMilli(LocalDateTime time, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            ZoneOffset offset = rules.getOffset(time);
            return Math.multiplyExact(time.toEpochSecond(offset), 1000L) + time.getNano() / 1_000_000;
        }
        return time.atZone(zone).toInstant().toEpochMilli();
    }

    /** What is wrong with one value; the caller says where (line or entry). No stack trace: it is a message. */
    static final class BadValue extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        BadValue(String problem) {
            super(problem, null, false, false);
        }
    }

    private static boolean hasOffset(String iso) {
        if (iso.endsWith("Z") || iso.endsWith("z")) {
            return true;
        }
        int t = iso.indexOf('T');
        return t > 0 && (iso.indexOf('+', t) > 0 || iso.indexOf('-', t) > 0);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} (or a space for the T) without the formatter's cost; null if not that shape. */
    private static LocalDateTime fastLocal(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second); // DateTimeException if out of range
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
