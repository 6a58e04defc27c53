package org.outpost.interop.monitoring;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.Reading;

/** The readings and counts of one file as it is read. */
final class SeriesCollector {
    private final EnumMap<Measure, ReadingSeries.Builder> builders = new EnumMap<>(Measure.class);
    private final Map<Skipped, Long> skipped = new HashMap<>();
    private long rowsRead;
    private long atSensorLimit;

    void row() {
        rowsRead++;
    }

    void add(Measure measure, long epochMilli, double value) {
        builders.computeIfAbsent(measure, m -> new ReadingSeries.Builder()).add(epochMilli, value);
    }

    void skip(Skipped why) {
        skipped.merge(why, 1L, Long::sum);
    }

    void atSensorLimit() {
        atSensorLimit++;
    }

    ParsedSeries result(SeriesFormat format) {
        Map<Measure, List<Reading>> readings = new EnumMap<>(Measure.class);
        builders.forEach((measure, builder) -> readings.put(measure, builder.build()));
        return new ParsedSeries(format, readings, rowsRead, skipped, atSensorLimit);
    }
}
