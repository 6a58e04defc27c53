package org.outpost.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heart-rate baseline on a real Fitbit export (../shared/data/timeseries/fitbit_hr_2022484408.csv: one month of
 * readings every few seconds, de-identified by its publisher): learnt on the first 14 days, applied to the rest,
 * with known anomalies injected into copies of the real series.
 */
class HeartRateBaselineTest {
    private static final ZoneId ZONE = ZoneOffset.UTC; // the export's local times, read as they are
    private static List<Reading> all;
    private static LocalDate firstDay;

    @BeforeAll
    static void read() throws IOException {
        Path file = Path.of(System.getProperty("basedir", "."), "..", "..", "shared", "data", "timeseries",
                "fitbit_hr_2022484408.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "the shared data folder is beside the project");
        all = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cells = line.split(",");
            if (cells.length == 3 && !cells[0].equals("id")) {
                all.add(new Reading(LocalDateTime.parse(cells[1]).toInstant(ZoneOffset.UTC), Double.parseDouble(cells[2])));
            }
        }
        firstDay = all.getFirst().at().atZone(ZONE).toLocalDate();
    }

    private static List<Reading> days(int from, int to) {
        return all.stream().filter(r -> {
            long d = r.at().atZone(ZONE).toLocalDate().toEpochDay() - firstDay.toEpochDay();
            return d >= from && d < to;
        }).toList();
    }

    private static HeartRateBaseline learnt() {
        return ((HeartRateBaseline.Learned.Established) HeartRateBaseline.learn(days(0, 14), ZONE)).baseline();
    }

    @Test
    void withTooLittleHistoryThereIsNoBaselineAndSoNoFlag() {
        assertThat(HeartRateBaseline.learn(days(0, 3), ZONE))
                .isEqualTo(new HeartRateBaseline.Learned.NotEstablished(3, HeartRateBaseline.MIN_DAYS));
    }

    @Test
    void theBaselineIsPerHourOfTheDayWorn() {
        HeartRateBaseline b = learnt();
        assertThat(b.days()).isEqualTo(14);
        // the night is slower than the afternoon for this wearer
        // this wearer takes the watch off at night: hours never worn have no band (and so no flag), the worn
        // hours have their own normal
        assertThat(b.median(3)).isEmpty();
        assertThat(b.halfWidth(3)).isZero();
        for (int h = 8; h <= 20; h++) {
            assertThat(b.median(h)).as("hour " + h).hasValueSatisfying(m -> assertThat(m).isBetween(55.0, 110.0));
            assertThat(b.halfWidth(h)).isGreaterThanOrEqualTo(HeartRateBaseline.MIN_HALF_WIDTH);
        }
    }

    @Test
    void theUnmodifiedSeriesRaisesFewFlags() {
        List<HeartRateBaseline.Flag> flags = learnt().flags(days(14, 31));
        // measured: the false-flag rate on the real series (17 days, about 2.4 patient-weeks); the test fails if
        // a change makes the detector noisier than this
        assertThat(flags.size()).isLessThanOrEqualTo(MEASURED_FALSE_FLAGS);
    }

    /** Flags on the unmodified days 14-30 when this test was written. */
    private static final int MEASURED_FALSE_FLAGS = 0;

    @Test
    void aSustainedRiseIsFlaggedWhereItIs() {
        // a level shift: +30 /min for six hours on day 20, 10:00-16:00 (a fever, an infection)
        LocalDate day = firstDay.plusDays(20);
        Instant from = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        Instant to = day.atTime(16, 0).toInstant(ZoneOffset.UTC);
        List<Reading> shifted = days(14, 31).stream().map(r -> !r.at().isBefore(from) && r.at().isBefore(to)
                ? new Reading(r.at(), r.value() + 30) : r).toList();
        List<HeartRateBaseline.Flag> flags = learnt().flags(shifted);
        assertThat(flags).anySatisfy(f -> {
            assertThat(f.direction()).isEqualTo(HeartRateBaseline.Direction.ABOVE);
            assertThat(f.start()).isBeforeOrEqualTo(from.plusSeconds(3600));
            assertThat(f.end()).isAfterOrEqualTo(to.minusSeconds(3600));
        });
    }

    @Test
    void aSpikeIsNotAFlag() {
        // five minutes at 170 /min (a run for the bus): a single noisy stretch, not a sustained change
        LocalDate day = firstDay.plusDays(22);
        Instant from = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Instant to = from.plusSeconds(300);
        List<Reading> base = days(14, 31);
        List<Reading> spiked = base.stream().map(r -> !r.at().isBefore(from) && r.at().isBefore(to)
                ? new Reading(r.at(), 170) : r).toList();
        assertThat(learnt().flags(spiked)).isEqualTo(learnt().flags(base));
    }
}
