package org.outpost.ui.controls;

import java.time.LocalDate;
import javafx.beans.property.StringProperty;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;
import org.outpost.ui.text.DateText;

/**
 * Date pickers that read what clinics type ({@link DateText}: ISO and day first) and show ISO. The text typed is the
 * view model's ({@link org.outpost.ui.text.DateEntry}); text that names no date is kept as typed when the field
 * loses the focus, so the form can say what is wrong with it on that field.
 */
public final class DateFields {
    private DateFields() {
    }

    /** A date picker with an id, its editor ({@code id-text}) showing and editing {@code text}. */
    public static DatePicker picker(String id, StringProperty text) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setConverter(new KeepingConverter());
        picker.setPromptText(DateText.PATTERN);
        picker.getEditor().setId(id + "-text");
        picker.getEditor().setText(text.get());
        picker.getEditor().textProperty().bindBidirectional(text);
        return picker;
    }

    /**
     * ISO out, ISO or day first in. The picker commits its text when it loses the focus and then writes back
     * {@code toString} of what it read: for text that names no date that would be "" (the typed text silently
     * cleared), so the unreadable text is given back instead.
     */
    private static final class KeepingConverter extends StringConverter<LocalDate> {
        private String unreadable;

        @Override
        public String toString(LocalDate date) {
            if (date == null && unreadable != null) {
                return unreadable;
            }
            return DateText.format(date);
        }

        @Override
        public LocalDate fromString(String text) {
            LocalDate d = DateText.parse(text).orElse(null);
            unreadable = d == null && text != null && !text.isBlank() ? text : null;
            return d;
        }
    }
}
