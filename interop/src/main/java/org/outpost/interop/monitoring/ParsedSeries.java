package org.outpost.interop.monitoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.Reading;

/**
 * What a series file holds: the readings per measure (in the measure's unit, oldest first, duplicates kept: recognising
 * them on re-import is the store's job) and the counts a user sees after an import.
 *
 * @param format         the file's format
 * @param readings       per measure found in the file, oldest first (compact, immutable lists; times to the millisecond)
 * @param rowsRead       data rows (CSV, not counting the header) or resources (FHIR) read
 * @param skipped        rows that gave no reading although the file is fine, per reason
 * @param atSensorLimit  readings beyond what the device measures, stored at its limit and counted here: Dexcom
 *                       "Low"/"High" (40 / 400 mg/dL), FHIR values with a comparator ({@code <40 mg/dL})
 */
public record ParsedSeries(SeriesFormat format, Map<Measure, List<Reading>> readings, long rowsRead,
        Map<Skipped, Long> skipped, long atSensorLimit) {
    public ParsedSeries {
        Objects.requireNonNull(format, "format");
        EnumMap<Measure, List<Reading>> copy = new EnumMap<>(Measure.class);
        // the importer's own lists are compact and immutable already; anything else is copied
        readings.forEach((m, list) -> copy.put(m, list instanceof ReadingSeries ? list : List.copyOf(list)));
        readings = Collections.unmodifiableMap(copy);
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    }

    /** The readings of {@code measure}, oldest first (empty if the file has none). */
    public List<Reading> readings(Measure measure) {
        return readings.getOrDefault(measure, List.of());
    }

    /** All readings, all measures. */
    public long readingCount() {
        return readings.values().stream().mapToLong(List::size).sum();
    }

    /** All skipped rows, all reasons. */
    public long skippedCount() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Readings of {@code measure} at the same instant as the one before them (the store keeps one). */
    public long duplicateTimestamps(Measure measure) {
        return readings(measure) instanceof ReadingSeries s ? s.duplicateTimestamps() : 0;
    }
}
