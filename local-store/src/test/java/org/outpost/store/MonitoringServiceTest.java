package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.app.monitoring.Assessment;
import org.outpost.app.monitoring.Deviation;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.MonitoringFlag;
import org.outpost.app.monitoring.PersonalBaseline;
import org.outpost.app.monitoring.Reading;
import org.outpost.app.port.MonitoringRepository;
import org.outpost.app.port.Store;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.app.usecase.Session;
import org.outpost.app.validation.ValidationException;

/**
 * Issue 15: importing readings is all or nothing and audited with counts only; a flag is raised once per episode
 * (an open one grows, a decided one is not raised again); a decision is audited without its note and cannot be made
 * twice; the dismiss counts follow.
 *
 * <p>The detector here is scripted (it reports whatever deviations the test sets) because these tests are about
 * what the service does with a detector's answer; the detectors themselves are tested on real series in app.
 */
class MonitoringServiceTest {
    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-20T12:00:00Z"));
    private Store store;
    private Patient patient;
    private final List<Deviation> scripted = new ArrayList<>();
    private MonitoringService service;

    /** Reports the scripted deviations once it has seen any readings. */
    private final class Scripted implements PersonalBaseline {
        private final Measure measure;

        Scripted(Measure measure) {
            this.measure = measure;
        }

        @Override
        public Measure measure() {
            return measure;
        }

        @Override
        public Assessment assess(List<Reading> readings, ZoneId zone) {
            return readings.isEmpty() ? new Assessment.NotEstablished(measure, 0, 7)
                    : new Assessment.Established(measure, List.of(), scripted);
        }
    }

