package org.outpost.ui.shell;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.usecase.RiskDecisions;
import org.outpost.app.domain.Permission;
import org.outpost.app.usecase.Prescribing;
import org.outpost.app.prescribing.PrescribingCheck;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.app.port.Store;
import org.outpost.app.usecase.AuditService;
import org.outpost.app.usecase.ChartService;
import org.outpost.app.monitoring.MonitoringDetectors;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.app.monitoring.PersonalBaseline;
import org.outpost.app.usecase.ProblemListService;
import org.outpost.app.usecase.ConsentService;
import org.outpost.app.usecase.PatientRegistry;
import org.outpost.app.usecase.Session;
import org.outpost.app.usecase.SharingHistory;
import org.outpost.ui.shell.sync.SessionSync;
import org.outpost.ui.shell.sync.SyncOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one logged-in user works with: the session, its store (which survives locks) and the use
 * cases acting on the user's behalf. Screens receive the parts they need from here.
 */
public final class Workspace {
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private final Session session;
    private final SessionStore store;
    private final Clock clock;
    private final PatientRegistry patients;
    private final ChartService charts;
    private final ProblemListService problems;
    private final RiskDecisions decisions;
    private final Prescribing prescribing;
    private final ConsentService consents;
    private final ClinicalContent content;
    private final SharingHistory sharing;
    private final SessionSync sync;
    private final MonitoringService monitoring;

    public Workspace(User user, Store opened, Clock clock) {
        this(user, opened, clock, ClinicalContent.bundled());
    }

    /** @param content the clinical tables in force (bundled, or an update from the data directory) */
    public Workspace(User user, Store opened, Clock clock, ClinicalContent content) {
        this(user, opened, clock, content, SyncOptions.standard());
    }

    /**
     * @param content the clinical tables in force (bundled, or an update from the data directory)
     * @param syncOptions how this session's sync runs (the pinned CA file, the loop)
     */
    public Workspace(User user, Store opened, Clock clock, ClinicalContent content, SyncOptions syncOptions) {
        this(user, opened, clock, content, syncOptions, MonitoringDetectors::forMeasure);
    }

    /**
     * @param content     the clinical tables in force (bundled, or an update from the data directory)
     * @param syncOptions how this session's sync runs (the pinned CA file, the loop)
     * @param detectors   the personal-baseline detector for each monitored measure
     */
    public Workspace(User user, Store opened, Clock clock, ClinicalContent content, SyncOptions syncOptions,
                     Function<org.outpost.app.monitoring.Measure, PersonalBaseline> detectors) {
        this.content = Objects.requireNonNull(content);
        PrescribingCheck check = BundledModels.prescribingCheck(clock.getZone(), content);
        this.session = new Session(Objects.requireNonNull(user));
        this.store = new SessionStore(opened);
        this.clock = Objects.requireNonNull(clock);
        this.patients = new PatientRegistry(store, clock, session);
        this.charts = new ChartService(store, clock, session);
        this.decisions = new RiskDecisions(store, clock, session);
        this.prescribing = new Prescribing(store, clock, clock.getZone(), session, check);
        this.consents = new ConsentService(store, clock, session);
        this.problems = new ProblemListService(store, clock, session);
        this.sharing = new SharingHistory(store, clock, session);
        this.sync = new SessionSync(store, user.username(), clock, syncOptions);
        this.monitoring = new MonitoringService(store, clock, session, Objects.requireNonNull(detectors));
    }

    /** Home and wearable readings against the patient's own baseline, and the flags on them. */
    public MonitoringService monitoring() {
        return monitoring;
    }

    /** Whether this user may confirm or dismiss monitoring flags (clinicians, pharmacists, administrators). */
    public boolean mayDecideFlags() {
        return session.user().role().may(Permission.RECORD_OBSERVATION);
    }

    /** What was sent for a patient (the exact de-identified bundle, and when). */
    public SharingHistory sharing() {
        return sharing;
    }

    /** This session's sync loop: started by the shell, stopped here before the store is locked. */
    public SessionSync sync() {
        return sync;
    }

    /** The problem list and smoking history. */
    public ProblemListService problems() {
        return problems;
    }

    /** Recording and withdrawing patients' consent to sharing. */
    public ConsentService consents() {
        return consents;
    }

    /** Whether this user may change a patient's record (demographics, consent to sharing). */
    public boolean mayEditPatients() {
        return session.user().role().may(Permission.EDIT_PATIENT);
    }

    public Session session() {
        return session;
    }

    public User user() {
        return session.user();
    }

    public boolean isAdmin() {
        return session.user().role() == Role.ADMIN;
    }

    /** The store for this session; use it for every call, as it stays valid across locks. */
    public Store store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    public PatientRegistry patients() {
        return patients;
    }

    public ChartService charts() {
        return charts;
    }

    /** Decisions on risk model results. */
    public RiskDecisions decisions() {
        return decisions;
    }

    /** The clinical tables in force (CPIC, renal dose table). */
    public ClinicalContent content() {
        return content;
    }

    /** Medication orders and the pharmacist's review queue. */
    public Prescribing prescribing() {
        return prescribing;
    }

    /** Whether the user may place orders. */
    public boolean mayPrescribe() {
        return session.user().role().may(Permission.PRESCRIBE);
    }

    /** Whether the user reviews orders (pharmacists, administrators). */
    public boolean reviewsOrders() {
        return session.user().role().may(Permission.REVIEW_ORDERS);
    }

    /** For administrators only; the service checks the role again on every call. */
    public AuditService audit() {
        return new AuditService(store, clock, session);
    }

    /**
     * Stops sync (after the send in flight), records the lock and closes the store, forgetting its keys. Blocking:
     * call off the FX thread.
     */
    public void lock() {
        end(AuditAction.LOCKED);
    }

    /**
     * Ends the session: stops sync (after the send in flight), records the sign-out and closes the store, forgetting
     * its keys. The workspace is not used again. Blocking: call off the FX thread.
     */
    public void signOut() {
        end(AuditAction.LOGOUT);
    }

    private void end(AuditAction recorded) {
        try {
            sync.close();
        } catch (RuntimeException e) {
            LOG.error("Sync did not stop cleanly before the store closed", e);
        }
        if (store.isLocked()) {
            return;
        }
        try {
            new AuditService(store, clock, session).record(recorded, "");
        } finally {
            store.lock();
        }
    }

    /** Takes the store the same user opened again. */
    public void resume(Store reopened) {
        store.resume(reopened);
    }

    public boolean isLocked() {
        return store.isLocked();
    }
}
