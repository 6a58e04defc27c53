package org.outpost.interop.monitoring;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.List;
import org.outpost.interop.monitoring.Values.BadValue;

/**
 * Reads the times of one file: ISO-8601 with an offset ({@code 2016-04-12T07:21:00+02:00}, {@code ...Z}), or local
 * ({@code 2016-04-12T07:21:00}, a space for the T allowed; Fitbit and Dexcom write these) taken in the zone given.
 * Local times in the hour a clock goes back happen twice: the first pass is read with the summer offset and, once the
 * file's times have run past it, the repeat with the winter one, so a chronological export keeps both hours instead of
 * folding them onto one. A local time in the hour skipped in spring does not exist; it is moved on by the gap, as
 * {@link LocalDateTime#atZone} does.
 */
final class Times {
    private final ZoneId zone;
    private final ZoneRules rules;
    private long last = Long.MIN_VALUE;

    Times(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    /** The time in {@code cell} as epoch milliseconds. */
    long read(String cell) throws BadValue {
        String s = cell.strip();
        long millis;
        try {
            LocalDateTime fast = s.length() == 19 ? fastLocal(s) : null;
            if (fast != null) {
                millis = local(fast);
            } else {
                String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
                millis = hasOffset(iso)
                        ? OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli()
                        : local(LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            }
        } catch (DateTimeException | ArithmeticException e) {
            throw new BadValue(Values.quote(cell) + " is not a date and time");
        }
        last = millis;
        return millis;
    }

    private long local(LocalDateTime time) {
        if (rules.isFixedOffset()) {
            return epochMilli(time, rules.getOffset(time));
        }
        List<ZoneOffset> offsets = rules.getValidOffsets(time);
        if (offsets.size() == 1) {
            return epochMilli(time, offsets.getFirst());
        }
        if (offsets.isEmpty()) {
            return time.atZone(zone).toInstant().toEpochMilli(); // in a spring gap: moved on by the gap
        }
        long first = epochMilli(time, offsets.get(0)); // overlap: the offset before the transition comes first
        long second = epochMilli(time, offsets.get(1));
        long earlier = Math.min(first, second);
        long later = Math.max(first, second);
        return earlier < last && later >= last ? later : earlier;
    }

    private static long epochMilli(LocalDateTime time, ZoneOffset offset) {
        return Math.addExact(Math.multiplyExact(time.toEpochSecond(offset), 1000L), time.getNano() / 1_000_000);
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
