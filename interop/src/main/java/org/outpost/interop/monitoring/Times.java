package org.outpost.interop.monitoring;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
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
    private static final long NOT_FAST = Long.MIN_VALUE;
    private final ZoneId zone;
    private final ZoneRules rules;
    private long last = Long.MIN_VALUE;
    /**
     * Local times (as epoch seconds of the local date-time read as UTC) in [windowStart, windowEnd) have the one
     * offset windowOffset: the stretch between two transitions, so most rows need no zone lookup and no objects.
     */
    private long windowStart = Long.MAX_VALUE;
    private long windowEnd = Long.MIN_VALUE;
    private int windowOffset;

    Times(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        if (rules.isFixedOffset()) {
            windowStart = Long.MIN_VALUE;
            windowEnd = Long.MAX_VALUE;
            windowOffset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        }
    }

    /** The time in {@code cell} as epoch milliseconds. */
    long read(String cell) throws BadValue {
        String s = cell.strip();
        long millis;
        try {
            long fast = s.length() == 19 ? fastLocal(s) : NOT_FAST;
            if (fast != NOT_FAST && fast >= windowStart && fast < windowEnd) {
                millis = (fast - windowOffset) * 1000;
            } else if (fast != NOT_FAST) {
                millis = local(LocalDateTime.ofEpochSecond(fast, 0, ZoneOffset.UTC));
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
            long millis = epochMilli(time, offsets.getFirst());
            remember(time, offsets.getFirst(), Instant.ofEpochMilli(millis));
            return millis;
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

    /** The stretch of unambiguous local times around {@code time}, which has the one offset {@code offset}. */
    private void remember(LocalDateTime time, ZoneOffset offset, Instant instant) {
        ZoneOffsetTransition before = rules.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition after = rules.nextTransition(instant);
        // after a gap the local times start at transition + the later offset; after an overlap, + the earlier one
        long start = before == null ? Long.MIN_VALUE : before.toEpochSecond()
                + Math.max(before.getOffsetBefore().getTotalSeconds(), before.getOffsetAfter().getTotalSeconds());
        long end = after == null ? Long.MAX_VALUE : after.toEpochSecond()
                + Math.min(after.getOffsetBefore().getTotalSeconds(), after.getOffsetAfter().getTotalSeconds());
        long local = time.toEpochSecond(ZoneOffset.UTC);
        if (local >= start && local < end) {
            windowStart = start;
            windowEnd = end;
            windowOffset = offset.getTotalSeconds();
        }
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

    /**
     * {@code yyyy-MM-ddTHH:mm:ss} (or a space for the T) as epoch seconds of that local date-time read as UTC, without
     * objects; {@link #NOT_FAST} if not that shape. A date that does not exist (2016-02-30) throws.
     */
    private static long fastLocal(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return NOT_FAST;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return NOT_FAST;
        }
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour > 23
                || minute > 59 || second > 59) {
            throw new DateTimeException("out of range");
        }
        return daysFromCivil(year, month, day) * 86_400L + hour * 3600 + minute * 60 + second;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil algorithm). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
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
