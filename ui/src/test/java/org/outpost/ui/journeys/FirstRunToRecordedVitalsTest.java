package org.outpost.ui.journeys;

import org.outpost.store.TestVaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;
import static org.outpost.ui.testing.Desktop.shortcut;
import static org.outpost.ui.testing.Desktop.typeInto;
import static org.outpost.ui.testing.Desktop.fill;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Sex;
import org.outpost.ui.chart.ObservationRow;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Journey 1: first-run setup, sign-in, register, search, open the chart, record vitals, see them. */
@ExtendWith(ApplicationExtension.class)
class FirstRunToRecordedVitalsTest {
    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Desktop.show(stage, TestVaults.fast(dir, Clock.systemDefaultZone()), Clock.systemDefaultZone(),
                Duration.ofMinutes(10));
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @Test
    void setupSignInSearchOpenRecordAndSeeTheValueInTableAndTrend(FxRobot robot) {
        // first run: the password rules are on show before anything is typed
        assertThat(robot.lookup("#setup-rules").queryAs(Label.class).getText()).startsWith("At least 12 characters");
        typeInto(robot, "#setup-username", StoreFixture.ADMIN);
        typeInto(robot, "#setup-display-name", StoreFixture.ADMIN_NAME);
        fill(robot, "#setup-password", StoreFixture.PASSWORD);
        fill(robot, "#setup-repeat", StoreFixture.PASSWORD);
        robot.type(KeyCode.ENTER);
        await(desktop.window()::isUnlocked);

        // lock and sign in again
        shortcut(robot, KeyCode.L);
        await(() -> !desktop.window().isUnlocked());
        assertThat(robot.lookup("#login-lock-note").queryAs(Label.class).getText()).contains(StoreFixture.ADMIN_NAME);
        robot.write("wrong password!", 0);
        robot.type(KeyCode.ENTER);
        await(() -> !robot.lookup("#login-error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#login-error").queryAs(Label.class).getText()).isEqualTo("Wrong user name or password");
        assertThat(robot.lookup("#login-password").queryTextInputControl().getText()).isEmpty();
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);

        // register a patient (Ctrl+N)
        shortcut(robot, KeyCode.N);
        assertThat(desktop.shell().currentScreen()).isEqualTo("new-patient");
        typeInto(robot, "#patient-family-name", "Okafor");
        typeInto(robot, "#patient-given-name", "Ngozi");
        robot.interact(() -> robot.lookup("#patient-sex").<Sex>queryComboBox().setValue(Sex.FEMALE));
        typeInto(robot, "#patient-birth-date-text", "14/09/1971");
        robot.type(KeyCode.TAB);
        assertThat(onFx(() -> robot.lookup("#patient-birth-date").queryAs(DatePicker.class).getValue()))
                .isEqualTo(LocalDate.of(1971, 9, 14));
        robot.clickOn("#patient-save");
        await(() -> desktop.shell().currentScreen().equals("chart"));

        // back to the search (Ctrl+F), find by prefix, open with Enter
        shortcut(robot, KeyCode.F);
        assertThat(desktop.shell().currentScreen()).isEqualTo("search");
        robot.write("oka ng", 0);
        await(() -> robot.lookup("#search-results").queryTableView().getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        await(() -> desktop.shell().currentScreen().equals("chart")
                && robot.lookup("#chart-name").queryAs(Label.class).getText().equals("Okafor, Ngozi"));

        // record vitals (Ctrl+R), save with Enter
        shortcut(robot, KeyCode.R);
        await(() -> desktop.shell().currentChart().orElseThrow().isRecording());
        robot.write("128", 0);
        typeInto(robot, "#record-DIASTOLIC_BP", "82");
        typeInto(robot, "#record-HEART_RATE", "64");
        robot.type(KeyCode.ENTER);
        await(() -> !desktop.shell().currentChart().orElseThrow().isRecording()
                || !robot.lookup("#record-SYSTOLIC_BP").queryTextInputControl().getText().equals("128"));
        robot.type(KeyCode.ESCAPE);
        await(() -> !desktop.shell().currentChart().orElseThrow().isRecording());

        // the table and the trend show the new value
        robot.interact(() -> desktop.shell().currentChart().orElseThrow().showObservations());
        @SuppressWarnings("unchecked")
        TableView<ObservationRow> table = robot.lookup("#chart-observations").queryAs(TableView.class);
        await(() -> table.getItems().size() == 3);
        assertThat(table.getItems()).extracting(ObservationRow::measureName, ObservationRow::value)
                .contains(org.assertj.core.groups.Tuple.tuple("Systolic blood pressure", "128"));
        robot.interact(() -> desktop.shell().currentChart().orElseThrow().model().selectedMeasureProperty()
                .set(org.outpost.app.domain.Measure.SYSTOLIC_BP));
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> trend = robot.lookup("#chart-trend").queryAs(LineChart.class);
        assertThat(onFx(() -> trend.getData().getFirst().getData().stream().map(d -> d.getYValue().doubleValue())
                .toList())).containsExactly(128.0);
        assertThat(onFx(trend::getTitle)).isEqualTo("Systolic blood pressure");
        assertThat(onFx(() -> ((ComboBox<?>) robot.lookup("#record-BODY_WEIGHT-unit").query()).getItems()))
                .hasSize(2);
    }
}
