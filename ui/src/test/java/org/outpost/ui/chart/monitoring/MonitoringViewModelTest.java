package org.outpost.ui.chart.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;
import org.outpost.app.monitoring.MonitoringDetectors;
import org.outpost.app.monitoring.Deviation;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.MonitoringFlag;
import org.outpost.app.monitoring.Reading;
import org.outpost.app.monitoring.SeriesExtent;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.ui.chart.ChartViewModel;
import org.outpost.ui.concurrent.ErrorNotice;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.DeferredTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/**
 * Issue 15 items 1 and 2 without a stage, on a real encrypted store: the measures with readings, a window of one
 * loaded and reduced to the chart's width, stepping and zooming, the baseline's state, the CGM summary, and the flags
 * confirmed or dismissed with the dismiss rate. The band and flags come from the real detectors
 * ({@code MonitoringDetectors}).
 */
class MonitoringViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Instant LAST = Instant.parse("2026-03-01T09:59:00Z");

    @TempDir
    Path dir;
    StoreFixture store;
    Patient patient;
    MonitoringService service;
    ChartViewModel chart;
    final UiText text = new UiText(Locale.ENGLISH);
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner(e -> new ErrorNotice("E-1", "test"));

    @BeforeEach
    void open() {
        store = StoreFixture.create(dir, CLOCK);
        patient = store.register("Haddad", "Samir", Sex.MALE, LocalDate.of(1962, 4, 2), "");
        service = new MonitoringService(store.store(), CLOCK, store.session(), MonitoringDetectors::forMeasure);
        chart = new ChartViewModel(store.charts(), patient.id(), tasks, text, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private MonitoringViewModel model(boolean mayDecide) {
        MonitoringViewModel m = new MonitoringViewModel(service, patient.id(), mayDecide, tasks, text, CLOCK);
        m.follow(chart.chartProperty());
        chart.open();
        return m;
    }

    /** Per-minute heart rate for {@code days} days up to {@link #LAST}: 62 at night, 74 by day, one spike. */
    private List<Reading> heartRate(int days) {
        List<Reading> out = new ArrayList<>();
        Instant first = LAST.minus(Duration.ofDays(days)).plusSeconds(60);
        for (Instant t = first; !t.isAfter(LAST); t = t.plusSeconds(60)) {
            int hour = t.atZone(ZoneOffset.UTC).getHour();
            out.add(new Reading(t, hour < 7 ? 62 : 74 + (t.getEpochSecond() / 60) % 3));
        }
        out.set(out.size() - 500, new Reading(out.get(out.size() - 500).at(), 171)); // one minute on the stairs
        return out;
    }

    private void importHeartRate(int days) {
        service.importReadings(patient.id(), Map.of(Measure.HEART_RATE, heartRate(days)), "test");
    }

    private MonitoringFlag flag(Instant start, Instant end, double baseline, double observed) {
        MonitoringFlag f = new MonitoringFlag(UUID.randomUUID(), patient.id(), new Deviation(Measure.HEART_RATE, start,
                end, Deviation.Kind.SUSTAINED, Deviation.Direction.ABOVE, baseline, observed), CLOCK.instant(),
                Optional.empty());
        store.store().write(r -> {
            r.monitoring().insertFlag(f);
            return null;
        });
        return f;
    }

    @Test
    void theMeasuresWithReadingsAreListedWithCountPeriodAndBytes() {
        importHeartRate(14);
        MonitoringViewModel m = model(true);

        SeriesExtent extent = service.series(patient.id()).getFirst();
        assertThat(extent.readings()).isEqualTo(14 * 24 * 60);
        assertThat(m.series()).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("Heart rate");
            assertThat(s.detail()).isEqualTo(String.format(Locale.ENGLISH,
                    "20,160 readings from 2026-02-15 to 2026-03-01, %.1f bytes stored a reading",
                    extent.bytesPerReading()));
        });
        assertThat(extent.bytesPerReading()).isGreaterThan(0).isLessThan(8); // compact storage, not one row a reading
        assertThat(m.measureProperty().get()).isEqualTo(Measure.HEART_RATE);
        assertThat(m.seriesLineProperty().get()).isEqualTo(m.series().getFirst().detail());
    }

    @Test
    void aWindowLoadsAndIsReducedToTheChartsWidthKeepingTheSpike() {
        importHeartRate(14);
        MonitoringViewModel m = model(true);
        m.columnsProperty().set(300);

        assertThat(m.spanProperty().get()).isEqualTo(MonitoringViewModel.Span.WEEK);
        assertThat(m.windowLineProperty().get()).isEqualTo("Showing 2026-02-22 09:59 to 2026-03-01 09:59");
        assertThat(m.loadedReadings()).isEqualTo(7 * 24 * 60);
        Plot p = m.plotProperty().get();
        assertThat(p.columns()).isEqualTo(300);
        assertThat(p.path().size()).isLessThanOrEqualTo(600);
        assertThat(Arrays.stream(p.path().values()).max().orElseThrow()).isEqualTo(171);
        assertThat(Arrays.stream(p.path().values()).min().orElseThrow()).isEqualTo(62);
        assertThat(p.minY()).isLessThan(62);
        assertThat(p.maxY()).isGreaterThan(171);
        // the real heart-rate band on every column; this regular series varies less than the narrowest band, ±8 /min
        assertThat(Arrays.stream(p.upper()).filter(Double::isNaN).count()).isZero();
        assertThat(p.upper()[150] - p.lower()[150]).isEqualTo(16);
        assertThat(m.baselineLineProperty().get()).startsWith("Shaded band: the patient's own resting heart rate for each hour");

        m.columnsProperty().set(1000); // a wider window: the same readings, more points
        assertThat(m.plotProperty().get().columns()).isEqualTo(1000);
        assertThat(m.plotProperty().get().path().size()).isGreaterThan(600).isLessThanOrEqualTo(2000);
    }

    @Test
    void stepsZoomsAndReturnsToTheLatest() {
        importHeartRate(14);
        MonitoringViewModel m = model(true);

        m.show(MonitoringViewModel.Span.DAY);
        assertThat(m.windowLineProperty().get()).isEqualTo("Showing 2026-02-28 09:59 to 2026-03-01 09:59");
        assertThat(m.loadedReadings()).isEqualTo(24 * 60);
        m.back();
        m.back();
        assertThat(m.windowLineProperty().get()).isEqualTo("Showing 2026-02-26 09:59 to 2026-02-27 09:59");
        m.forward();
        assertThat(m.windowLineProperty().get()).isEqualTo("Showing 2026-02-27 09:59 to 2026-02-28 09:59");
        m.zoomOut();
        assertThat(m.spanProperty().get()).isEqualTo(MonitoringViewModel.Span.WEEK);
        assertThat(m.windowLineProperty().get()).isEqualTo("Showing 2026-02-21 09:59 to 2026-02-28 09:59");
        m.forward(); // not past the latest reading
        assertThat(m.endProperty().get()).isEqualTo(LAST.plusSeconds(1));
        m.zoomOut();
        m.zoomOut();
        m.zoomOut();
        m.zoomOut();
        assertThat(m.spanProperty().get()).isEqualTo(MonitoringViewModel.Span.YEAR);
        assertThat(m.loadedReadings()).isEqualTo(14 * 24 * 60);
        m.back();
        assertThat(m.loadedReadings()).isZero();
        assertThat(m.baselineLineProperty().get()).isEqualTo("No readings in this window");
        m.latest();
        assertThat(m.loadedReadings()).isEqualTo(14 * 24 * 60);
        // a scroll up on the chart zooms in around the time under the pointer
        long at = Instant.parse("2026-02-20T12:00:00Z").getEpochSecond();
        m.zoom(true, at);
        assertThat(m.spanProperty().get()).isEqualTo(MonitoringViewModel.Span.QUARTER);
        m.zoom(true, at);
        m.zoom(true, at);
        assertThat(m.spanProperty().get()).isEqualTo(MonitoringViewModel.Span.WEEK);
        // centred on the pointer (the wider spans were held at the latest reading)
        assertThat(m.windowLineProperty().get()).isEqualTo("Showing 2026-02-17 00:00 to 2026-02-24 00:00");
    }

    @Test
    void tooLittleHistorySaysSoAndHowMuchIsNeeded() {
        importHeartRate(3);
        MonitoringViewModel m = model(true);
        assertThat(m.baselineLineProperty().get())
                .isEqualTo("Baseline not yet established (needs 7 days, has 4): no flags are raised");
        assertThat(Arrays.stream(m.plotProperty().get().upper()).filter(v -> !Double.isNaN(v)).count()).isZero();
        assertThat(m.cgmLineProperty().get()).isEmpty(); // heart rate: no CGM summary
    }

    /**
     * GMI = 3.31 + 0.02392 × mean glucose (Bergenstal RM et al., Diabetes Care 2018;41:2275–2280): a mean of
     * 150 mg/dL gives 6.898, shown 6.9 % (their Table 1 lists 150 mg/dL → 6.9 %). Time in ranges as the
     * International Consensus on Time in Range (Battelino T et al., Diabetes Care 2019;42:1593–1603) splits them.
     */
    @Test
    void glucoseShowsTheConsensusSummaryOfTheWindow() {
        // every 20 readings: 1 × 50 (< 54), 2 × 60 (54–69), 12 × 144 + 1 × 142 (in range), 3 × 220 (181–250), 1 × 300
        double[] cycle = new double[20];
        cycle[0] = 50;
        cycle[1] = 60;
        cycle[2] = 60;
        Arrays.fill(cycle, 3, 15, 144);
        cycle[15] = 142;
        cycle[16] = 220;
        cycle[17] = 220;
        cycle[18] = 220;
        cycle[19] = 300;
        assertThat(Arrays.stream(cycle).average().orElseThrow()).isEqualTo(150);
        List<Reading> readings = new ArrayList<>();
        Instant first = LAST.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(5)).minusSeconds(60 * 4);
        int i = 0;
        for (Instant t = first; !t.isAfter(LAST); t = t.plus(Duration.ofMinutes(5))) {
            readings.add(new Reading(t, cycle[i++ % 20]));
        }
        readings = readings.subList(readings.size() - 2000, readings.size()); // a whole number of cycles
        service.importReadings(patient.id(), Map.of(Measure.GLUCOSE, readings), "test");
        MonitoringViewModel m = model(true);
        m.show(MonitoringViewModel.Span.MONTH);

        assertThat(m.loadedReadings()).isEqualTo(2000);
        assertThat(m.cgmLineProperty().get())
                .startsWith("CGM summary of this window (International Consensus on Time in Range, 5-minute readings)")
                .contains("time in range 70–180 mg/dL 65 %")
                .contains("below range 10 % level 1 (54–69), 5 % level 2 (< 54)")
                .contains("above range 15 % level 1 (181–250), 5 % level 2 (> 250)")
                .contains("mean glucose 150 mg/dL")
                .contains("GMI 6.9 %")
                .contains("sensor active 100 %")
                .doesNotContain("less than 70 %");
    }

    @Test
    void flagsAreListedOpenFirstAndADismissUpdatesTheListAndTheRate() {
        importHeartRate(14);
        MonitoringFlag older = flag(Instant.parse("2026-02-17T22:00:00Z"), Instant.parse("2026-02-18T05:00:00Z"), 58, 81);
        MonitoringFlag newer = flag(Instant.parse("2026-02-27T13:00:00Z"), Instant.parse("2026-02-27T17:00:00Z"), 74, 97);
        MonitoringViewModel m = model(true);

        assertThat(m.flags()).extracting(FlagRow::id).containsExactly(newer.id(), older.id());
        assertThat(m.flags().get(1)).satisfies(r -> {
            assertThat(r.change()).isEqualTo("58 → 81 /min");
            assertThat(r.direction()).isEqualTo("Above, sustained");
            assertThat(r.period()).isEqualTo("2026-02-17 22:00–02-18 05:00"); // over midnight: the end's day too
            assertThat(r.status()).isEqualTo("Open");
        });
        assertThat(m.dismissRatesProperty().get()).isEqualTo("No flags decided yet at this site");
        // the week on show holds the newer flag only
        assertThat(m.plotProperty().get().flags()).extracting(Plot.FlagSpan::id).containsExactly(newer.id());

        m.selectFlag(newer.id());
        assertThat(m.plotProperty().get().selected()).isEqualTo(newer.id());
        m.noteProperty().set("  Walked up to the fourth floor for the clinic  ");
        m.dismiss();

        assertThat(m.errorProperty().get()).isEmpty();
        assertThat(m.messageProperty().get()).isEqualTo("Dismissed the Heart rate flag of 2026-02-27 13:00–17:00");
        assertThat(m.flags()).extracting(FlagRow::id).containsExactly(older.id(), newer.id()); // open ones first
        assertThat(m.selectedFlagProperty().get().status()).isEqualTo("Dismissed by admin on 2026-03-01 10:00");
        assertThat(m.selectedLineProperty().get()).isEqualTo("Heart rate, 2026-02-27 13:00–17:00: Above, sustained, "
                + "74 → 97 /min. Dismissed by admin on 2026-03-01 10:00: Walked up to the fourth floor for the clinic");
        assertThat(m.noteProperty().get()).isEmpty();
        assertThat(m.dismissRatesProperty().get()).isEqualTo("Dismissed 1 of 1 heart rate flag (100 %)");
        assertThat(service.flags(patient.id())).filteredOn(f -> f.id().equals(newer.id())).singleElement()
                .satisfies(f -> assertThat(f.decision().orElseThrow().outcome()).isEqualTo(MonitoringFlag.Outcome.DISMISSED));

        // picked in the list: the chart moves to show it, centred in the week
        m.showFlag(older.id());
        assertThat(m.windowLineProperty().get()).isEqualTo("Showing 2026-02-14 13:30 to 2026-02-21 13:30");
        assertThat(m.plotProperty().get().flags()).extracting(Plot.FlagSpan::id).containsExactly(older.id());
        m.confirm();
        assertThat(m.dismissRatesProperty().get()).isEqualTo("Dismissed 1 of 2 heart rate flags (50 %)");
        assertThat(m.selectedFlagProperty().get().status()).isEqualTo("Confirmed by admin on 2026-03-01 10:00");

        m.dismiss(); // already decided: said on the screen, nothing changes
        assertThat(m.errorProperty().get()).isEqualTo("This flag is already decided");
        assertThat(service.decisionCounts().get(Measure.HEART_RATE).confirmed()).isEqualTo(1);
    }

    @Test
    void aTooLongNoteIsRefusedOnTheScreenAndChangesNothing() {
        importHeartRate(14);
        MonitoringFlag f = flag(Instant.parse("2026-02-27T13:00:00Z"), Instant.parse("2026-02-27T17:00:00Z"), 74, 97);
        MonitoringViewModel m = model(true);
        m.selectFlag(f.id());
        m.noteProperty().set("x".repeat(501));
        m.dismiss();

        assertThat(m.errorProperty().get()).isEqualTo("A note is at most 500 characters (this one has 501): nothing was saved");
        assertThat(m.noteProperty().get()).hasSize(501); // what was typed stays
        assertThat(service.flags(patient.id()).getFirst().open()).isTrue();
        assertThat(m.flags().getFirst().status()).isEqualTo("Open");
        m.noteProperty().set("x".repeat(500));
        assertThat(m.errorProperty().get()).isEmpty();
    }

    @Test
    void aFlagDecidedMeanwhileElsewhereIsRefusedOnTheScreen() {
        importHeartRate(14);
        MonitoringFlag f = flag(Instant.parse("2026-02-27T13:00:00Z"), Instant.parse("2026-02-27T17:00:00Z"), 74, 97);
        MonitoringViewModel m = model(true);
        m.selectFlag(f.id());
        service.decide(patient.id(), f.id(), MonitoringFlag.Outcome.CONFIRMED, Optional.empty()); // another desk
        m.noteProperty().set("Probably the stairs");
        m.dismiss();

        assertThat(m.errorProperty().get()).isEqualTo("This flag was already decided by admin (CONFIRMED)");
        assertThat(m.noteProperty().get()).isEqualTo("Probably the stairs");
        assertThat(service.flags(patient.id()).getFirst().decision().orElseThrow().outcome())
                .isEqualTo(MonitoringFlag.Outcome.CONFIRMED);
        assertThat(service.decisionCounts().get(Measure.HEART_RATE).dismissed()).isZero();
    }

    @Test
    void withoutThePermissionNothingIsDecided() {
        importHeartRate(14);
        MonitoringFlag f = flag(Instant.parse("2026-02-27T13:00:00Z"), Instant.parse("2026-02-27T17:00:00Z"), 74, 97);
        MonitoringViewModel m = model(false);
        m.selectFlag(f.id());
        m.dismiss();
        m.confirm();
        assertThat(m.mayDecide()).isFalse();
        assertThat(service.flags(patient.id()).getFirst().open()).isTrue();
    }

    @Test
    void aLateAnswerForAnEarlierWindowIsNotShown() {
        importHeartRate(14);
        DeferredTaskRunner deferred = new DeferredTaskRunner();
        MonitoringViewModel m = new MonitoringViewModel(service, patient.id(), true, deferred, text, CLOCK);
        ReadOnlyObjectWrapper<Chart> shown = new ReadOnlyObjectWrapper<>();
        m.follow(shown.getReadOnlyProperty());
        chart.open();
        shown.set(chart.chartProperty().get());
        deferred.complete(0); // the overview: selects heart rate and asks for the week
        m.show(MonitoringViewModel.Span.DAY);
        assertThat(deferred.pending()).isEqualTo(2);
        deferred.complete(1); // the day answers first
        assertThat(m.loadedReadings()).isEqualTo(24 * 60);
        deferred.complete(0); // the week's answer, late: dropped
        assertThat(m.loadedReadings()).isEqualTo(24 * 60);
        assertThat(m.loadingProperty().get()).isFalse();
    }

    @Test
    void readingsLoadOnlyOnceTheTabIsShown() {
        importHeartRate(14);
        MonitoringViewModel m = new MonitoringViewModel(service, patient.id(), true, tasks, text, CLOCK);
        m.shownProperty().set(false);
        m.follow(chart.chartProperty());
        chart.open();
        assertThat(m.series()).hasSize(1); // the measures and flags are read with the chart
        assertThat(m.loadedReadings()).isZero();
        assertThat(m.plotProperty().get()).isNull();
        m.shownProperty().set(true);
        assertThat(m.loadedReadings()).isEqualTo(7 * 24 * 60);
        assertThat(m.plotProperty().get()).isNotNull();
    }

    @Test
    void aPatientWithoutReadingsSaysSo() {
        MonitoringViewModel m = model(true);
        assertThat(m.series()).isEmpty();
        assertThat(m.seriesLineProperty().get()).isEqualTo("No home or wearable readings for this patient");
        assertThat(m.plotProperty().get()).isNull();
    }
}
