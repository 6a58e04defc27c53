package org.outpost.ui.chart.results;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Unit;
import org.outpost.app.results.ResultUnits;
import org.outpost.app.usecase.ResultUnitService;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * The administrator's choice of the unit each measure is shown in (issue 14): one unit per measure that has more
 * than one, read and saved off the FX thread. Choosing the unit already in force does nothing; a refused choice
 * changes nothing and says why.
 */
public final class ResultUnitsViewModel {
    private final ResultUnitService service;
    private final TaskRunner tasks;
    private final UiText text;
    private final Map<Measure, ObjectProperty<Unit>> chosen = new EnumMap<>(Measure.class);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private ResultUnits current = ResultUnits.defaults();

    public ResultUnitsViewModel(ResultUnitService service, TaskRunner tasks, UiText text) {
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        for (Measure m : ResultUnits.choosable()) {
            chosen.put(m, new SimpleObjectProperty<>(this, m.name(), m.canonicalUnit()));
        }
    }

    /** The measures a unit is chosen for, in the order of the measures. */
    public List<Measure> measures() {
        return ResultUnits.choosable();
    }

    /** The unit {@code measure} is shown in, as last read or saved. */
    public ObjectProperty<Unit> unitProperty(Measure measure) {
        return Objects.requireNonNull(chosen.get(measure), measure::name);
    }

    public String measureName(Measure measure) {
        return text.measure(measure);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads the units in force. */
    public void refresh() {
        busy.set(true);
        status.set(text.get("results.units.loading"));
        tasks.run("result-units", service::current, units -> {
            busy.set(false);
            status.set("");
            show(units);
        }, failure -> {
            busy.set(false);
            status.set(text.get("results.units.loadFailed", tasks.reporter().report(failure).errorId()));
        });
    }

    /** Shows {@code measure} in {@code unit} at this site from now on; nothing when that is the unit in force. */
    public void choose(Measure measure, Unit unit) {
        if (unit == null || current.unit(measure) == unit) {
            return;
        }
        busy.set(true);
        tasks.run("result-unit-choose", () -> service.choose(measure, unit), units -> {
            busy.set(false);
            show(units);
            status.set(text.get("results.units.saved", text.measure(measure), unit.display()));
        }, failure -> {
            busy.set(false);
            show(current); // the control goes back to the unit in force
            if (failure instanceof IllegalArgumentException | failure instanceof SecurityException) {
                status.set(text.get("results.units.failed", failure.getMessage()));
            } else {
                status.set(text.get("results.units.saveFailed", tasks.reporter().report(failure).errorId()));
            }
        });
    }

    private void show(ResultUnits units) {
        current = units;
        chosen.forEach((m, p) -> p.set(units.unit(m)));
    }
}
