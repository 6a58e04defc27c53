package org.outpost.ui.chart.record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Quantity;
import org.outpost.app.usecase.ChartService;
import org.outpost.app.validation.MeasurementRules;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.DateEntry;
import org.outpost.ui.text.UiText;

/**
 * Recording vitals and labs taken together. Every field is checked as it is typed with
 * {@link MeasurementRules} and its specific message is shown next to it; saving sends everything to
 * {@link ChartService#record}, which saves all or nothing.
 */
public final class RecordObservationsViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final java.time.Duration FUTURE_TOLERANCE = java.time.Duration.ofMinutes(5);

    private final ChartService service;
    private final PatientId patient;
    private final TaskRunner tasks;
    private final UiText text;
    private final Clock clock;
    private final Runnable onSaved;

    private final List<MeasureEntry> entries;
    private final DateEntry date = new DateEntry();
    private final ReadOnlyStringWrapper dateError = new ReadOnlyStringWrapper(this, "dateError", "");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");
    private final ReadOnlyStringWrapper timeError = new ReadOnlyStringWrapper(this, "timeError", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private boolean attempted;

    public RecordObservationsViewModel(ChartService service, PatientId patient, TaskRunner tasks, UiText text,
                                       Clock clock, Runnable onSaved) {
        this.service = Objects.requireNonNull(service);
        this.patient = Objects.requireNonNull(patient);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.clock = Objects.requireNonNull(clock);
        this.onSaved = Objects.requireNonNull(onSaved);
        this.entries = Arrays.stream(Measure.values()).map(MeasureEntry::new).toList();
        for (MeasureEntry e : entries) {
            e.textProperty().addListener((o, a, b) -> validate());
            e.unitProperty().addListener((o, a, b) -> validate());
        }
        date.textProperty().addListener((o, a, b) -> validate());
        time.addListener((o, a, b) -> validate());
        resetTime();
    }

    /** Every measure's entry, vitals first. */
    public List<MeasureEntry> entries() {
        return entries;
    }

    public MeasureEntry entry(Measure measure) {
        return entries.stream().filter(e -> e.measure() == measure).findFirst().orElseThrow();
    }

    /** Day of measurement as typed (ISO or day first); today by default. */
    public StringProperty dateTextProperty() {
        return date.textProperty();
    }

    /** The day the date text names; null while it is blank or not a date. */
    public javafx.beans.property.ReadOnlyObjectProperty<LocalDate> dateProperty() {
        return date.dateProperty();
    }

    /** Sets the day of measurement (as picking it from the calendar would). */
    public void setDate(LocalDate day) {
        date.set(day);
    }

    /** What is wrong with the date ("Not a date", "Enter the date"), on the date's field; empty when fine. */
    public ReadOnlyStringProperty dateErrorProperty() {
        return dateError.getReadOnlyProperty();
    }

    /** Time of measurement as HH:mm; now by default. */
    public StringProperty timeProperty() {
        return time;
    }

    public ReadOnlyStringProperty timeErrorProperty() {
        return timeError.getReadOnlyProperty();
    }

    /** A problem with the recording as a whole ("enter at least one value", a failed save). */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** False while any field shows a problem. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Sets the time of measurement to now and clears what was typed. */
    public void clear() {
        entries.forEach(MeasureEntry::clear);
        attempted = false;
        formError.set("");
        resetTime();
        validate();
    }

    private void resetTime() {
        LocalDateTime now = LocalDateTime.now(clock);
        date.set(now.toLocalDate());
        time.set(TIME.format(now));
    }

    private Optional<Instant> effective() {
        if (date.date() == null) {
            return Optional.empty();
        }
        return timeOfDay().map(t -> date.date().atTime(t).atZone(clock.getZone()).toInstant());
    }

    private Optional<LocalTime> timeOfDay() {
        try {
            return Optional.of(LocalTime.parse(time.get() == null ? "" : time.get().strip(),
                    DateTimeFormatter.ofPattern("H:mm")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Checks every field and the time; shows the messages; returns the values if all are acceptable. */
    private Optional<Map<Measure, Quantity>> validate() {
        boolean ok = true;
        Map<Measure, Quantity> values = new LinkedHashMap<>();
        for (MeasureEntry e : entries) {
            Optional<MeasureEntry.Result> r = e.evaluate();
            String message = "";
            String converted = "";
            if (r.isPresent()) {
                MeasureEntry.Result result = r.get();
                if (result.problem() != null) {
                    message = text.violation(result.problem());
                    ok = false;
                } else {
                    values.put(e.measure(), result.quantity());
                }
                if (result.quantity() != null && result.quantity().unit() != e.measure().canonicalUnit()) {
                    Quantity c = e.measure().toCanonical(result.quantity());
                    converted = text.get("record.converted", Measure.format(round(e.measure(), c.value())),
                            c.unit().display());
                }
            }
            e.showError(message);
            e.showConverted(converted);
        }
        if (ok) {
            for (Violation v : MeasurementRules.check(values)) {
                // "enter both pressures" waits for a save attempt: the user may be about to type the other
                if (attempted || !v.key().equals("measure.bloodPressurePair")) {
                    entry(Measure.valueOf(v.field())).showError(text.violation(v));
                }
                ok = false;
            }
        }
        // each message on its own field: a bad date is said on the date, a bad time on the time
        if (date.isUnreadable()) {
            dateError.set(text.get("form.date.notADate"));
            ok = false;
        } else if (date.date() == null) {
            dateError.set(text.get("record.dateRequired"));
            ok = false;
        } else {
            dateError.set("");
        }
        Optional<Instant> at = effective();
        if (timeOfDay().isEmpty()) {
            timeError.set(text.get("record.timeFormat"));
            ok = false;
        } else if (at.isEmpty()) {
            timeError.set("");
        } else if (at.get().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            timeError.set(text.domain("measure.timeInFuture"));
            ok = false;
        } else {
            timeError.set("");
        }
        if (!values.isEmpty() || !attempted) {
            formError.set("");
        }
        valid.set(ok);
        return ok ? Optional.of(values) : Optional.empty();
    }

    private static double round(Measure m, double value) {
        double scale = Math.pow(10, m.decimals());
        return Math.round(value * scale) / scale;
    }

    /** Saves every entered value at the chosen time, or nothing if anything is refused. */
    public void save() {
        attempted = true;
        Optional<Map<Measure, Quantity>> checked = validate();
        if (busy.get() || checked.isEmpty()) {
            return;
        }
        Map<Measure, Quantity> values = checked.get();
        if (values.isEmpty()) {
            formError.set(text.domain("measure.nothingEntered"));
            return;
        }
        Instant at = effective().orElseThrow();
        busy.set(true);
        tasks.run("record-observations", () -> service.record(patient, values, at), saved -> {
            busy.set(false);
            clear();
            onSaved.run();
        }, failure -> {
            busy.set(false);
            if (failure instanceof ValidationException invalid) {
                List<String> general = new ArrayList<>();
                for (Violation v : invalid.violations()) {
                    if (v.field().equals("effective")) {
                        timeError.set(text.violation(v));
                    } else if (Arrays.stream(Measure.values()).anyMatch(m -> m.name().equals(v.field()))) {
                        entry(Measure.valueOf(v.field())).showError(text.violation(v));
                    } else {
                        general.add(text.violation(v));
                    }
                }
                formError.set(String.join(" ", general));
            } else {
                formError.set(text.get("record.saveFailed", tasks.reporter().report(failure).errorId()));
            }
        });
    }
}
