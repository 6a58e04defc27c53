package org.outpost.app.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.Quantity;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;
import org.outpost.app.validation.MeasurementRules;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;

/** Opening a patient's chart and recording vitals and labs in it. Every open and every write is audited. */
public final class ChartService {
    /** Clocks drift; a time a few minutes ahead is allowed, a time later than that is a typo. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final Store store;
    private final Clock clock;
    private final Session session;

    public ChartService(Store store, Clock clock, Session session) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.session = Objects.requireNonNull(session);
    }

    /** Loads the whole chart and records that this user opened it. */
    public Chart open(PatientId id) {
        session.require(Permission.VIEW_CHART);
        return store.write(r -> {
            Chart chart = load(r, id);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.CHART_OPENED, id, ""));
            return chart;
        });
    }

    /** Reloads a chart already open (after a write) without a second "opened" audit row. */
    public Chart reload(PatientId id) {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> load(r, id));
    }

    /** The unit each measure is shown in at this site (issue 14), read for whoever views charts. */
    public org.outpost.app.results.ResultUnits resultUnits() {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> r.resultUnits().load());
    }

    /**
     * Records measurements taken together at {@code effective}. All are checked first (units, possible and
     * plausible ranges, diastolic below systolic, time not in the future); if any is refused, nothing is
     * saved and a {@link ValidationException} lists every problem.
     */
    public List<Observation> record(PatientId id, Map<Measure, Quantity> values, Instant effective) {
        session.require(Permission.RECORD_OBSERVATION);
        List<Violation> problems = new ArrayList<>(MeasurementRules.check(values));
        if (values.isEmpty()) {
            problems.add(Violation.of("values", "measure.nothingEntered"));
        }
        if (effective.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            problems.add(Violation.of("effective", "measure.timeInFuture"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Map<Measure, Quantity> ordered = new LinkedHashMap<>(values);
        return store.write(r -> {
            r.patients().find(id).orElseThrow(() -> new IllegalArgumentException("No such patient"));
            List<Observation> saved = new ArrayList<>();
            for (Map.Entry<Measure, Quantity> e : ordered.entrySet()) {
                Observation o = new Observation(UUID.randomUUID(), id, e.getKey(), e.getValue(), effective,
                        session.username());
                r.observations().insert(o);
                saved.add(o);
                r.audit().append(AuditEvent.about(clock.instant(), session.username(),
                        AuditAction.OBSERVATION_RECORDED, id, e.getKey().loinc()));
            }
            return saved;
        });
    }

    /** The whole chart of a patient, read inside a store call. */
    public static Chart load(Repositories r, PatientId id) {
        var patient = r.patients().find(id).orElseThrow(() -> new IllegalArgumentException("No such patient"));
        return new Chart(patient, r.observations().forPatient(id), r.medications().forPatient(id),
                r.genotypes().forPatient(id), r.encounters().forPatient(id), r.problems().forPatient(id),
                r.smoking().forPatient(id));
    }
}
