package org.outpost.interop.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.monitoring.Measure;

/**
 * A Fitbit-style file of 500,000 rows (a year of per-minute heart rate) is read whole; the time is printed for the
 * record, not asserted (the JMH benchmark is the place for a limit).
 */
class SeriesFilesSpeedTest {
    static final int ROWS = 500_000;

    @TempDir
    Path dir;

    /** Writes a Fitbit export of {@code rows} readings, one a minute from 2023-01-01 00:00. */
    static Path fitbitFile(Path dir, int rows) throws IOException {
        Path file = dir.resolve("fitbit-500k.csv");
        LocalDateTime t = LocalDateTime.of(2023, 1, 1, 0, 0);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,time,hr\n");
            for (int i = 0; i < rows; i++) {
                w.write("2022484408,");
                w.write(t.plusMinutes(i).toString() + ":00");
                w.write(',');
                w.write(Integer.toString(55 + (int) ((i * 7919L) % 90)));
                w.write('\n');
            }
        }
        return file;
    }

    @Test
    void halfAMillionRowsAreReadInOnePass() throws Exception {
        Path file = fitbitFile(dir, ROWS);
        ZoneId zone = ZoneId.of("Europe/London");
        SeriesFiles.read(file, Optional.empty(), zone); // warm-up
        long start = System.nanoTime();
        ParsedSeries series = SeriesFiles.read(file, Optional.empty(), zone);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("SeriesFiles: %,d Fitbit rows (%,d bytes) read in %,d ms%n", ROWS, Files.size(file), millis);
        assertThat(series.readings(Measure.HEART_RATE)).hasSize(ROWS);
        // the spring-forward hour (2023-03-26 01:00-02:00 in London) does not exist: those local times move an hour
        // on and land on real ones, so readings of the next hour share their instants
        assertThat(series.duplicateTimestamps(Measure.HEART_RATE)).isEqualTo(60);
    }
}
