package org.outpost.ui.text;

import java.time.LocalDate;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A date field's state for a view model: the text as typed (the source of truth, never cleared behind the user's
 * back) and the date it names. Text that names no date leaves the date empty and {@link #unreadableProperty()} true,
 * so the form can say "Not a date" on that field instead of "Enter the date".
 */
public final class DateEntry {
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<LocalDate> date = new ReadOnlyObjectWrapper<>(this, "date");
    private final ReadOnlyBooleanWrapper unreadable = new ReadOnlyBooleanWrapper(this, "unreadable");

    public DateEntry() {
        text.addListener((o, a, now) -> read(now));
    }

    private void read(String now) {
        boolean blank = now == null || now.isBlank();
        LocalDate d = DateText.parse(now).orElse(null);
        // the flag first: listeners of the date see the flag already right
        unreadable.set(!blank && d == null);
        date.set(d);
    }

    /** What is typed in the field. */
    public StringProperty textProperty() {
        return text;
    }

    /** The date the text names; null when blank or unreadable. */
    public ReadOnlyObjectProperty<LocalDate> dateProperty() {
        return date.getReadOnlyProperty();
    }

    /** True when the text is not blank and names no date. */
    public ReadOnlyBooleanProperty unreadableProperty() {
        return unreadable.getReadOnlyProperty();
    }

    public LocalDate date() {
        return date.get();
    }

    public boolean isUnreadable() {
        return unreadable.get();
    }

    /** Shows {@code d} (ISO), as when a form is filled from a record or a date is picked. */
    public void set(LocalDate d) {
        if (!Objects.equals(d, date.get()) || unreadable.get()) {
            text.set(DateText.format(d));
        }
    }
}
