package org.outpost.ui.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.outpost.app.domain.TypedDate;

/**
 * Dates as clinics type them: ISO (1984-03-07) and day first (07/03/1984, 7.3.1984); shown as ISO so there is never
 * a doubt which number is the month.
 */
public final class DateText {
    /** The pattern the date fields show and ask for. */
    public static final String PATTERN = "yyyy-mm-dd";


    private DateText() {
    }

    /** The date {@code text} names, or empty when it is blank or not a date (31/02/2020, "soon"). */
    public static Optional<LocalDate> parse(String text) {
        return TypedDate.parse(text);
    }

    /** ISO, or "" for no date. */
    public static String format(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }
}
