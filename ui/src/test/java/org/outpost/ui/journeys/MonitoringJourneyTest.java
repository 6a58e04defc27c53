package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.MonitoringFlag;
import org.outpost.app.monitoring.Reading;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.ui.chart.monitoring.FlagRow;
import org.outpost.app.monitoring.MonitoringDetectors;
import org.outpost.ui.chart.monitoring.SeriesCanvas;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 15 item 5 on a real scene and a real encrypted store: a patient with a month of per-minute heart rate from a
 * watch and a stored flag (a sustained rise one afternoon). The clinician opens the chart's Monitoring tab, sees the
 * week's chart (the real detectors drew the band and raised the flag), clicks the flag's shaded period, dismisses it with a note — and the list shows it dismissed and the
 * dismiss rate updates. Writes {@code docs/screenshot-monitoring.png}.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringJourneyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T11:00:00Z"), ZoneOffset.UTC);
    private static final Instant FLAG_START = Instant.parse("2026-02-27T13:00:00Z");
    private static final Instant FLAG_END = Instant.parse("2026-02-27T18:00:00Z");
    @TempDir
    Path dir;
    Desktop desktop;
    UUID flagId;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), CLOCK, f -> {
            Patient p = f.register("Lindqvist", "Maja", Sex.FEMALE, LocalDate.of(1969, 11, 3), "");
            // the readings go through the real service, store and detectors, which raise the afternoon's flag
            var outcome = new MonitoringService(f.store(), CLOCK, f.session(), MonitoringDetectors::forMeasure)
                    .importReadings(p.id(), Map.of(Measure.HEART_RATE, month()), "generic");
            MonitoringFlag raised = outcome.newFlags().getFirst();
            if (outcome.newFlags().size() != 1 || !raised.deviation().start().equals(FLAG_START)
                    || !raised.deviation().end().equals(FLAG_END)) {
                throw new AssertionError("the detector should flag the raised afternoon only: " + outcome.newFlags());
            }
            flagId = raised.id();
        });
    }

    /** 30 days of per-minute heart rate: lower at night, a daily rhythm, and the flagged afternoon around 94. */
    private static List<Reading> month() {
        List<Reading> out = new ArrayList<>();
        Instant last = CLOCK.instant().minus(Duration.ofHours(1));
        for (Instant t = last.minus(Duration.ofDays(30)); t.isBefore(last); t = t.plusSeconds(60)) {
            long minute = t.getEpochSecond() / 60;
            double hour = (minute % 1440) / 60.0;
            double value = 64 + 9 * Math.sin((hour - 9) / 24 * 2 * Math.PI) + (minute * 7919 % 11) - 5;
            if (!t.isBefore(FLAG_START) && t.isBefore(FLAG_END)) {
                value += 24;
            }
            out.add(new Reading(t, Math.round(value)));
        }
        return out;
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void aFlagClickedOnTheChartIsDismissedWithANote(FxRobot robot) throws Exception {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "lindqvist", "Lindqvist, Maja");
        robot.clickOn("#chart-tab-monitoring");
        await(() -> text(robot, "#monitoring-series-line").startsWith("43,200 readings from 2026-01-31 to 2026-03-02"));
        await(() -> text(robot, "#monitoring-window-line").equals("Showing 2026-02-23 09:59 to 2026-03-02 09:59"));
        // a user who records readings has the import row above the chart (the import itself: MonitoringImportViewModelTest)
        assertThat(onFx(() -> robot.lookup("#monitoring-import").query().isVisible())).isTrue();
        SeriesCanvas chart = robot.lookup("#monitoring-chart").queryAs(SeriesCanvas.class);
        @SuppressWarnings("unchecked")
        TableView<FlagRow> table = robot.lookup("#monitoring-flags").queryAs(TableView.class);
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(1);
        assertThat(onFx(() -> table.getItems().getFirst().change())).isEqualTo("68 → 92 /min");
        assertThat(text(robot, "#monitoring-dismiss-rates")).isEqualTo("No flags decided yet at this site");

        // click the flag's shaded period on the chart: it is selected in the list
        Point2D where = onFx(() -> chart.localToScreen(chart.flagCentre(flagId), chart.getHeight() / 2));
        robot.clickOn(where);
        await(() -> table.getSelectionModel().getSelectedItem() != null);
        assertThat(onFx(() -> table.getSelectionModel().getSelectedItem().id())).isEqualTo(flagId);
        assertThat(text(robot, "#monitoring-selected")).isEqualTo(
                "Heart rate, 2026-02-27 13:00–18:00: Above, sustained, 68 → 92 /min. Open");

        // the chart takes the keyboard: left steps a window back, right forward again
        robot.interact(chart::requestFocus);
        robot.type(javafx.scene.input.KeyCode.LEFT);
        await(() -> text(robot, "#monitoring-window-line").equals("Showing 2026-02-16 09:59 to 2026-02-23 09:59"));
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        await(() -> text(robot, "#monitoring-window-line").equals("Showing 2026-02-23 09:59 to 2026-03-02 09:59"));

        Desktop.typeInto(robot, "#monitoring-note", "Gardening all afternoon, felt well");
        writeScreenshot(robot, chart);
        robot.clickOn("#monitoring-dismiss");
        await(() -> text(robot, "#monitoring-dismiss-rates").equals("Dismissed 1 of 1 heart rate flag (100 %)"));
        assertThat(onFx(() -> table.getItems().getFirst().status())).isEqualTo("Dismissed by admin on 2026-03-02 11:00");
        assertThat(text(robot, "#monitoring-selected")).endsWith(
                "Dismissed by admin on 2026-03-02 11:00: Gardening all afternoon, felt well");
        assertThat(text(robot, "#monitoring-message")).isEqualTo("Dismissed the Heart rate flag of 2026-02-27 13:00–18:00");
        assertThat(onFx(() -> robot.lookup("#monitoring-dismiss").query().isDisabled())).isTrue(); // decided
    }

    private static void writeScreenshot(FxRobot robot, SeriesCanvas chart) throws Exception {
        robot.moveTo("#chart-name");
        robot.sleep(200);
        Journey.Screenshot shot = Journey.writeScreenshot(onFx(chart::getScene), "screenshot-monitoring.png");
        assertThat(Files.size(shot.file())).isGreaterThan(20_000);
    }
}
