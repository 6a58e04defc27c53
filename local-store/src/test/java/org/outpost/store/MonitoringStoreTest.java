package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Patient;
import org.outpost.app.monitoring.Deviation;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.MonitoringFlag;
import org.outpost.app.monitoring.Reading;
import org.outpost.app.monitoring.SeriesExtent;
import org.outpost.app.port.DamagedRecordException;
import org.outpost.app.port.MonitoringRepository;
import org.outpost.app.port.Store;

/**
 * Issue 15: monitored series are stored packed per patient, measure and day in the encrypted database, sealed; a
 * re-import adds nothing; what is read back is what was written (to the second and the measure's resolution); a
 * tampered day is refused; flags keep their decisions.
 */
class MonitoringStoreTest {
    private static final Path FITBIT = Path.of("../../shared/data/timeseries/fitbit_hr_2022484408.csv");

    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock();
    private H2Vault vault;
    private Store store;
    private Patient patient;

    @BeforeEach
    void setUp() {
        vault = TestVaults.fast(tmp.resolve("data"), clock);
        store = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store();
        patient = Fixtures.patient("MON-1", "Okafor", "Ada", LocalDate.of(1960, 5, 1));
        store.write(r -> {
            r.patients().insert(patient);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The real Fitbit series (5-second heart rate, local times read as UTC here). */
    private static List<Reading> fitbit() throws IOException {
        Path file = Files.exists(FITBIT) ? FITBIT : Path.of("../shared/data/timeseries/fitbit_hr_2022484408.csv");
        List<Reading> out = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file)) {
            lines.skip(1).forEach(line -> {
                String[] f = line.split(",");
                out.add(new Reading(LocalDateTime.parse(f[1]).toInstant(ZoneOffset.UTC), Double.parseDouble(f[2])));
            });
        }
        return out;
    }

    private int add(Measure m, List<Reading> readings) {
        return store.write(r -> r.monitoring().add(patient.id(), m, readings));
    }

    private List<Reading> all(Measure m) {
        return store.read(r -> r.monitoring().readings(patient.id(), m, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")));
    }

    @Test
    void theRealFitbitSeriesRoundTripsCompactlyAndAReimportAddsNothing() throws IOException {
        List<Reading> series = fitbit();
        long distinctSeconds = series.stream().map(r -> r.at().getEpochSecond()).distinct().count();
        int added = add(Measure.HEART_RATE, series);
        assertThat(added).isEqualTo((int) distinctSeconds);
        List<Reading> back = all(Measure.HEART_RATE);
        assertThat(back).hasSize(added);
        // the first reading of each second, as read from the file
        List<Reading> expected = new ArrayList<>();
        series.stream().sorted(java.util.Comparator.comparing(Reading::at)).forEach(r -> {
            if (expected.isEmpty() || !expected.getLast().at().equals(r.at())) {
                expected.add(r);
            }
        });
        assertThat(back).isEqualTo(expected);

        assertThat(add(Measure.HEART_RATE, series)).isZero();
        SeriesExtent extent = store.read(r -> r.monitoring().extents(patient.id())).getFirst();
        assertThat(extent.readings()).isEqualTo(added);
        assertThat(extent.first()).isEqualTo(expected.getFirst().at());
        assertThat(extent.last()).isEqualTo(expected.getLast().at());
        // measured: 5-second heart rate packs to about 0.7 bytes a reading (vs 16 for a row of instant + double)
        assertThat(extent.bytesPerReading()).isLessThan(1.5);
    }

    @Test
    void aPartialOverlapAddsOnlyTheNewReadingsAndKeepsTheStoredValues() {
        Instant t0 = Instant.parse("2026-03-01T23:58:00Z");
        add(Measure.WEIGHT, List.of(new Reading(t0, 81.35), new Reading(t0.plusSeconds(60), 81.4)));
        int n = add(Measure.WEIGHT, List.of(new Reading(t0.plusSeconds(60), 99.0), new Reading(t0.plusSeconds(180), 81.25),
                new Reading(t0.plusSeconds(180).plusMillis(400), 70)));
        assertThat(n).isOne();
        assertThat(all(Measure.WEIGHT)).containsExactly(new Reading(t0, 81.35), new Reading(t0.plusSeconds(60), 81.4),
                new Reading(t0.plusSeconds(180), 81.25));
        // two UTC days, each one row
        List<SeriesExtent> extents = store.read(r -> r.monitoring().extents(patient.id()));
        assertThat(extents).singleElement().satisfies(e -> assertThat(e.readings()).isEqualTo(3));
        List<Reading> window = store.read(r -> r.monitoring().readings(patient.id(), Measure.WEIGHT, t0.plusSeconds(60),
                t0.plusSeconds(180)));
        assertThat(window).containsExactly(new Reading(t0.plusSeconds(60), 81.4));
    }

    @Test
    void anImplausibleReadingChangesNothing() {
        Instant t0 = Instant.parse("2026-03-01T08:00:00Z");
        assertThatThrownBy(() -> add(Measure.HEART_RATE, List.of(new Reading(t0, 72), new Reading(t0.plusSeconds(60), 7200))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heart-rate 7200.0 /min");
        assertThat(all(Measure.HEART_RATE)).isEmpty();
    }

    @Test
    void aTamperedDayIsRefusedAndReported() throws Exception {
        Instant t0 = Instant.parse("2026-03-01T08:00:00Z");
        add(Measure.GLUCOSE, List.of(new Reading(t0, 110), new Reading(t0.plusSeconds(300), 115)));
        byte[] other = org.outpost.store.jdbc.PackedReadingsAccess.pack(new long[] {t0.getEpochSecond(),
            t0.getEpochSecond() + 300}, new long[] {250, 260});
        store.close();
        try (Connection c = Fixtures.rawConnection(tmp.resolve("data"), Fixtures.ADMIN, Fixtures.pw());
             PreparedStatement ps = c.prepareStatement("UPDATE monitoring_days SET packed = ?")) {
            ps.setBytes(1, other);
            assertThat(ps.executeUpdate()).isOne();
        }
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        assertThatThrownBy(() -> all(Measure.GLUCOSE)).isInstanceOf(DamagedRecordException.class);
        assertThat(store.verifyIntegrity().lines()).anyMatch(l -> l.startsWith("monitoring_days: 1 of 1"));
    }

    @Test
    void flagsKeepTheirDecisionAndCountPerMeasure() {
        Instant t0 = Instant.parse("2026-03-01T08:00:00Z");
        Deviation d = new Deviation(Measure.HEART_RATE, t0, t0.plus(Duration.ofHours(4)), Deviation.Kind.SUSTAINED,
                Deviation.Direction.ABOVE, 58, 81);
        MonitoringFlag f1 = new MonitoringFlag(UUID.randomUUID(), patient.id(), d, clock.instant(), Optional.empty());
        MonitoringFlag f2 = new MonitoringFlag(UUID.randomUUID(), patient.id(), new Deviation(Measure.WEIGHT, t0,
                t0.plus(Duration.ofDays(3)), Deviation.Kind.DRIFT, Deviation.Direction.ABOVE, 80.2, 82.6),
                clock.instant(), Optional.empty());
        store.write(r -> {
            r.monitoring().insertFlag(f1);
            r.monitoring().insertFlag(f2);
            r.monitoring().updateFlag(f1.decided(new MonitoringFlag.Decision(MonitoringFlag.Outcome.DISMISSED, "clin",
                    clock.instant(), Optional.of("Ran a half marathon"))));
            return null;
        });
        List<MonitoringFlag> flags = store.read(r -> r.monitoring().flags(patient.id()));
        assertThat(flags).hasSize(2);
        MonitoringFlag back = flags.stream().filter(f -> f.id().equals(f1.id())).findFirst().orElseThrow();
        assertThat(back.deviation()).isEqualTo(d);
        assertThat(back.decision()).hasValueSatisfying(x -> {
            assertThat(x.outcome()).isEqualTo(MonitoringFlag.Outcome.DISMISSED);
            assertThat(x.note()).contains("Ran a half marathon");
        });
        assertThat(flags.stream().filter(f -> f.id().equals(f2.id())).findFirst().orElseThrow().open()).isTrue();
        Map<Measure, MonitoringRepository.DecisionCounts> counts = store.read(r -> r.monitoring().decisionCounts());
        assertThat(counts).isEqualTo(Map.of(Measure.HEART_RATE,
                new MonitoringRepository.DecisionCounts(0, 1)));
    }
}
