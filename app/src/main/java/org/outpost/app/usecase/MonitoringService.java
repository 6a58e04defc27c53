package org.outpost.app.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Permission;
import org.outpost.app.monitoring.Assessment;
import org.outpost.app.monitoring.BandSegment;
import org.outpost.app.monitoring.Deviation;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.MonitoringFlag;
import org.outpost.app.monitoring.PersonalBaseline;
import org.outpost.app.monitoring.Reading;
import org.outpost.app.monitoring.SeriesExtent;
import org.outpost.app.port.MonitoringRepository;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;

/**
 * Home and wearable readings against the patient's own baseline (issue 15): importing a series (all or nothing,
 * duplicates recognised), assessing it, raising flags on sustained deviations, and the clinician's decision on each
 * flag. A flag is a suggestion: it is stored once per episode (a deviation that goes on extends its open flag; one
 * overlapping a decided flag raises nothing new) and a confirm or dismiss is audited with the measure and outcome
 * only — the note stays in the record, not in the audit log.
 */
public final class MonitoringService {
    /** How far back the detectors look when assessing: their learning window and then some. */
    public static final Duration HISTORY = Duration.ofDays(35);
    /** Readings timed later than this after now are refused (device clocks drift a little, not days). */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);

    private final Store store;
    private final Clock clock;
    private final Session session;
    private final Function<Measure, PersonalBaseline> detectors;

    /**
     * @param clock     now, in the clinic's time zone (the time of day the detectors use)
     * @param detectors the detector for each measure
     */
    public MonitoringService(Store store, Clock clock, Session session, Function<Measure, PersonalBaseline> detectors) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Objects.requireNonNull(session, "session");
        this.detectors = Objects.requireNonNull(detectors, "detectors");
    }

    /** What one import did, per measure. */
    public record ImportOutcome(Map<Measure, Added> added, List<MonitoringFlag> newFlags) {
        public ImportOutcome {
            added = Map.copyOf(added);
            newFlags = List.copyOf(newFlags);
        }

        /** Readings newly stored, over all measures. */
        public long newReadings() {
            return added.values().stream().mapToLong(Added::added).sum();
        }

        /** Readings already stored (a re-import), over all measures. */
        public long duplicates() {
            return added.values().stream().mapToLong(Added::duplicates).sum();
        }
    }

    /** Of one measure's readings: how many were new and how many already stored. */
    public record Added(long added, long duplicates) { }

    /**
     * Stores a patient's readings and raises flags on what they show. All or nothing: a reading timed in the future
     * or before the patient's birth, or implausible for its measure, refuses the whole import.
     *
     * @param source what the readings came from, for the audit log (a format name such as "fitbit"; no file names)
     * @throws ValidationException naming the first bad reading
     */
    public ImportOutcome importReadings(PatientId patient, Map<Measure, List<Reading>> readings, String source) {
        session.require(Permission.RECORD_OBSERVATION);
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(source, "source");
        Instant latest = clock.instant().plus(CLOCK_TOLERANCE);
        return store.write(r -> {
            Patient p = patient(r, patient);
            Instant born = p.birthDate().atStartOfDay(zone()).toInstant();
            for (var e : readings.entrySet()) {
                for (Reading reading : e.getValue()) {
                    check(e.getKey(), reading, born, latest);
                }
            }
            Map<Measure, Added> added = new EnumMap<>(Measure.class);
            List<MonitoringFlag> raised = new ArrayList<>();
            StringBuilder detail = new StringBuilder(source.length() > 16 ? source.substring(0, 16) : source);
            for (var e : readings.entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                int n = r.monitoring().add(patient, e.getKey(), e.getValue());
                added.put(e.getKey(), new Added(n, e.getValue().size() - n));
                detail.append(' ').append(e.getKey().name()).append(' ').append(n).append(" new ")
                        .append(e.getValue().size() - n).append(" duplicate");
                if (n > 0) {
                    raised.addAll(refreshFlags(r, patient, e.getKey()));
                }
            }
            r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.MONITORING_IMPORTED,
                    patient, detail.toString()));
            return new ImportOutcome(added, raised);
        });
    }

    private static void check(Measure m, Reading reading, Instant born, Instant latest) {
        if (!m.plausible(reading.value())) {
            throw new ValidationException(List.of(Violation.of(m.code(), "monitoring.implausible", m.code(),
                    reading.value(), m.unit(), m.min(), m.max(), reading.at().toString())));
        }
        if (reading.at().isAfter(latest)) {
            throw new ValidationException(List.of(Violation.of(m.code(), "monitoring.inFuture",
                    reading.at().toString())));
        }
        if (reading.at().isBefore(born)) {
            throw new ValidationException(List.of(Violation.of(m.code(), "monitoring.beforeBirth",
                    reading.at().toString())));
        }
    }

    /**
     * Assesses every series of the patient again and raises flags on what is found (readings written without an
     * import, such as the demo data's, or after a detector changed); returns the new flags.
     */
    public List<MonitoringFlag> refresh(PatientId patient) {
        session.require(Permission.RECORD_OBSERVATION);
        return store.write(r -> {
            patient(r, patient);
            List<MonitoringFlag> raised = new ArrayList<>();
            for (SeriesExtent e : r.monitoring().extents(patient)) {
                raised.addAll(refreshFlags(r, patient, e.measure()));
            }
            return raised;
        });
    }

    /** Runs the measure's detector over the recent history and stores what it finds; returns the new flags. */
    private List<MonitoringFlag> refreshFlags(Repositories r, PatientId patient, Measure measure) {
        List<SeriesExtent> extents = r.monitoring().extents(patient);
        Optional<SeriesExtent> extent = extents.stream().filter(x -> x.measure() == measure).findFirst();
        if (extent.isEmpty()) {
            return List.of();
        }
        Instant to = extent.get().last().plusSeconds(1);
        Instant from = extent.get().first().isBefore(to.minus(HISTORY.multipliedBy(3)))
                ? to.minus(HISTORY.multipliedBy(3)) : extent.get().first();
        Assessment a = detectors.apply(measure).assess(r.monitoring().readings(patient, measure, from, to), zone());
        if (!(a instanceof Assessment.Established established)) {
            return List.of();
        }
        List<MonitoringFlag> existing = new ArrayList<>(r.monitoring().flags(patient));
        List<MonitoringFlag> raised = new ArrayList<>();
        for (Deviation d : established.deviations()) {
            Optional<MonitoringFlag> same = existing.stream().filter(f -> f.deviation().sameEpisodeAs(d)).findFirst();
            if (same.isEmpty()) {
                MonitoringFlag f = new MonitoringFlag(UUID.randomUUID(), patient, d, clock.instant(), Optional.empty());
                r.monitoring().insertFlag(f);
                existing.add(f);
                raised.add(f);
            } else if (same.get().open() && !same.get().deviation().equals(d)) {
                MonitoringFlag f = same.get().withDeviation(d);
                r.monitoring().updateFlag(f);
                existing.set(existing.indexOf(same.get()), f);
            }
        }
        return raised;
    }

    /**
     * The baseline and deviations of a measure over [{@code from}, {@code to}): the detector sees the history before
     * {@code from} too, so the band at {@code from} is the one it had learnt by then.
     */
    public Assessment assess(PatientId patient, Measure measure, Instant from, Instant to) {
        session.require(Permission.VIEW_CHART);
        List<Reading> readings = store.read(r -> r.monitoring().readings(patient, measure, from.minus(HISTORY), to));
        Assessment a = detectors.apply(measure).assess(readings, zone());
        if (a instanceof Assessment.Established e) {
            List<BandSegment> band = e.band().stream().filter(s -> s.end().isAfter(from) && s.start().isBefore(to))
                    .toList();
            List<Deviation> deviations = e.deviations().stream()
                    .filter(d -> d.end().isAfter(from) && d.start().isBefore(to)).toList();
            return new Assessment.Established(measure, band, deviations);
        }
        return a;
    }

    /** The readings of a measure in [{@code from}, {@code to}), oldest first. */
    public List<Reading> readings(PatientId patient, Measure measure, Instant from, Instant to) {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> r.monitoring().readings(patient, measure, from, to));
    }

    /** What is stored for each measure the patient has readings of. */
    public List<SeriesExtent> series(PatientId patient) {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> r.monitoring().extents(patient));
    }

    /** The patient's flags, oldest first. */
    public List<MonitoringFlag> flags(PatientId patient) {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> r.monitoring().flags(patient));
    }

    /**
     * Confirms or dismisses a flag, with an optional note (at most {@value MonitoringFlag.Decision#MAX_NOTE}
     * characters).
     *
     * @throws ValidationException when the flag was already decided, or the note is too long
     */
    public MonitoringFlag decide(PatientId patient, UUID flagId, MonitoringFlag.Outcome outcome, Optional<String> note) {
        session.require(Permission.RECORD_OBSERVATION);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(note, "note");
        if (note.isPresent() && note.get().strip().length() > MonitoringFlag.Decision.MAX_NOTE) {
            throw new ValidationException(List.of(Violation.of("note", "monitoring.noteTooLong",
                    MonitoringFlag.Decision.MAX_NOTE)));
        }
        return store.write(r -> {
            MonitoringFlag f = r.monitoring().findFlag(flagId).filter(x -> x.patient().equals(patient))
                    .orElseThrow(() -> new IllegalArgumentException("No such flag for this patient"));
            if (!f.open()) {
                MonitoringFlag.Decision d = f.decision().orElseThrow();
                throw new ValidationException(List.of(Violation.of("outcome", "monitoring.alreadyDecided", d.by(),
                        d.outcome().name())));
            }
            MonitoringFlag decided = f.decided(new MonitoringFlag.Decision(outcome, session.username(),
                    clock.instant(), note));
            r.monitoring().updateFlag(decided);
            r.audit().append(AuditEvent.about(clock.instant(), session.username(),
                    outcome == MonitoringFlag.Outcome.CONFIRMED ? AuditAction.MONITORING_FLAG_CONFIRMED
                            : AuditAction.MONITORING_FLAG_DISMISSED, patient,
                    f.measure().name() + " " + f.deviation().kind().name() + " " + f.deviation().direction().name()));
            return decided;
        });
    }

    /** Per measure, how many flags were confirmed and dismissed at this site: a noisy detector shows itself. */
    public Map<Measure, MonitoringRepository.DecisionCounts> decisionCounts() {
        session.require(Permission.VIEW_CHART);
        return store.read(r -> r.monitoring().decisionCounts());
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static Patient patient(Repositories r, PatientId id) {
        return r.patients().find(id).orElseThrow(() -> new IllegalArgumentException("No such patient"));
    }
}
