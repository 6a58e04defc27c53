package org.outpost.ui.controls;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Date pickers that read what clinics type: ISO dates (1984-03-07) and day-first dates (07/03/1984,
 * 7.3.1984), and show ISO so there is never a doubt which number is the month.
 */
public final class DateFields {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");

    private DateFields() {
    }

    /** A date picker with the converter below and an id. */
    public static DatePicker picker(String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setConverter(converter());
        picker.setPromptText("yyyy-mm-dd");
        picker.getEditor().setId(id + "-text");
        return picker;
    }

    /** Reads ISO or day-first text; unreadable text becomes null (an empty date). */
    public static StringConverter<LocalDate> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                return parse(text);
            }
        };
    }

    static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            Matcher iso = ISO.matcher(t);
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
            Matcher dmy = DAY_FIRST.matcher(t);
            if (dmy.matches()) {
                return LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }
}
