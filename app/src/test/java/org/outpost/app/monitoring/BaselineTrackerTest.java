package org.outpost.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tracker, fed one reading at a time, says what the batch assessment says. */
class BaselineTrackerTest {
    /** Feeds the series to a tracker and keeps the latest version of each episode it reports. */
    private static Map<String, Deviation> live(BaselineTracker tracker, List<Reading> series) {
        Map<String, Deviation> seen = new LinkedHashMap<>();
        for (Reading r : series) {
            for (Deviation d : tracker.accept(r)) {
                seen.put(d.kind() + " " + d.direction() + " " + d.start(), d);
            }
        }
        return seen;
    }

    private static void sameAsBatch(RollingBaseline detector, List<Reading> series) {
        BaselineTracker tracker = detector.tracker(ZoneOffset.UTC);
        Map<String, Deviation> seen = live(tracker, series);
        Assessment batch = detector.assess(series, ZoneOffset.UTC);
        assertThat(tracker.assessment()).isEqualTo(batch);
        List<Deviation> all = ((Assessment.Established) batch).deviations();
        assertThat(all).as("the series must have something to find").isNotEmpty();
        // every deviation reported live is in the batch answer, as it stood when the last period closed; only the
        // open period (the last hour or day) can still add to it
        assertThat(tracker.deviations()).containsExactlyInAnyOrderElementsOf(seen.values());
        List<Deviation> closedByEnd = all.stream().filter(d -> d.end().isBefore(series.getLast().at())).toList();
        assertThat(seen.values()).containsAll(closedByEnd);
    }

    @Test
    void heartRateLiveEqualsBatchOnTheRealSeriesWithAShift() throws Exception {
        List<Reading> hr = RealSeries.fitbitHeartRate();
        Instant from = hr.get(hr.size() / 2).at();
        List<Reading> shifted = hr.stream().map(r -> !r.at().isBefore(from) && r.at().isBefore(from.plusSeconds(43_200))
                ? new Reading(r.at(), r.value() + 25) : r).toList();
        sameAsBatch(new HeartRateBaseline(), shifted);
    }

    @Test
    void weightLiveEqualsBatchWithADriftAndAShift() {
        sameAsBatch(new WeightBaseline(), SyntheticHomeSeries.weight(9, 80,
                d -> d < 30 ? 0 : d < 60 ? (d - 30) * 0.1 : -1.5));
    }

    @Test
    void readingsComeOldestFirstAndABadOneChangesNothing() {
        BaselineTracker t = new HeartRateBaseline().tracker(ZoneOffset.UTC);
        Instant noon = Instant.parse("2026-03-02T12:00:00Z");
        t.accept(new Reading(noon, 70));
        Assessment before = t.assessment();
        assertThatThrownBy(() -> t.accept(new Reading(noon.minusSeconds(3600), 70)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oldest first");
        assertThatThrownBy(() -> t.accept(new Reading(noon.plusSeconds(60), 400)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heart-rate reading is 20");
        assertThat(t.assessment()).isEqualTo(before);
        // within the open hour the order does not matter
        t.accept(new Reading(noon.plusSeconds(30), 72));
        t.accept(new Reading(noon.plusSeconds(10), 71));
        assertThat(t.assessment()).isEqualTo(new Assessment.NotEstablished(Measure.HEART_RATE, 1, 7));
    }

    @Test
    void aDaylightSavingDayHasTwentyThreeHourlySegments() {
        // Europe/Berlin springs forward on 2026-03-29 (02:00 → 03:00): that day has 23 clock hours, and so 23 bands
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        HeartRateBaseline det = new HeartRateBaseline();
        List<Reading> series = SyntheticHeartRate.perMinute(21, 70); // 2026-02-02 to 2026-04-12
        Assessment.Established a = (Assessment.Established) det.assess(series, berlin);
        LocalDate dst = LocalDate.of(2026, 3, 29);
        assertThat(a.band()).filteredOn(s -> s.start().atZone(berlin).toLocalDate().equals(dst)).hasSize(23)
                .allSatisfy(s -> assertThat(s.end()).isEqualTo(s.start().plusSeconds(3600)));
        assertThat(a.band()).filteredOn(s -> s.start().atZone(berlin).toLocalDate().equals(dst.plusDays(1)))
                .hasSize(24);
        assertThat(det.tracker(berlin).assessment()).isEqualTo(new Assessment.NotEstablished(Measure.HEART_RATE, 0,
                HeartRateBaseline.MIN_DAYS));
    }

    @Test
    void sevenDaysAreABaselineWithNothingYetToCompare() {
        List<Reading> week = SyntheticHomeSeries.weight(1, 30, d -> 0).subList(0, 7); // seven reading days
        Assessment a = new WeightBaseline().assess(week, ZoneOffset.UTC);
        assertThat(a).isEqualTo(new Assessment.Established(Measure.WEIGHT, List.of(), List.of()));
    }

    @Test
    void theBatchSortsAnUnorderedSeries() throws Exception {
        List<Reading> cgm = RealSeries.dexcomGlucose();
        List<Reading> reversed = new ArrayList<>(cgm).reversed();
        GlucoseBaseline g = new GlucoseBaseline();
        assertThat(g.assess(reversed, RealSeries.ZONE)).isEqualTo(g.assess(cgm, RealSeries.ZONE));
    }
}