    @BeforeEach
    void setUp() {
        H2Vault vault = TestVaults.fast(tmp.resolve("data"), clock);
        var unlocked = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw());
        store = unlocked.store();
        patient = Fixtures.patient("MON-2", "Mensah", "Kofi", LocalDate.of(1958, 2, 3));
        store.write(r -> {
            r.patients().insert(patient);
            return null;
        });
        service = new MonitoringService(store, clock, new Session(new User("clin", "Clin", Role.CLINICIAN, true)),
                Scripted::new);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<Reading> minutes(Instant start, int n, double value) {
        List<Reading> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Reading(start.plusSeconds(60L * i), value + (i % 5)));
        }
        return out;
    }

    private AuditEntry lastAudit() {
        return store.read(r -> r.audit().newest(1)).getFirst();
    }

    private Deviation shift(Instant start, Duration length) {
        return new Deviation(Measure.HEART_RATE, start, start.plus(length), Deviation.Kind.SUSTAINED,
                Deviation.Direction.ABOVE, 60, 84);
    }

    @Test
    void anImportIsAuditedWithCountsAndAReimportAddsNothing() {
        Instant t0 = Instant.parse("2026-03-18T00:00:00Z");
        var first = service.importReadings(patient.id(), Map.of(Measure.HEART_RATE, minutes(t0, 600, 60)), "fitbit");
        assertThat(first.newReadings()).isEqualTo(600);
        AuditEntry audit = lastAudit();
        assertThat(audit.event().action()).isEqualTo(AuditAction.MONITORING_IMPORTED);
        assertThat(audit.event().detail()).isEqualTo("fitbit HEART_RATE 600 new 0 duplicate");
        var again = service.importReadings(patient.id(), Map.of(Measure.HEART_RATE, minutes(t0, 700, 60)), "fitbit");
        assertThat(again.newReadings()).isEqualTo(100);
        assertThat(again.duplicates()).isEqualTo(600);
        assertThat(service.series(patient.id())).singleElement().satisfies(e -> assertThat(e.readings()).isEqualTo(700));
    }

    @Test
    void oneBadReadingRefusesTheWholeImport() {
        Instant t0 = Instant.parse("2026-03-18T00:00:00Z");
        long before = lastAudit().sequence();
        List<Reading> typo = new ArrayList<>(minutes(t0, 100, 70));
        typo.add(new Reading(t0.plusSeconds(7_000), 7500));
        assertThatThrownBy(() -> service.importReadings(patient.id(), Map.of(Measure.HEART_RATE, typo), "generic"))
                .isInstanceOf(ValidationException.class);
        List<Reading> future = List.of(new Reading(clock.instant().plus(Duration.ofDays(1)), 70));
        assertThatThrownBy(() -> service.importReadings(patient.id(), Map.of(Measure.GLUCOSE, minutes(t0, 10, 100),
                Measure.HEART_RATE, future), "generic")).isInstanceOf(ValidationException.class);
        List<Reading> beforeBirth = List.of(new Reading(Instant.parse("1950-01-01T00:00:00Z"), 70));
        assertThatThrownBy(() -> service.importReadings(patient.id(), Map.of(Measure.HEART_RATE, beforeBirth),
                "generic")).isInstanceOf(ValidationException.class);
        assertThat(service.series(patient.id())).isEmpty();
        assertThat(lastAudit().sequence()).isEqualTo(before);
    }

    @Test
    void aFlagIsRaisedOncePerEpisodeAndADecidedEpisodeIsNotRaisedAgain() {
        Instant t0 = Instant.parse("2026-03-18T00:00:00Z");
        scripted.add(shift(t0.plus(Duration.ofHours(5)), Duration.ofHours(3)));
        var first = service.importReadings(patient.id(), Map.of(Measure.HEART_RATE, minutes(t0, 600, 60)), "fitbit");
        assertThat(first.newFlags()).hasSize(1);
        MonitoringFlag flag = first.newFlags().getFirst();

        // the episode went on: the same open flag grows
        scripted.set(0, shift(t0.plus(Duration.ofHours(5)), Duration.ofHours(6)));
        var second = service.importReadings(patient.id(), Map.of(Measure.HEART_RATE, minutes(t0.plus(Duration.ofHours(10)),
                60, 60)), "fitbit");
        assertThat(second.newFlags()).isEmpty();
        assertThat(service.flags(patient.id())).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(flag.id());
            assertThat(f.deviation().end()).isEqualTo(t0.plus(Duration.ofHours(11)));
        });

        MonitoringFlag dismissed = service.decide(patient.id(), flag.id(), MonitoringFlag.Outcome.DISMISSED,
                Optional.of("  Fever from a cold, seen in clinic  "));
        assertThat(dismissed.decision().orElseThrow().note()).contains("Fever from a cold, seen in clinic");
        AuditEntry audit = lastAudit();
        assertThat(audit.event().action()).isEqualTo(AuditAction.MONITORING_FLAG_DISMISSED);
        assertThat(audit.event().detail()).isEqualTo("HEART_RATE SUSTAINED ABOVE").doesNotContain("Fever");

        // overlapping the dismissed episode: nothing new; a later, separate episode: a new flag
        scripted.set(0, shift(t0.plus(Duration.ofHours(5)), Duration.ofHours(8)));
        scripted.add(shift(t0.plus(Duration.ofHours(30)), Duration.ofHours(4)));
        var third = service.importReadings(patient.id(), Map.of(Measure.HEART_RATE, minutes(t0.plus(Duration.ofHours(26)),
                60, 60)), "fitbit");
        assertThat(third.newFlags()).singleElement().satisfies(f ->
                assertThat(f.deviation().start()).isEqualTo(t0.plus(Duration.ofHours(30))));
        assertThat(service.flags(patient.id())).hasSize(2);
        assertThat(service.flags(patient.id()).getFirst().deviation().end()).isEqualTo(t0.plus(Duration.ofHours(11)));

        service.decide(patient.id(), third.newFlags().getFirst().id(), MonitoringFlag.Outcome.CONFIRMED, Optional.empty());
        assertThat(service.decisionCounts()).isEqualTo(Map.of(Measure.HEART_RATE,
                new MonitoringRepository.DecisionCounts(1, 1)));
        assertThat(service.decisionCounts().get(Measure.HEART_RATE).dismissRate()).isEqualTo(0.5);
    }

    @Test
    void aDecisionIsMadeOnceAndANoteHasALimit() {
        Instant t0 = Instant.parse("2026-03-18T00:00:00Z");
        scripted.add(shift(t0.plus(Duration.ofHours(1)), Duration.ofHours(3)));
        MonitoringFlag flag = service.importReadings(patient.id(), Map.of(Measure.HEART_RATE, minutes(t0, 300, 60)),
                "fitbit").newFlags().getFirst();
        long before = lastAudit().sequence();
        assertThatThrownBy(() -> service.decide(patient.id(), flag.id(), MonitoringFlag.Outcome.DISMISSED,
                Optional.of("x".repeat(10_000_000)))).isInstanceOf(ValidationException.class);
        assertThat(service.flags(patient.id()).getFirst().open()).isTrue();
        service.decide(patient.id(), flag.id(), MonitoringFlag.Outcome.CONFIRMED, Optional.empty());
        assertThatThrownBy(() -> service.decide(patient.id(), flag.id(), MonitoringFlag.Outcome.DISMISSED,
                Optional.empty())).isInstanceOf(ValidationException.class);
        assertThat(service.flags(patient.id()).getFirst().decision().orElseThrow().outcome())
                .isEqualTo(MonitoringFlag.Outcome.CONFIRMED);
        assertThat(lastAudit().sequence()).isEqualTo(before + 1);
    }
}
