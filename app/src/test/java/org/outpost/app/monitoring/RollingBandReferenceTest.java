package org.outpost.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The incremental tracker's bands checked against a plain recomputation written from the method's description:
 * for each day, the summaries of the 28 calendar days before it, their median and scaled MAD — nothing kept between
 * days. Covers the rolling window (days leaving it), the quantile summary and the minimum counts.
 */
class RollingBandReferenceTest {
    private static double quantile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int lo = (int) h;
        return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
    }

    /** The expected band segments, recomputed from scratch for every day. */
    private static List<BandSegment> reference(BaselineSettings s, List<Reading> series) {
        boolean hourly = s.period() == BaselineSettings.Period.HOUR_OF_DAY;
        // period start -> readings
        Map<Instant, List<Double>> periods = new TreeMap<>();
        for (Reading r : series) {
            ZonedDateTime t = r.at().atZone(ZoneOffset.UTC);
            Instant key = hourly ? t.truncatedTo(ChronoUnit.HOURS).toInstant() : t.truncatedTo(ChronoUnit.DAYS)
                    .toInstant();
            periods.computeIfAbsent(key, k -> new ArrayList<>()).add(r.value());
        }
        // day -> bin -> summary
        Map<LocalDate, Map<Integer, Double>> days = new TreeMap<>();
        periods.forEach((start, values) -> {
            ZonedDateTime t = start.atZone(ZoneOffset.UTC);
            Map<Integer, Double> day = days.computeIfAbsent(t.toLocalDate(), d -> new TreeMap<>());
            if (values.size() >= s.minReadings()) {
                day.put(hourly ? t.getHour() : 0,
                        quantile(values.stream().mapToDouble(Double::doubleValue).toArray(), s.summaryQuantile()));
            }
        });
        List<BandSegment> out = new ArrayList<>();
        for (LocalDate d : days.keySet()) {
            List<LocalDate> window = days.keySet().stream()
                    .filter(x -> x.isBefore(d) && !x.isBefore(d.minusDays(s.windowDays()))).toList();
            if (window.size() < s.minDays()) {
                continue;
            }
            for (int bin = 0; bin < (hourly ? 24 : 1); bin++) {
                int b = bin;
                double[] v = window.stream().map(days::get).filter(m -> m.containsKey(b)).mapToDouble(m -> m.get(b))
                        .toArray();
                if (v.length < s.minDaysPerBin()) {
                    continue;
                }
                double median = quantile(v, 0.5);
                double mad = 1.4826 * quantile(Arrays.stream(v).map(x -> Math.abs(x - median)).toArray(), 0.5);
                double half = s.k() * Math.max(mad, s.minHalfWidth() / s.k());
                Instant start = d.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(hourly ? 3600L * bin : 0);
                out.add(new BandSegment(start, start.plusSeconds(hourly ? 3600 : 86_400), median - half, median,
                        median + half));
            }
        }
        return out;
    }

    private static void sameBands(RollingBaseline detector, List<Reading> series) {
        List<BandSegment> expected = reference(detector.settings(), series);
        List<BandSegment> actual = ((Assessment.Established) detector.assess(series, ZoneOffset.UTC)).band();
        assertThat(actual).hasSameSizeAs(expected).isNotEmpty();
        for (int i = 0; i < expected.size(); i++) {
            BandSegment e = expected.get(i);
            BandSegment a = actual.get(i);
            assertThat(a.start()).isEqualTo(e.start());
            assertThat(a.end()).isEqualTo(e.end());
            assertThat(a.centre()).as(e.start().toString()).isCloseTo(e.centre(), Offset.offset(1e-9));
            assertThat(a.upper()).as(e.start().toString()).isCloseTo(e.upper(), Offset.offset(1e-9));
            assertThat(a.lower()).as(e.start().toString()).isCloseTo(e.lower(), Offset.offset(1e-9));
        }
    }

    @Test
    void heartRateBandsOnTheRealSeries() throws Exception {
        // 31 days: from day 29 on, the first days leave the 28-day window
        sameBands(new HeartRateBaseline(), RealSeries.fitbitHeartRate());
    }

    @Test
    void glucoseBandsOnTheRealSeries() throws Exception {
        sameBands(new GlucoseBaseline(), RealSeries.dexcomGlucose());
    }

    @Test
    void weightAndBloodPressureBandsOnLongSyntheticSeries() {
        sameBands(new WeightBaseline(), SyntheticHomeSeries.weight(31, 150, d -> d > 90 ? 0.05 * (d - 90) : 0));
        sameBands(new HomeBloodPressureBaseline(Measure.SYSTOLIC_BP),
                SyntheticHomeSeries.bloodPressure(32, 150, true, d -> d > 60 && d < 70 ? 15 : 0));
    }
}
