package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.ui.chart.ObservationRow;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14 item 3: a clinician opens a chart and reads flags (H, HH) and reference ranges, with no column cut short
 * at 1280×720 or 1366×768; an administrator shows glucose in mmol/L for the site; the chart then shows mmol/L
 * everywhere and a row opens its measure's trend with the range and the abnormal points marked.
 */
@ExtendWith(ApplicationExtension.class)
class ResultsJourneyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T11:00:00Z"), ZoneOffset.UTC);
    private static final String DOCTOR = "dr.mensah";
    private static final String DOCTOR_PASSWORD = "green valley morning";

    @TempDir
    Path dir;
    Desktop desktop;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), CLOCK, f -> {
            Patient p = f.register("Owusu", "Abena", Sex.FEMALE, LocalDate.of(1962, 4, 2), "");
            // six visits two months apart: glucose falls from 212 to 104 mg/dL, one systolic pressure in crisis
            double[] glucose = {212, 180, 151, 128, 112, 104};
            double[] systolic = {186, 152, 141, 134, 126, 118};
            for (int i = 0; i < glucose.length; i++) {
                Instant at = CLOCK.instant().minus(Duration.ofDays(60L * (glucose.length - i)));
                Map<Measure, Quantity> values = new LinkedHashMap<>();
                values.put(Measure.SYSTOLIC_BP, Quantity.of(systolic[i], Unit.MM_HG));
                values.put(Measure.DIASTOLIC_BP, Quantity.of(78, Unit.MM_HG));
                values.put(Measure.GLUCOSE, Quantity.of(glucose[i], Unit.MG_PER_DL));
                values.put(Measure.CREATININE, Quantity.of(0.9, Unit.MG_PER_DL));
                f.record(p, at, values);
            }
            f.store().accounts().add(StoreFixture.ADMIN, DOCTOR, "Dr Kwame Mensah", Role.CLINICIAN,
                    DOCTOR_PASSWORD.toCharArray());
        });
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<ObservationRow> table(FxRobot robot) {
        return robot.lookup("#chart-observations").queryAs(TableView.class);
    }

    private static ObservationRow newest(TableView<ObservationRow> table, Measure m) {
        return onFx(() -> table.getItems().stream().filter(r -> r.measure() == m).findFirst().orElseThrow());
    }

    @Test
    void clinicianReadsFlagsAdminSwitchesUnitsAndARowOpensItsTrend(FxRobot robot) {
        desktop.signIn(robot, DOCTOR, DOCTOR_PASSWORD);
        Journey.openChart(robot, desktop, "owusu", "Owusu, Abena");
        robot.interact(() -> desktop.shell().currentChart().orElseThrow().showObservations());
        TableView<ObservationRow> table = table(robot);
        await(() -> table.getItems().size() == 24);
        ObservationRow glucose = newest(table, Measure.GLUCOSE);
        assertThat(List.of(glucose.valueWithUnit(), glucose.flagText(), glucose.range()))
                .containsExactly("104 mg/dL", "H", "70\u201399 mg/dL");
        assertThat(onFx(() -> table.getItems().stream().filter(r -> r.measure() == Measure.SYSTOLIC_BP)
                .map(ObservationRow::flagText).toList())).containsExactly("", "H", "H", "H", "H", "HH");
        // the flag is text in its own styled cell, with its meaning for screen readers
        await(() -> robot.lookup("#chart-observations .table-cell.result-high").tryQuery().isPresent());
        Labeled high = robot.lookup("#chart-observations .table-cell.result-high").queryAs(Labeled.class);
        assertThat(onFx(high::getText)).isEqualTo("H");
        assertThat(onFx(high::getAccessibleText)).isEqualTo("High");
        robot.interact(() -> table.scrollTo(table.getItems().size() - 1)); // the oldest visit, in crisis
        await(() -> robot.lookup("#chart-observations .table-cell.result-critical-high").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#chart-observations .table-cell.result-critical-high")
                .queryAs(Labeled.class).getText())).isEqualTo("HH");
        assertThat(robot.lookup("#nav-admin").tryQuery().filter(Desktop::shown)).as("a clinician has no admin screen")
                .isEmpty();

        for (double[] size : new double[][] {{1280, 720}, {1366, 768}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            robot.sleep(200); // a pulse or two for the layout
            assertNothingCutShort(robot, size);
        }

        // the administrator shows glucose in mmol/L at this site
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> desktop.window().shell().isEmpty() && !desktop.window().isUnlocked());
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        robot.clickOn("#nav-admin");
        await(() -> desktop.shell().currentScreen().equals("admin"));
        robot.clickOn("Result units");
        await(() -> Desktop.shown(robot.lookup("#result-unit-GLUCOSE").query()));
        robot.interact(() -> robot.lookup("#result-unit-GLUCOSE").<Unit>queryComboBox().setValue(Unit.MMOL_PER_L));
        Label status = robot.lookup("#result-units-status").queryAs(Label.class);
        await(() -> status.getText().equals("Glucose is now shown in mmol/L."));

        // every display of the chart follows
        Journey.openChart(robot, desktop, "owusu", "Owusu, Abena");
        robot.interact(() -> desktop.shell().currentChart().orElseThrow().showObservations());
        TableView<ObservationRow> again = table(robot);
        await(() -> again.getItems().size() == 24 && newest(again, Measure.GLUCOSE).unit().equals("mmol/L"));
        ObservationRow mmol = newest(again, Measure.GLUCOSE);
        // 104 mg/dL ÷ 18.016 = 5.77 mmol/L; 70–99 mg/dL = 3.9–5.5 mmol/L
        assertThat(List.of(mmol.valueWithUnit(), mmol.flagText(), mmol.range()))
                .containsExactly("5.8 mmol/L", "H", "3.9\u20135.5 mmol/L");
        assertThat(newest(again, Measure.CREATININE).unit()).isEqualTo("mg/dL");

        // a glucose row opens the glucose trend, with the range's two lines and the high points marked
        int row = onFx(() -> again.getItems().indexOf(mmol));
        robot.interact(() -> {
            again.scrollTo(row);
            again.getSelectionModel().select(row);
        });
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> trend = robot.lookup("#chart-trend").queryAs(LineChart.class);
        await(() -> "Glucose".equals(trend.getTitle()) && trend.getData().getFirst().getData().size() == 6);
        assertThat(onFx(() -> trend.getYAxis().getLabel())).isEqualTo("mmol/L");
        assertThat(onFx(() -> trend.getData().size())).as("values, low limit, high limit").isEqualTo(3);
        assertThat(onFx(() -> trend.getData().get(1).getData().getFirst().getYValue().doubleValue()))
                .isCloseTo(70 / 18.016, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(onFx(() -> trend.getData().getFirst().getData().stream().map(d -> d.getNode())
                .filter(n -> n.getStyleClass().contains("result-high")).count())).isEqualTo(6);
    }

    /** Every column header of the results table shows its whole text, and so does every visible cell. */
    private static void assertNothingCutShort(FxRobot robot, double[] size) {
        List<Labeled> headers = onFx(() -> robot.lookup("#chart-observations .column-header .label")
                .queryAllAs(Labeled.class).stream().filter(Node::isVisible).toList());
        assertThat(headers).as("headers at %sx%s", size[0], size[1]).hasSize(5);
        assertThat(onFx(() -> headers.stream().filter(Labeled::isTextTruncated).map(Labeled::getText).toList()))
                .as("headers cut short at %sx%s", size[0], size[1]).isEmpty();
        List<String> cut = onFx(() -> robot.lookup("#chart-observations .table-cell").queryAllAs(Labeled.class)
                .stream().filter(c -> c.isVisible() && c.getText() != null && c.isTextTruncated())
                .map(Labeled::getText).toList());
        assertThat(cut).as("cells cut short at %sx%s", size[0], size[1]).isEmpty();
    }
}
