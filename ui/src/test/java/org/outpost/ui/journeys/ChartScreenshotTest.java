package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Encounter;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the chart of a patient with three years of vitals and labs and writes it to
 * {@code docs/screenshot-chart.png} at the repository root.
 */
@ExtendWith(ApplicationExtension.class)
class ChartScreenshotTest {
    /** A fixed "now", so the picture is the same on every run and every machine. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T11:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), CLOCK, ChartScreenshotTest::threeYearsOfCare);
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    /** A woman with hypertension and type 2 diabetes, seen every two months for three years. */
    static void threeYearsOfCare(StoreFixture f) {
        Patient p = f.register("Okafor", "Ngozi", Sex.FEMALE, LocalDate.of(1958, 9, 14), "penicillin, sulfonamides");
        f.register("Okafor", "Chidi", Sex.MALE, LocalDate.of(1956, 2, 3), "");
        ZoneId zone = CLOCK.getZone();
        LocalDate first = LocalDate.now(CLOCK).minusYears(3);
        for (int visit = 0; visit <= 18; visit++) {
            LocalDate day = first.plusMonths(visit * 2L);
            Instant at = day.atTime(9, 30 + visit % 3 * 10).atZone(zone).toInstant();
            double t = visit / 18.0;
            Map<Measure, Quantity> values = new LinkedHashMap<>();
            values.put(Measure.SYSTOLIC_BP, Quantity.of(Math.round(158 - 26 * t + 6 * Math.sin(visit * 1.7)), Unit.MM_HG));
            values.put(Measure.DIASTOLIC_BP, Quantity.of(Math.round(94 - 12 * t + 4 * Math.sin(visit * 1.3)), Unit.MM_HG));
            values.put(Measure.HEART_RATE, Quantity.of(Math.round(78 - 6 * t + 5 * Math.cos(visit)), Unit.PER_MIN));
            values.put(Measure.BODY_WEIGHT, Quantity.of(Math.round((86.5 - 6.5 * t + Math.sin(visit) * 0.8) * 10) / 10.0,
                    Unit.KG));
            if (visit % 3 == 0) {
                values.put(Measure.HBA1C, Quantity.of(Math.round((8.6 - 1.6 * t + 0.2 * Math.sin(visit)) * 10) / 10.0,
                        Unit.PERCENT));
                values.put(Measure.TOTAL_CHOLESTEROL, Quantity.of(Math.round((6.1 - 1.2 * t) * 10) / 10.0,
                        Unit.MMOL_PER_L));
                values.put(Measure.CREATININE, Quantity.of(Math.round(78 + 10 * t), Unit.UMOL_PER_L));
            }
            f.record(p, at, values);
        }
        LocalDate start = first.plusMonths(1);
        f.store().write(r -> {
            r.medications().insert(new Medication(UUID.randomUUID(), p.id(), "Metformin", Optional.of("6809"),
                    "1000 mg", "oral", "twice daily", start, Optional.empty()));
            r.medications().insert(new Medication(UUID.randomUUID(), p.id(), "Lisinopril", Optional.of("29046"),
                    "20 mg", "oral", "once daily", start, Optional.empty()));
            r.medications().insert(new Medication(UUID.randomUUID(), p.id(), "Atorvastatin", Optional.of("83367"),
                    "40 mg", "oral", "at night", start.plusMonths(6), Optional.empty()));
            r.genotypes().insert(new Genotype(UUID.randomUUID(), p.id(), "CYP2C19", "*1/*2", "Regional lab",
                    first.plusMonths(4)));
            r.genotypes().insert(new Genotype(UUID.randomUUID(), p.id(), "SLCO1B1", "*1/*1", "Regional lab",
                    first.plusMonths(4)));
            r.encounters().insert(new Encounter(UUID.randomUUID(), p.id(), first.atTime(9, 30).atZone(zone).toInstant(),
                    "outpatient", "Hypertension and diabetes review", "admin"));
            return null;
        });
    }

    @Test
    void writesTheChartScreenshot(FxRobot robot) throws Exception {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "okafor ng", "Okafor, Ngozi");
        robot.interact(() -> {
            var chart = desktop.shell().currentChart().orElseThrow();
            chart.showObservations();
            chart.model().selectedMeasureProperty().set(Measure.SYSTOLIC_BP);
        });
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> trend = robot.lookup("#chart-trend").queryAs(LineChart.class);
        await(() -> trend.getData().getFirst().getData().size() == 19);
        robot.moveTo("#chart-name");
        robot.sleep(300); // a few pulses so the chart has laid out its axes

        Journey.Screenshot shot = Journey.writeScreenshot(trend.getScene(), "screenshot-chart.png");
        assertThat(shot.image().getWidth()).isEqualTo(1180);
        assertThat(Files.size(shot.file())).isGreaterThan(20_000);
    }

}
