package org.outpost.app.demo;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.domain.PatientId;
import org.outpost.app.monitoring.MonitoringDetectors;
import org.outpost.app.usecase.MonitoringService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Encounter;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Permission;
import org.outpost.app.port.PatientRepository;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;
import org.outpost.app.usecase.Session;

/**
 * Fills a store with generated demo patients through the repositories, {@value #BATCH_SIZE} patients per
 * write transaction (so a thousand patients are a handful of commits, and an interrupted run leaves whole
 * patients only). Patients take the next free numbers of the clinic's MRN series, so running it again
 * adds new people instead of colliding with the first ones. Each patient created is audited as
 * {@link AuditAction#DEMO_DATA_CREATED} with its id and the seed.
 */
public final class DemoDataService {
    /** Patients per write transaction. */
    public static final int BATCH_SIZE = 100;
    /** The most patients one call may create. */
    public static final int MAX_PATIENTS = 100_000;

    /** Told after each committed batch. */
    @FunctionalInterface
    public interface Progress {
        void patientsWritten(int done, int total);

        /** Says nothing. */
        static Progress silent() {
            return (done, total) -> { };
        }
    }

    /**
     * What was created.
     *
     * @param first the MRN of the first patient created
     * @param last  the MRN of the last patient created
     */
    public record Result(int patients, long observations, long seed, Mrn first, Mrn last) { }

    private final Store store;
    private final Clock clock;
    private final Session session;

    public DemoDataService(Store store, Clock clock, Session session) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.session = Objects.requireNonNull(session);
    }

    /** Generates {@code count} patients from {@code seed} and writes them, reporting progress per batch. */
    public Result create(int count, long seed, Progress progress) {
        session.require(Permission.EDIT_PATIENT);
        session.require(Permission.RECORD_OBSERVATION);
        if (count < 1 || count > MAX_PATIENTS) {
            throw new IllegalArgumentException("The number of demo patients must be between 1 and " + MAX_PATIENTS);
        }
        DemoDataGenerator generator = new DemoDataGenerator(seed, LocalDate.now(clock), clock.getZone(),
                session.username());
        DemoMonitoring monitoring = new DemoMonitoring(seed, clock.instant(), clock.getZone());
        long next = store.read(r -> r.patients().count()) + 1;
        int done = 0;
        long observations = 0;
        Mrn first = null;
        Mrn last = null;
        while (done < count) {
            int batch = Math.min(BATCH_SIZE, count - done);
            List<PatientId> monitored = new ArrayList<>();
            Batch written = writeBatch(generator, monitoring, monitored, next, batch, seed);
            // the detectors raise the demo series' flags as they would after an import
            MonitoringService flags = new MonitoringService(store, clock, session, MonitoringDetectors::forMeasure);
            monitored.forEach(flags::refresh);
            first = first == null ? written.first() : first;
            last = written.last();
            next = written.nextNumber();
            observations += written.observations();
            done += batch;
            progress.patientsWritten(done, count);
        }
        return new Result(count, observations, seed, first, last);
    }

    private record Batch(Mrn first, Mrn last, long nextNumber, long observations) { }

    private Batch writeBatch(DemoDataGenerator generator, DemoMonitoring monitoring, List<PatientId> monitored,
                             long from, int size, long seed) {
        return store.write(r -> {
            long number = from;
            long observations = 0;
            Mrn first = null;
            Mrn last = null;
            for (int i = 0; i < size; i++) {
                number = nextFree(r.patients(), number);
                DemoPatient p = generator.patient(number);
                if (insert(r, p, number, monitoring, seed)) {
                    monitored.add(p.patient().id());
                }
                observations += p.observations().size();
                first = first == null ? p.patient().mrn() : first;
                last = p.patient().mrn();
                number++;
            }
            return new Batch(first, last, number, observations);
        });
    }

    private static long nextFree(PatientRepository patients, long number) {
        long n = number;
        while (patients.findByMrn(DemoDataGenerator.mrn(n)).isPresent()) {
            n++;
        }
        return n;
    }

    /** Writes one patient; returns whether they have monitored series. */
    private boolean insert(Repositories r, DemoPatient p, long number, DemoMonitoring monitoring, long seed) {
        r.patients().insert(p.patient());
        for (Encounter e : p.encounters()) {
            r.encounters().insert(e);
        }
        for (Observation o : p.observations()) {
            r.observations().insert(o);
        }
        for (org.outpost.app.domain.Condition c : p.problems().conditions()) {
            r.problems().insert(c);
        }
        p.problems().reviewed().ifPresent(by -> r.problems().markReviewed(p.patient().id(), by));
        for (org.outpost.app.domain.SmokingRecord s : p.smoking()) {
            r.smoking().insert(s);
        }
        for (Medication m : p.medications()) {
            r.medications().insert(m);
        }
        for (Genotype g : p.genotypes()) {
            r.genotypes().insert(g);
        }
        var series = monitoring.series(number, p.observations());
        series.forEach((m, readings) -> r.monitoring().add(p.patient().id(), m, readings));
        r.audit().append(AuditEvent.about(clock.instant(), session.username(), AuditAction.DEMO_DATA_CREATED,
                p.patient().id(), "seed=" + seed));
        return !series.isEmpty();
    }
}
