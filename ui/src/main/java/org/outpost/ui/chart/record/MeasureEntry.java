package org.outpost.ui.chart.record;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Unit;
import org.outpost.app.validation.MeasurementRules;
import org.outpost.app.validation.Violation;

/**
 * One measure's line of the recording form: what was typed, in which unit, and what is wrong with it.
 * The unit chooser says what the typed number means; changing it does not rewrite the number.
 */
public final class MeasureEntry {
    private final Measure measure;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Unit> unit;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper converted = new ReadOnlyStringWrapper(this, "converted", "");

    MeasureEntry(Measure measure) {
        this.measure = measure;
        this.unit = new SimpleObjectProperty<>(this, "unit", measure.canonicalUnit());
    }

    public Measure measure() {
        return measure;
    }

    /** The units offered, canonical first; a single one needs no chooser. */
    public List<Unit> units() {
        return measure.units();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Unit> unitProperty() {
        return unit;
    }

    /** The message shown next to the field, empty when the value is fine or blank. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The value in the canonical unit ("= 201 mg/dL") when another unit is chosen; empty otherwise. */
    public ReadOnlyStringProperty convertedProperty() {
        return converted.getReadOnlyProperty();
    }

    boolean isBlank() {
        return text.get() == null || text.get().isBlank();
    }

    /** The typed value with its unit, or the reason it is not acceptable; empty when blank. */
    Optional<Result> evaluate() {
        if (isBlank()) {
            return Optional.empty();
        }
        MeasurementRules.Parsed parsed = MeasurementRules.parse(measure, text.get());
        if (parsed.problem().isPresent()) {
            return Optional.of(new Result(null, parsed.problem().get()));
        }
        Quantity q = new Quantity(parsed.value().getAsDouble(), unit.get());
        return Optional.of(new Result(q, MeasurementRules.check(measure, q).orElse(null)));
    }

    void showError(String message) {
        error.set(message == null ? "" : message);
    }

    void showConverted(String value) {
        converted.set(value == null ? "" : value);
    }

    void clear() {
        text.set("");
        error.set("");
        converted.set("");
    }

    /** A parsed value (null when unparseable) and its problem (null when none). */
    record Result(Quantity quantity, Violation problem) { }
}
