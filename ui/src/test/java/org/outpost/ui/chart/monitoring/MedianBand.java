package org.outpost.ui.chart.monitoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.outpost.app.monitoring.Assessment;
import org.outpost.app.monitoring.BandSegment;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.PersonalBaseline;
import org.outpost.app.monitoring.Reading;

/**
 * TEST ONLY, for drawing tests: a stand-in baseline (each day's band is the median of all readings ± 10) until the
 * real detectors (MonitoringDetectors) land. It flags nothing and is no clinical method; with fewer than
 * {@code needed} days it is "not yet established", so the screen's text for that case can be checked.
 */
public record MedianBand(Measure measure, int needed) implements PersonalBaseline {
    @Override
    public Assessment assess(List<Reading> readings, ZoneId zone) {
        Map<LocalDate, Boolean> days = new TreeMap<>();
        readings.forEach(r -> days.put(LocalDate.ofInstant(r.at(), zone), true));
        if (days.size() < needed) {
            return new Assessment.NotEstablished(measure, days.size(), needed);
        }
        double[] v = readings.stream().mapToDouble(Reading::value).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        List<BandSegment> band = new ArrayList<>();
        for (LocalDate d : days.keySet()) {
            band.add(new BandSegment(d.atStartOfDay(zone).toInstant(), d.plusDays(1).atStartOfDay(zone).toInstant(),
                    median - 10, median, median + 10));
        }
        return new Assessment.Established(measure, band, List.of());
    }
}
