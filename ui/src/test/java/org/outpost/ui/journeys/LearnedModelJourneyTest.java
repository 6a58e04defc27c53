package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Measure;
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
 * Issue 13: a clinician opens the Risk tab of a man referred for chest pain, completes the exercise-test and
 * imaging inputs of the learned coronary disease model, and sees its estimate as a range with the explanation as
 * bars beside it; an input beyond anything in the training data gives "uncertain" and no number; the model card
 * opens from the chart.
 */
@ExtendWith(ApplicationExtension.class)
class LearnedModelJourneyTest {
    private static final String CAD = "cad-cleveland-learned";

    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), LearnedModelJourneyTest::referredForChestPain);
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            Window.getWindows().stream().filter(w -> w.getScene() != null
                    && "model-card".equals(w.getScene().getRoot().getId())).toList().forEach(Window::hide);
            return Boolean.TRUE;
        });
        desktop.close();
    }

    /** 63, male, with this week's blood pressure and cholesterol in the chart (mg/dL 233 = 6.03 mmol/L). */
    static void referredForChestPain(StoreFixture f) {
        Patient p = f.register("Okafor", "Emeka", Sex.MALE, LocalDate.now().minusYears(63).minusDays(20), "");
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
        f.record(p, lastWeek, Map.of(Measure.SYSTOLIC_BP, Quantity.of(145, Unit.MM_HG),
                Measure.DIASTOLIC_BP, Quantity.of(85, Unit.MM_HG),
                Measure.TOTAL_CHOLESTEROL, Quantity.of(233, Unit.MG_PER_DL)));
    }

    private static void choose(FxRobot robot, String input, String value) {
        robot.interact(() -> robot.lookup("#risk-input-" + CAD + "-" + input).<String>queryComboBox().setValue(value));
    }

    private static void type(FxRobot robot, String input, String value) {
        robot.interact(() -> robot.lookup("#risk-input-" + CAD + "-" + input).queryAs(TextField.class).setText(value));
    }

    @Test
    void theLearnedEstimateIsARangeWithItsExplanationAndItsCardOpensFromTheChart(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "okafor", "Okafor, Emeka");
        robot.clickOn("Risk");
        Label result = robot.lookup("#risk-result-" + CAD).queryAs(Label.class);
        await(() -> result.getText().startsWith("Missing: "));

        TitledPane explain = robot.lookup("#risk-explain-" + CAD).queryAs(TitledPane.class);
        robot.interact(() -> explain.setExpanded(true));
        // from the chart: age, sex, blood pressure, cholesterol; the rest from the exercise test and imaging
        assertThat(onFx(() -> robot.lookup("#risk-input-" + CAD + "-systolicBp").queryAs(TextField.class).getText()))
                .isEqualTo("145");
        choose(robot, "chestPain", "typical_angina");
        choose(robot, "fastingGlucoseOver120", "yes");
        choose(robot, "restingEcg", "lv_hypertrophy");
        type(robot, "maxHeartRate", "150");
        choose(robot, "exerciseAngina", "no");
        type(robot, "stDepression", "2.3");
        choose(robot, "stSlope", "downsloping");
        type(robot, "vesselsColoured", "0");
        choose(robot, "thallium", "fixed_defect");
        await(() -> result.getText().contains("range "));
        assertThat(onFx(result::getText)).matches("\\d+(\\.\\d)? %, range \\d+(\\.\\d)?\\u2013\\d+(\\.\\d)? % .*")
                .contains("a learned estimate");

        GridPane bars = robot.lookup("#risk-bars-" + CAD).queryAs(GridPane.class);
        Desktop.assertVisible(robot, "#risk-bars-" + CAD);
        assertThat(onFx(() -> bars.getChildren().stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).toList())).contains("Baseline (intercept)")
                .anySatisfy(t -> assertThat(t).endsWith("log-odds"));
        assertThat(onFx(() -> bars.lookupAll(".risk-bar-up").size() + bars.lookupAll(".risk-bar-down").size()))
                .isEqualTo(14);

        // a maximum heart rate above any in the training data (202): no number, and the reason
        type(robot, "maxHeartRate", "210");
        await(() -> result.getText().contains("Uncertain"));
        assertThat(onFx(result::getText)).contains("outside what this model has seen").doesNotContain("range ");
        assertThat(onFx(() -> bars.lookupAll(".risk-bar-up").size() + bars.lookupAll(".risk-bar-down").size()))
                .isZero();
        type(robot, "maxHeartRate", "150");
        await(() -> result.getText().contains("range "));

        robot.interact(() -> robot.lookup("#risk-model-card-" + CAD).queryButton().fire());
        await(() -> robot.lookup("#model-card").tryQuery().isPresent());
        Desktop.assertVisible(robot, "#model-card-subgroups");
        assertThat(robot.lookup("#model-card-limits").tryQuery()).isPresent();
    }
}
