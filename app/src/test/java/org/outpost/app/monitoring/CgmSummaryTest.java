package org.outpost.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CgmSummaryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static List<GlucoseReading> series(double... values) {
        return IntStream.range(0, values.length)
                .mapToObj(i -> new GlucoseReading(T0.plus(FIVE_MINUTES.multipliedBy(i)), values[i])).toList();
    }

    @ParameterizedTest(name = "mean {0} mg/dL -> GMI {1} %")
    @CsvSource({"100, 5.7", "125, 6.3", "150, 6.9", "175, 7.5", "200, 8.1", "225, 8.7", "250, 9.3", "275, 9.9",
            "300, 10.5", "350, 11.7"})
    void gmiMatchesTheTableOfItsPaper(double mean, double gmi) {
        // Bergenstal RM et al., Diabetes Care 2018;41:2275-2280, Table 1: GMI for mean CGM glucose, to one decimal
        assertThat(Math.round(CgmSummary.gmi(mean) * 10) / 10.0).isEqualTo(gmi);
    }

    @Test
    void theConsensusRangesSplitAtTheirLimits() {
        // Battelino T et al., Diabetes Care 2019;42:1593-1603: <54 | 54-69 | 70-180 | 181-250 | >250 mg/dL
        CgmSummary s = CgmSummary.of(series(53, 54, 69, 70, 180, 181, 250, 251, 120, 120), FIVE_MINUTES);
        assertThat(s.veryLowPercent()).isEqualTo(10.0);
        assertThat(s.lowPercent()).isEqualTo(20.0);
        assertThat(s.inRangePercent()).isEqualTo(40.0);
        assertThat(s.highPercent()).isEqualTo(20.0);
        assertThat(s.veryHighPercent()).isEqualTo(10.0);
        assertThat(s.readings()).isEqualTo(10);
        assertThat(s.activePercent()).isEqualTo(100.0);
    }

    @Test
    void meanVariationAndCoverageAreComputedAsDefined() {
        // 100, 140, 180: mean 140, sample SD 40, CV 28.6 %; GMI 3.31 + 0.02392 x 140 = 6.66 %
        CgmSummary s = CgmSummary.of(List.of(new GlucoseReading(T0, 100),
                new GlucoseReading(T0.plus(FIVE_MINUTES), 140),
                new GlucoseReading(T0.plus(Duration.ofMinutes(55)), 180)), FIVE_MINUTES);
        assertThat(s.meanMgPerDl()).isEqualTo(140.0);
        assertThat(s.cvPercent()).isCloseTo(28.571, within(0.001));
        assertThat(s.gmiPercent()).isCloseTo(6.6588, within(0.0001));
        assertThat(s.stable()).isTrue();
        // 3 readings of 5 minutes over 55 + 5 minutes: a quarter of the time, too little for the consensus targets
        assertThat(s.activePercent()).isCloseTo(25.0, within(1e-9));
        assertThat(s.enoughData()).isFalse();
    }

    @Test
    void aRealDexcomG6ExportIsSummarised() throws IOException {
        // ../shared/data/timeseries/dexcom_g6_cgmquantify_test_file.csv: 8 days of a real Dexcom G6 export (EGV rows).
        // Expected values computed independently with awk over the same rows (n, mean, sample SD, range shares).
        Path file = Path.of(System.getProperty("basedir", "."), "..", "..", "shared", "data", "timeseries",
                "dexcom_g6_cgmquantify_test_file.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "the shared data folder is beside the project");
        List<GlucoseReading> readings = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cells = line.split(",", -1);
            if (cells.length > 7 && cells[2].equals("EGV")) {
                readings.add(new GlucoseReading(LocalDateTime.parse(cells[1]).toInstant(ZoneOffset.UTC),
                        Double.parseDouble(cells[7])));
            }
        }
        CgmSummary s = CgmSummary.of(readings, FIVE_MINUTES);
        assertThat(s.readings()).isEqualTo(2148);
        assertThat(s.meanMgPerDl()).isCloseTo(111.8966, within(0.0001));
        assertThat(s.cvPercent()).isCloseTo(25.7378, within(0.0001));
        assertThat(s.gmiPercent()).isCloseTo(5.9866, within(0.0001));
        assertThat(s.inRangePercent()).isCloseTo(93.9944, within(0.0001));
        assertThat(s.veryLowPercent() + s.lowPercent()).isCloseTo(0.3724 + 1.2570, within(0.0001));
        assertThat(s.highPercent() + s.veryHighPercent()).isCloseTo(4.0503 + 0.3259, within(0.0001));
        assertThat(s.veryLowPercent() + s.lowPercent() + s.inRangePercent() + s.highPercent() + s.veryHighPercent())
                .isCloseTo(100.0, within(1e-9));
        // 2148 x 5 min over 2016-10-24 11:24 to 2016-11-01 09:19: about 94 % of the time
        assertThat(s.activePercent()).isBetween(90.0, 100.0);
        assertThat(s.enoughData()).isTrue();
        assertThat(s.stable()).isTrue();
    }

    @Test
    void impossibleValuesAndTooFewReadingsAreRefused() {
        assertThatThrownBy(() -> new GlucoseReading(T0, 6.2)).hasMessageContaining("mmol/L given as mg/dL");
        assertThatThrownBy(() -> new GlucoseReading(T0, 7500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GlucoseReading(T0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CgmSummary.of(series(120), FIVE_MINUTES)).hasMessageContaining("at least two");
        assertThatThrownBy(() -> CgmSummary.of(series(120, 130), Duration.ZERO)).hasMessageContaining("positive");
    }
}
