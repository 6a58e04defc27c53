package org.outpost.interop.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.Reading;

/**
 * The two real exports in ../shared/data/timeseries, read with format detection; the expected counts are counted
 * here from the raw text, independently of the importer.
 */
class RealSeriesFilesTest {
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Path DATA = Path.of(System.getProperty("basedir", "."), "..", "..", "shared", "data",
            "timeseries");

    private static Path file(String name) {
        Path file = DATA.resolve(name);
        Assumptions.assumeTrue(Files.exists(file), "the shared data folder is beside the project");
        return file;
    }

    @Test
    void fitbitHeartRateExport() throws Exception {
        Path file = file("fitbit_hr_2022484408.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int dataRows = lines.size() - 1; // id,time,hr then one reading a line

        ParsedSeries series = SeriesFiles.read(file, Optional.empty(), ZONE);

        assertThat(series.format()).isEqualTo(SeriesFormat.FITBIT);
        assertThat(series.rowsRead()).isEqualTo(dataRows);
        assertThat(series.readings().keySet()).containsExactly(Measure.HEART_RATE);
        List<Reading> hr = series.readings(Measure.HEART_RATE);
        assertThat(hr).hasSize(dataRows);
        assertThat(series.skipped()).isEmpty();
        // first and last lines of the file, local times in the zone given
        String[] first = lines.get(1).split(",");
        String[] last = lines.getLast().split(",");
        assertThat(hr.getFirst()).isEqualTo(new Reading(
                LocalDateTime.parse(first[1]).atZone(ZONE).toInstant(), Double.parseDouble(first[2])));
        assertThat(hr.getLast()).isEqualTo(new Reading(
                LocalDateTime.parse(last[1]).atZone(ZONE).toInstant(), Double.parseDouble(last[2])));
        assertOldestFirst(hr);
        // the export has one reading per timestamp (checked with sort | uniq -d on the time column)
        assertThat(series.duplicateTimestamps(Measure.HEART_RATE)).isZero();
    }

    @Test
    void dexcomG6ExportHasOnlyItsEgvRowsAsReadingsAndKeepsNoPatientDetails() throws Exception {
        Path file = file("dexcom_g6_cgmquantify_test_file.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        long egv = lines.stream().filter(l -> l.contains(",EGV,")).count();
        long alerts = lines.stream().filter(l -> l.contains(",Alert,")).count();
        assertThat(egv).isEqualTo(2148);

        ParsedSeries series = SeriesFiles.read(file, Optional.empty(), ZONE);

        assertThat(series.format()).isEqualTo(SeriesFormat.DEXCOM);
        assertThat(series.rowsRead()).isEqualTo(lines.size() - 1);
        assertThat(series.readings(Measure.GLUCOSE)).hasSize((int) egv);
        assertThat(series.readingCount()).isEqualTo(egv);
        assertThat(series.atSensorLimit()).isZero(); // no "Low"/"High" in this file
        assertThat(series.skipped()).isEqualTo(Map.of(
                Skipped.of(SkipReason.DEXCOM_PATIENT_OR_DEVICE_ROW), 4L, // FirstName, LastName, DateOfBirth, Device
                new Skipped(SkipReason.DEXCOM_EVENT, "Alert"), alerts));
        assertThat(series.rowsRead()).isEqualTo(series.readingCount() + series.skippedCount());
        // 12,2016-10-24T11:24:17,EGV,,,,iPhone G6,103 and the last line 2159,2016-11-01T09:19:02,EGV,...,108
        List<Reading> glucose = series.readings(Measure.GLUCOSE);
        assertThat(glucose.getFirst()).isEqualTo(new Reading(at("2016-10-24T11:24:17"), 103));
        assertThat(glucose.getLast()).isEqualTo(new Reading(at("2016-11-01T09:19:02"), 108));
        assertOldestFirst(glucose);
        assertThat(series.duplicateTimestamps(Measure.GLUCOSE)).isZero();
        // the name and birth-date rows are counted, never kept
        assertThat(series.toString()).doesNotContain("Joe", "Schmoe", "1970");
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    private static void assertOldestFirst(List<Reading> readings) {
        for (int i = 1; i < readings.size(); i++) {
            assertThat(readings.get(i).at()).isAfterOrEqualTo(readings.get(i - 1).at());
        }
    }

    @Test
    void fileReadsAreRepeatable() throws IOException, SeriesFileException {
        Path file = file("dexcom_g6_cgmquantify_test_file.csv");
        assertThat(SeriesFiles.read(file, Optional.of(SeriesFormat.DEXCOM), ZONE))
                .isEqualTo(SeriesFiles.read(file, Optional.empty(), ZONE));
    }
}
