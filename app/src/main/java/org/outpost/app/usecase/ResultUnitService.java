package org.outpost.app.usecase;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.Unit;
import org.outpost.app.port.Store;
import org.outpost.app.results.ResultUnits;

/**
 * The unit each measure is shown in at this site (issue 14): read by everyone who views charts, chosen by an
 * administrator ({@link Permission#CONFIGURE_RESULT_UNITS}). Every change is audited with the measure's LOINC code
 * and the unit; a choice that changes nothing is not written.
 */
public final class ResultUnitService {
    private final Store store;
    private final Clock clock;
    private final Session session;

    public ResultUnitService(Store store, Clock clock, Session session) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.session = Objects.requireNonNull(session);
    }

    /** The units in force. */
    public ResultUnits current() {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> r.resultUnits().load());
    }

    /**
     * Shows {@code measure} in {@code unit} from now on.
     *
     * @throws IllegalArgumentException when the measure is not given in that unit (nothing is changed)
     */
    public ResultUnits choose(Measure measure, Unit unit) {
        session.require(Permission.CONFIGURE_RESULT_UNITS);
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(unit, "unit");
        if (!measure.accepts(unit)) {
            throw new IllegalArgumentException(unit.display() + " is not a unit for " + measure);
        }
        return store.write(r -> {
            ResultUnits before = r.resultUnits().load();
            if (before.unit(measure) == unit) {
                return before;
            }
            Recorded changed = new Recorded(session.username(), clock.instant());
            r.resultUnits().save(measure, unit, changed);
            r.audit().append(new AuditEvent(clock.instant(), session.username(), AuditAction.RESULT_UNIT_CHANGED,
                    Optional.empty(), "loinc=" + measure.loinc() + ";unit=" + unit.ucum()));
            return before.with(measure, unit, changed);
        });
    }
}
