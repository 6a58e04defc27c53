package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Role;
import org.outpost.ui.models.ModelsAndContentViewModel;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A clinician opens Models and content from the toolbar, sees the learned model and the clinical tables in force,
 * and opens the learned model's card in its own window: the subgroup table with a warning and the calibration plot.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsAndContentJourneyTest {
    private static final String NURSE = "nurse.kim";
    private static final String NURSE_PASSWORD = "tulips in the rain";

    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), f -> f.store().accounts()
                .add(StoreFixture.ADMIN, NURSE, "Kim Park", Role.CLINICIAN, NURSE_PASSWORD.toCharArray()));
    }

    @AfterEach
    void close() throws Exception {
        robotCloseCards();
        desktop.close();
    }

    private static void robotCloseCards() {
        onFx(() -> {
            Window.getWindows().stream().filter(w -> w.getScene() != null
                    && w.getScene().getRoot().getId() != null
                    && w.getScene().getRoot().getId().equals("model-card")).toList().forEach(Window::hide);
            return Boolean.TRUE;
        });
    }

    @Test
    void seeTheModelsAndTablesInForceAndOpenTheLearnedModelsCard(FxRobot robot) {
        desktop.signIn(robot, NURSE, NURSE_PASSWORD);

        robot.clickOn("#shell-models");
        await(() -> desktop.shell().currentScreen().equals("models"));
        @SuppressWarnings("unchecked")
        TableView<ModelsAndContentViewModel.ModelRow> models = robot.lookup("#models-table").queryAs(TableView.class);
        @SuppressWarnings("unchecked")
        TableView<ModelsAndContentViewModel.TableRow> tables = robot.lookup("#models-tables")
                .queryAs(TableView.class);
        await(() -> !models.getItems().isEmpty() && tables.getItems().size() == ClinicalContent.Table.values().length);
        ModelsAndContentViewModel.ModelRow learned = onFx(() -> models.getItems().stream()
                .filter(r -> r.id().equals("cad-cleveland-learned")).findFirst().orElseThrow());
        assertThat(learned.learned()).isTrue();
        assertThat(onFx(() -> tables.getItems().stream().map(ModelsAndContentViewModel.TableRow::name).toList()))
                .contains("CPIC tables", "Renal dose table", "Interaction table");
        assertThat(onFx(() -> tables.getItems().stream().allMatch(t -> t.from().equals("Bundled with Outpost"))))
                .isTrue();

        robot.interact(() -> models.scrollTo(learned));
        await(() -> robot.lookup("#models-card-cad-cleveland-learned").tryQuery().isPresent());
        robot.clickOn("#models-card-cad-cleveland-learned");
        await(() -> robot.lookup("#model-card").tryQuery().isPresent());

        Desktop.assertVisible(robot, "#model-card-subgroups");
        Label marker = robot.lookup("#model-card-subgroup-marker-0").queryAs(Label.class); // women: small
        Label warning = robot.lookup("#model-card-subgroup-warning-0").queryAs(Label.class);
        assertThat(onFx(marker::getText)).isEqualTo("\u26a0");
        assertThat(onFx(warning::getText)).startsWith("small: only 22 people");
        assertThat(onFx(() -> warning.getStyleClass().contains("model-card-flagged"))).isTrue();
        assertThat(onFx(() -> robot.lookup("#model-card-subgroup-marker-1").queryAs(Label.class).getText()))
                .isEmpty(); // men: not flagged

        @SuppressWarnings("unchecked")
        LineChart<Number, Number> calibration = robot.lookup("#model-card-calibration").queryAs(LineChart.class);
        assertThat(onFx(() -> calibration.getData().size())).isEqualTo(2);
        assertThat(onFx(() -> calibration.getData().get(0).getData().size())).isEqualTo(5);
        assertThat(onFx(() -> calibration.getData().get(1).getData().size())).isEqualTo(2); // the diagonal
        Desktop.assertVisible(robot, "#model-card-calibration");
        assertThat(robot.lookup("#model-card-limits").tryQuery()).isPresent();

        Window card = onFx(() -> robot.lookup("#model-card").query().getScene().getWindow());
        robot.interact(card::requestFocus);
        robot.type(javafx.scene.input.KeyCode.ESCAPE); // closes the card
        await(() -> robot.lookup("#model-card").tryQuery().isEmpty());
        assertThat(desktop.shell().currentScreen()).isEqualTo("models");
    }
}
