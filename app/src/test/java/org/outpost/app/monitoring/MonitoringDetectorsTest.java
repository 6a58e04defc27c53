package org.outpost.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector for each measure, on SYNTHETIC home series ({@link SyntheticHomeSeries}) and the real CGM file. */
class MonitoringDetectorsTest {
    @Test
    void everyMeasureHasItsDetector() {
        for (Measure m : Measure.values()) {
            assertThat(MonitoringDetectors.forMeasure(m).measure()).isEqualTo(m);
        }
        assertThat(MonitoringDetectors.forMeasure(Measure.HEART_RATE)).isInstanceOf(HeartRateBaseline.class);
        assertThat(MonitoringDetectors.forMeasure(Measure.GLUCOSE)).isInstanceOf(GlucoseBaseline.class);
        assertThat(MonitoringDetectors.forMeasure(Measure.WEIGHT)).isInstanceOf(WeightBaseline.class);
        assertThat(MonitoringDetectors.forMeasure(Measure.DIASTOLIC_BP).settings().period())
                .isEqualTo(BaselineSettings.Period.DAY);
        assertThatThrownBy(() -> new HomeBloodPressureBaseline(Measure.WEIGHT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("systolic or diastolic");
    }

    @Test
    void weightGainOfTwoKilogramsInThreeDaysIsFlaggedByTheThirdDayAboveTheBand() {
        // heart-failure rule of thumb: > 2 kg in 3 days (Ponikowski 2016, ESC). Day 30-32 ramp, then held.
        List<Reading> series = SyntheticHomeSeries.weight(7, 45, d -> d < 30 ? 0 : Math.min(2, (d - 29) * 2.0 / 3));
        Assessment.Established a = (Assessment.Established) new WeightBaseline().assess(series, ZoneOffset.UTC);
        Instant rampStart = SyntheticHomeSeries.FIRST.plusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC);
        assertThat(a.deviations()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Deviation.Kind.SUSTAINED);
            assertThat(d.direction()).isEqualTo(Deviation.Direction.ABOVE);
            assertThat(d.start()).isBetween(rampStart, rampStart.plusSeconds(3 * 86_400));
            assertThat(d.observed() - d.baseline()).isBetween(1.5, 2.5);
        });
        // one segment a reading day from the 8th reading day on, at least ±1 kg
        assertThat(a.band()).isNotEmpty().allSatisfy(s -> assertThat(s.upper() - s.centre())
                .isGreaterThanOrEqualTo(WeightBaseline.MIN_HALF_WIDTH - 1e-9));
        Assessment.Established plain = (Assessment.Established) new WeightBaseline()
                .assess(SyntheticHomeSeries.weight(7, 45, d -> 0), ZoneOffset.UTC);
        assertThat(plain.deviations()).isEmpty();
    }

    @Test
    void sixReadingDaysAreNotABaseline() {
        List<Reading> series = SyntheticHomeSeries.weight(3, 60, d -> 0).subList(0, 6);
        assertThat(new WeightBaseline().assess(series, ZoneOffset.UTC))
                .isEqualTo(new Assessment.NotEstablished(Measure.WEIGHT, 6, WeightBaseline.MIN_DAYS));
    }

    @Test
    void oneHighBloodPressureReadingIsNotADeviationButAWeekOfThemIs() {
        List<Reading> base = SyntheticHomeSeries.bloodPressure(11, 40, true, d -> 0);
        RollingBaseline sbp = MonitoringDetectors.forMeasure(Measure.SYSTOLIC_BP);
        List<Deviation> before = ((Assessment.Established) sbp.assess(base, ZoneOffset.UTC)).deviations();
        List<Reading> spiked = new ArrayList<>(base);
        int i = spiked.size() - 20;
        spiked.set(i, new Reading(spiked.get(i).at(), spiked.get(i).value() + 50));
        assertThat(((Assessment.Established) sbp.assess(spiked, ZoneOffset.UTC)).deviations()).isEqualTo(before);
        // stopping an antihypertensive: +20 mmHg from day 30
        List<Reading> stopped = SyntheticHomeSeries.bloodPressure(11, 40, true, d -> d >= 30 ? 20 : 0);
        assertThat(((Assessment.Established) sbp.assess(stopped, ZoneOffset.UTC)).deviations())
                .anySatisfy(d -> {
                    assertThat(d.direction()).isEqualTo(Deviation.Direction.ABOVE);
                    assertThat(d.start()).isAfterOrEqualTo(
                            SyntheticHomeSeries.FIRST.plusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC));
                });
    }

    @Test
    void aSlowWeightDriftIsFoundByTheCusumBeforeItLeavesTheBand() {
        // +0.1 kg a day from day 30 (3 kg in a month): each day well inside ±1 kg of the rolling median at first
        List<Reading> series = SyntheticHomeSeries.weight(5, 70, d -> d < 30 ? 0 : (d - 30) * 0.1);
        Assessment.Established a = (Assessment.Established) new WeightBaseline().assess(series, ZoneOffset.UTC);
        Deviation drift = a.deviations().stream().filter(d -> d.kind() == Deviation.Kind.DRIFT).findFirst()
                .orElseThrow();
        assertThat(drift.direction()).isEqualTo(Deviation.Direction.ABOVE);
        Deviation firstSustained = a.deviations().stream().filter(d -> d.kind() == Deviation.Kind.SUSTAINED)
                .findFirst().orElse(null);
        if (firstSustained != null) {
            assertThat(drift.end()).isBeforeOrEqualTo(firstSustained.end());
        }
    }

    @Test
    void theCgmPatternIsLearntFromFourDays() throws Exception {
        List<Reading> cgm = RealSeries.dexcomGlucose();
        Assessment a = new GlucoseBaseline().assess(cgm, RealSeries.ZONE);
        Assessment.Established e = (Assessment.Established) a;
        assertThat(e.band()).isNotEmpty().allSatisfy(s -> assertThat(s.upper() - s.centre())
                .isGreaterThanOrEqualTo(GlucoseBaseline.MIN_HALF_WIDTH - 1e-9));
        assertThat(new GlucoseBaseline().assess(cgm.subList(0, 600), RealSeries.ZONE))
                .isInstanceOf(Assessment.NotEstablished.class);
    }
}
