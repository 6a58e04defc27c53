package org.outpost.app.interactions;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a dose is given, as the two counts a dose cap needs: the most doses that fall on one day, and the most
 * that fall in one week. A once-weekly dose is one dose on its day, so a daily cap is compared with the whole
 * dose, not a seventh of it.
 *
 * <p>{@link #parse} reads the frequencies orders are written with: {@code once/twice/three times/four times daily}
 * (or {@code a day}, or {@code N times daily}), the abbreviations {@code od, qd, bd, bid, tds, tid, qds, qid, qhs,
 * nocte, mane}, times of day ({@code at night, at bedtime, in the morning, every evening}), {@code every N hours}
 * ({@code qNh}), {@code every N days}, {@code every other day}, {@code once weekly}, and a single dose
 * ({@code once, stat}). A trailing {@code as needed} / {@code prn} is read as the scheduled maximum. Anything else
 * is not read: the caller must treat the dose as not comparable.
 *
 * @param maxPerDay  the most doses given on any one day (at least 1)
 * @param maxPerWeek the most doses given in any one week (at least 1)
 */
public record DoseFrequency(int maxPerDay, int maxPerWeek) {
    /** Once a day. */
    public static final DoseFrequency DAILY = new DoseFrequency(1, 7);

    private static final Pattern TIMES = Pattern.compile(
            "(once|one|twice|two|thrice|three|four|five|six|\\d{1,2})( ?x| times?)? (daily|a day|per day|each day|every day)");
    private static final Pattern HOURS = Pattern.compile("(?:every |q ?)(\\d{1,3}) ?(?:hours?|hrs?|h)");
    private static final Pattern HOURLY = Pattern.compile("(\\d{1,3}) ?hourly");
    private static final Pattern DAYS = Pattern.compile("every (\\d{1,2}) days");
    private static final Map<String, Integer> COUNTS = Map.of("once", 1, "one", 1, "twice", 2, "two", 2,
            "thrice", 3, "three", 3, "four", 4, "five", 5, "six", 6);
    private static final Set<String> ONCE_A_DAY = Set.of("daily", "od", "qd", "qday", "every day", "each day",
            "per day", "a day", "nightly", "at night", "every night", "each night", "at bedtime", "bedtime", "qhs",
            "hs", "nocte", "in the evening", "every evening", "evening", "in the morning", "every morning",
            "morning", "mane", "qam", "qpm");
    private static final Map<String, Integer> ABBREVIATIONS = Map.of("bd", 2, "bid", 2, "tds", 3, "tid", 3,
            "qds", 4, "qid", 4);
    private static final Set<String> WEEKLY = Set.of("weekly", "once weekly", "once a week", "once per week",
            "every week", "once every week", "every 7 days", "q7d");
    private static final Set<String> ALTERNATE_DAYS = Set.of("every other day", "alternate days",
            "on alternate days", "qod", "every 2 days", "every 48 hours");
    private static final Set<String> SINGLE = Set.of("once", "once only", "single dose", "stat", "now");
    private static final List<String> AS_NEEDED = List.of(" as needed", " as required", " when required", " prn");

    public DoseFrequency {
        if (maxPerDay < 1 || maxPerWeek < 1 || maxPerWeek < maxPerDay || maxPerWeek > 7 * maxPerDay) {
            throw new IllegalArgumentException("doses per day " + maxPerDay + " and per week " + maxPerWeek
                    + " do not fit together");
        }
    }

    /** The most doses in one {@code period}: {@code day} or {@code week}. */
    int maxPer(Period period) {
        return period == Period.WEEK ? maxPerWeek : maxPerDay;
    }

    /** The span a dose cap is a total over. */
    enum Period {
        DAY("daily"), WEEK("weekly");

        private final String word;

        Period(String word) {
            this.word = word;
        }

        /** As a table writes it: {@code daily} or {@code weekly}. */
        String word() {
            return word;
        }

        static Optional<Period> ofWord(String word) {
            for (Period p : values()) {
                if (p.word.equals(word)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /** The frequency written on an order, if it is one this class reads. */
    public static Optional<DoseFrequency> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String f = text.toLowerCase(Locale.ROOT).replace('-', ' ').replace(".", "").replaceAll("\\s+", " ").strip();
        for (String suffix : AS_NEEDED) {
            if (f.endsWith(suffix)) {
                f = f.substring(0, f.length() - suffix.length()).strip();
            }
        }
        if (f.startsWith("once ") && ONCE_A_DAY.contains(f.substring(5))) {
            f = f.substring(5);
        }
        if (ONCE_A_DAY.contains(f)) {
            return Optional.of(DAILY);
        }
        if (ABBREVIATIONS.containsKey(f)) {
            return timesDaily(ABBREVIATIONS.get(f));
        }
        if (WEEKLY.contains(f)) {
            return Optional.of(new DoseFrequency(1, 1));
        }
        if (ALTERNATE_DAYS.contains(f)) {
            return Optional.of(new DoseFrequency(1, 4));
        }
        if (SINGLE.contains(f)) {
            return Optional.of(new DoseFrequency(1, 1));
        }
        Matcher m = TIMES.matcher(f);
        if (m.matches()) {
            String n = m.group(1);
            return timesDaily(COUNTS.containsKey(n) ? COUNTS.get(n) : Integer.parseInt(n));
        }
        m = HOURS.matcher(f);
        if (!m.matches()) {
            m = HOURLY.matcher(f);
        }
        if (m.matches()) {
            return everyHours(Integer.parseInt(m.group(1)));
        }
        m = DAYS.matcher(f);
        if (m.matches()) {
            int days = Integer.parseInt(m.group(1));
            return days < 1 ? Optional.empty() : Optional.of(new DoseFrequency(1, ceilDiv(7, days)));
        }
        return Optional.empty();
    }

    private static Optional<DoseFrequency> timesDaily(int n) {
        return n < 1 || n > 24 ? Optional.empty() : Optional.of(new DoseFrequency(n, 7 * n));
    }

    /** Every {@code hours} hours: the most doses that can fall on one calendar day or in one week. */
    private static Optional<DoseFrequency> everyHours(int hours) {
        if (hours < 1 || hours > 168) {
            return Optional.empty();
        }
        return Optional.of(new DoseFrequency(ceilDiv(24, hours), ceilDiv(168, hours)));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
