package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Unit;
import org.outpost.app.usecase.ResultUnitService;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the results tab of the three-year chart ({@link ChartScreenshotTest#threeYearsOfCare}) at a site that shows
 * cholesterol in mmol/L, with the total cholesterol trend against its reference limit, and writes it to
 * {@code docs/screenshot-trend.png} at the repository root.
 */
@ExtendWith(ApplicationExtension.class)
class TrendScreenshotTest {
    /** The same fixed "now" as the chart screenshot, so the picture is the same on every run. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T11:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), CLOCK, f -> {
            ChartScreenshotTest.threeYearsOfCare(f);
            new ResultUnitService(f.store(), CLOCK, f.session()).choose(Measure.TOTAL_CHOLESTEROL, Unit.MMOL_PER_L);
        });
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @Test
    void writesTheTrendScreenshot(FxRobot robot) throws Exception {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "okafor ng", "Okafor, Ngozi");
        robot.interact(() -> {
            var chart = desktop.shell().currentChart().orElseThrow();
            chart.showObservations();
            chart.model().selectedMeasureProperty().set(Measure.TOTAL_CHOLESTEROL);
        });
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> trend = robot.lookup("#chart-trend").queryAs(LineChart.class);
        // cholesterol was measured at every third visit: 7 values, with the ATP III limit (< 200 mg/dL) as a line
        await(() -> trend.getData().getFirst().getData().size() == 7 && trend.getData().size() == 2);
        assertThat(Desktop.onFx(() -> trend.getYAxis().getLabel())).isEqualTo("mmol/L");
        robot.moveTo("#chart-name");
        robot.sleep(300); // a few pulses so the chart has laid out its axes

        Journey.Screenshot shot = Journey.writeScreenshot(trend.getScene(), "screenshot-trend.png");
        assertThat(shot.image().getWidth()).isEqualTo(1180);
        assertThat(Files.size(shot.file())).isGreaterThan(20_000);
    }

}
