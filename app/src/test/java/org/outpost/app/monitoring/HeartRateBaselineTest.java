package org.outpost.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heart-rate baseline on a real Fitbit export (../shared/data/timeseries/fitbit_hr_2022484408.csv: one month of
 * readings every few seconds while worn, 06:00–22:00, de-identified by its publisher), with known changes injected
 * into copies of the real series. The measured precision and recall over many injections are in
 * {@link MonitoringEvaluationTest}.
 */
class HeartRateBaselineTest {
    private static List<Reading> all;
    private static LocalDate firstDay;
    private final HeartRateBaseline detector = new HeartRateBaseline();

    @BeforeAll
    static void read() throws IOException {
        all = RealSeries.fitbitHeartRate();
        firstDay = all.getFirst().at().atZone(RealSeries.ZONE).toLocalDate();
    }

    private static List<Reading> days(int from, int to) {
        return all.stream().filter(r -> {
            long d = r.at().atZone(RealSeries.ZONE).toLocalDate().toEpochDay() - firstDay.toEpochDay();
            return d >= from && d < to;
        }).toList();
    }

    private Assessment.Established assess(List<Reading> readings) {
        return (Assessment.Established) detector.assess(readings, RealSeries.ZONE);
    }

    @Test
    void withTooLittleHistoryThereIsNoBaselineAndSoNoDeviation() {
        assertThat(detector.assess(days(0, 3), RealSeries.ZONE))
                .isEqualTo(new Assessment.NotEstablished(Measure.HEART_RATE, 3, HeartRateBaseline.MIN_DAYS));
        // six days with a whole-day +40 /min on the last: still not established, so nothing can be flagged
        List<Reading> raised = days(0, 6).stream().map(r -> r.at().atZone(RealSeries.ZONE).toLocalDate()
                .equals(firstDay.plusDays(5)) ? new Reading(r.at(), r.value() + 40) : r).toList();
        assertThat(detector.assess(raised, RealSeries.ZONE)).isInstanceOf(Assessment.NotEstablished.class);
    }

    @Test
    void theBandIsPerHourOfTheDayWornAndLearntOnlyFromEarlierDays() {
        Assessment.Established a = assess(days(0, 15));
        // day 7 is the first with 7 days before it; only hours worn on at least 4 of them have a band
        Instant day7 = firstDay.plusDays(7).atStartOfDay(RealSeries.ZONE).toInstant();
        assertThat(a.band()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.start()).isAfterOrEqualTo(day7);
            assertThat(s.upper() - s.centre()).isGreaterThanOrEqualTo(HeartRateBaseline.MIN_HALF_WIDTH - 1e-9);
            int hour = s.start().atZone(RealSeries.ZONE).getHour();
            assertThat(hour).as("this wearer takes the watch off at night").isBetween(6, 21);
        });
        assertThat(a.band()).filteredOn(s -> s.start().atZone(RealSeries.ZONE).getHour() == 12)
                .allSatisfy(s -> assertThat(s.centre()).isBetween(55.0, 110.0));
        // the band of day 8 does not depend on day 8 itself: drop day 8's readings, same band for it
        Instant day8 = day7.plusSeconds(86_400);
        List<BandSegment> withDay = a.band().stream().filter(s -> s.start().isAfter(day8.minusSeconds(1))
                && s.start().isBefore(day8.plusSeconds(86_400))).toList();
        List<Reading> shortened = days(0, 8);
        List<Reading> withOnePoint = new ArrayList<>(shortened);
        withOnePoint.add(new Reading(day8.plusSeconds(12 * 3600), 70));
        assertThat(assess(withOnePoint).band()).containsSubsequence(withDay);
    }

    @Test
    void aSpikeHourInTheHistoryLeavesTheBandAlmostUnchanged() {
        // the noon hour of day 3 at 180 /min (a run): the median of its day-to-day medians barely moves
        Instant from = firstDay.plusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
        List<Reading> spiked = days(0, 9).stream().map(r -> !r.at().isBefore(from)
                && r.at().isBefore(from.plusSeconds(3600)) ? new Reading(r.at(), 180) : r).toList();
        BandSegment before = noonOfDay8(assess(days(0, 9)));
        BandSegment after = noonOfDay8(assess(spiked));
        assertThat(after.centre()).isCloseTo(before.centre(), org.assertj.core.data.Offset.offset(3.0));
        assertThat(after.upper() - after.lower()).isCloseTo(before.upper() - before.lower(),
                org.assertj.core.data.Offset.offset(6.0));
        // a mean of the 8 earlier days would have moved by (180 − ~70) / 8 ≈ 14 /min
    }

    private static BandSegment noonOfDay8(Assessment.Established a) {
        Instant noon = firstDay.plusDays(8).atTime(12, 0).toInstant(ZoneOffset.UTC);
        return a.band().stream().filter(s -> s.start().equals(noon)).findFirst().orElseThrow();
    }

    @Test
    void aSustainedRiseIsFlaggedWhereItIs() {
        // a level shift: +30 /min for six hours on day 20, 10:00-16:00 (a fever, an infection)
        LocalDate day = firstDay.plusDays(20);
        Instant from = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        Instant to = day.atTime(16, 0).toInstant(ZoneOffset.UTC);
        List<Reading> shifted = all.stream().map(r -> !r.at().isBefore(from) && r.at().isBefore(to)
                ? new Reading(r.at(), r.value() + 30) : r).toList();
        assertThat(assess(shifted).deviations()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Deviation.Kind.SUSTAINED);
            assertThat(d.direction()).isEqualTo(Deviation.Direction.ABOVE);
            assertThat(d.start()).isBeforeOrEqualTo(from.plusSeconds(3600));
            assertThat(d.end()).isAfterOrEqualTo(to.minusSeconds(3600));
            assertThat(d.observed() - d.baseline()).isBetween(15.0, 45.0);
        });
        assertThat(assess(all).deviations()).noneSatisfy(d -> assertThat(d.start()).isBetween(from, to));
    }

    @Test
    void aSpikeIsNotADeviation() {
        // five minutes at 170 /min (a run for the bus): a single noisy stretch, not a sustained change
        Instant from = firstDay.plusDays(22).atTime(12, 0).toInstant(ZoneOffset.UTC);
        Instant to = from.plusSeconds(300);
        List<Reading> spiked = all.stream().map(r -> !r.at().isBefore(from) && r.at().isBefore(to)
                ? new Reading(r.at(), 170) : r).toList();
        assertThat(assess(spiked).deviations()).isEqualTo(assess(all).deviations());
    }
}
