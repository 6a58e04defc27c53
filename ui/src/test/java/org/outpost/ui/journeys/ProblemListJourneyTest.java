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
import java.util.Optional;
import java.util.UUID;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.SmokingStatus;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14 items 1 and 2 on a real scene: the clinician puts atrial fibrillation and hypertension on the problem
 * list by typing words of them, records smoking, marks the list complete — and CHA2DS2-VASc and HAS-BLED then take
 * those answers (and the antiplatelets written as brands) from the chart with their sources, without asking.
 * Writes {@code docs/screenshot-problems.png}.
 */
@ExtendWith(ApplicationExtension.class)
class ProblemListJourneyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T11:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), CLOCK, f -> {
            Patient p = f.register("Mensah", "Kwame", Sex.MALE, LocalDate.of(1951, 6, 20), "");
            LocalDate start = LocalDate.of(2024, 1, 10);
            f.store().write(r -> {
                r.medications().insert(new Medication(UUID.randomUUID(), p.id(), "Plavix 75 mg tablet", Optional.empty(),
                        "75 mg", "oral", "once daily", start, Optional.empty()));
                r.medications().insert(new Medication(UUID.randomUUID(), p.id(), "Aspirin 81 mg", Optional.empty(),
                        "81 mg", "oral", "once daily", start, Optional.empty()));
                return null;
            });
        });
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    private void addProblem(FxRobot robot, String words) {
        Desktop.typeInto(robot, "#problems-query", words);
        await(() -> !robot.lookup("#problems-matches").queryListView().getItems().isEmpty());
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER); // the first match, the one the models read
        robot.clickOn("#problems-add");
    }

    private static void scrollToTop(FxRobot robot) {
        robot.interact(() -> robot.lookup("#problems-view").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
    }

    private String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void problemsTypedOnceAnswerEveryModel(FxRobot robot) throws Exception {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "mensah", "Mensah, Kwame");
        assertThat(text(robot, "#chart-problems")).isEqualTo("Problems: list not reviewed");
        robot.interact(() -> desktop.shell().currentChart().orElseThrow().showProblems());

        addProblem(robot, "atr fib");
        await(() -> text(robot, "#chart-problems").equals("Problems: Atrial fibrillation"));
        addProblem(robot, "essential hyp");
        await(() -> robot.lookup("#problems-table").queryTableView().getItems().size() == 2);

        @SuppressWarnings("unchecked")
        ChoiceBox<SmokingStatus> status = robot.lookup("#problems-smoking-status").queryAs(ChoiceBox.class);
        robot.interact(() -> status.setValue(SmokingStatus.FORMER));
        scrollToTop(robot); // adding problems scrolled the page down to the form
        robot.clickOn("#problems-smoking-save");
        await(() -> text(robot, "#problems-smoking-line").startsWith("Ex-smoker"));
        scrollToTop(robot);
        robot.clickOn("#problems-mark-reviewed");
        await(() -> text(robot, "#problems-review-line").startsWith("Reviewed as complete by admin"));
        assertThat(text(robot, "#chart-problems")).isEqualTo("Problems: Atrial fibrillation, Essential (primary) hypertension");

        writeScreenshot(robot);

        // the risk tab: the answers come from the chart, with their sources, and nothing is asked twice
        robot.clickOn("#chart-tab-risk"); // the tab header carries the tab's id
        await(() -> robot.lookup("#risk-source-cha2ds2-vasc-atrialFibrillation").tryQuery().isPresent());
        assertThat(text(robot, "#risk-source-cha2ds2-vasc-atrialFibrillation")).isEqualTo("Problem list: Atrial fibrillation");
        assertThat(text(robot, "#risk-source-cha2ds2-vasc-hypertension")).isEqualTo("Problem list: Essential (primary) hypertension");
        assertThat(text(robot, "#risk-source-cha2ds2-vasc-heartFailure"))
                .isEqualTo("Not on the problem list (reviewed as complete 2026-03-02)");
        assertThat(text(robot, "#risk-source-has-bled-antiplateletOrNsaid")).startsWith("Active medication: ")
                .contains("Plavix 75 mg tablet").contains("Aspirin 81 mg");
        assertThat(text(robot, "#risk-source-pce-2013-smoker")).startsWith("Smoking history: Ex-smoker, asked");
        // CHA2DS2-VASc for a 74-year-old man with AF and hypertension: A (65-74) 1 + H 1 = 2 (Lip 2010, Table 2)
        assertThat(text(robot, "#risk-result-cha2ds2-vasc")).startsWith("2");
    }

    private void writeScreenshot(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#problems-table").queryAs(TableView.class).getSelectionModel().clearSelection());
        robot.moveTo("#chart-name");
        robot.sleep(200);
        Journey.Screenshot shot = Journey.writeScreenshot(robot.lookup("#chart-name").queryAs(Label.class).getScene(),
                "screenshot-problems.png");
        assertThat(Files.size(shot.file())).isGreaterThan(20_000);
    }
}
