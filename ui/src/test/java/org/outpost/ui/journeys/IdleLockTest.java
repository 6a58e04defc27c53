package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;
import static org.outpost.ui.testing.Desktop.shortcut;
import static org.outpost.ui.testing.Desktop.typeInto;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Role;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Journey 3: the idle lock hides the work, and the same user gets it back as it was; another does not. */
@ExtendWith(ApplicationExtension.class)
class IdleLockTest {
    private static final String NURSE = "nurse.kim";
    private static final String NURSE_PASSWORD = "tulips in the rain";

    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        // long enough for signing in, opening a chart and its recording form on a busy two-core machine (2.5 s was
        // not: the lock came first and the form never opened), short enough to wait out
        desktop = Journey.prepared(stage, dir, Duration.ofSeconds(6), f -> {
            Journey.okafor(f);
            f.store().accounts().add(StoreFixture.ADMIN, NURSE, "Kim Park", Role.CLINICIAN,
                    NURSE_PASSWORD.toCharArray());
        });
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    private void halfFillTheRecordingForm(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "okafor", "Okafor, Ngozi");
        shortcut(robot, KeyCode.R);
        await(() -> desktop.shell().currentChart().orElseThrow().isRecording());
        typeInto(robot, "#record-SYSTOLIC_BP", "13");
    }

    private void waitForTheIdleLock(FxRobot robot) {
        await(() -> !desktop.window().isUnlocked());
        await(() -> desktop.shell().workspace().isLocked()); // the store is closed, its keys forgotten
        assertThat(onFx(() -> Desktop.shown(robot.lookup("#login-view").query()))).isTrue();
        assertThat(onFx(() -> Desktop.shown(robot.lookup("#chart-view").query()))).as("work is hidden").isFalse();
        assertThat(robot.lookup("#login-lock-note").queryAs(Label.class).getText()).contains(StoreFixture.ADMIN_NAME);
    }

    @Test
    void theSameUserGetsTheHalfFilledFormBack(FxRobot robot) {
        halfFillTheRecordingForm(robot);
        waitForTheIdleLock(robot);

        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        assertThat(desktop.shell().currentScreen()).isEqualTo("chart");
        assertThat(desktop.shell().currentChart().orElseThrow().isRecording()).isTrue();
        assertThat(robot.lookup("#record-SYSTOLIC_BP").queryTextInputControl().getText()).isEqualTo("13");
        // and the store works again: finish the form and save
        typeInto(robot, "#record-SYSTOLIC_BP", "132");
        typeInto(robot, "#record-DIASTOLIC_BP", "84");
        robot.type(KeyCode.ENTER);
        await(() -> desktop.shell().currentChart().orElseThrow().model().observations().size() == 2);
    }

    @Test
    void anotherUserDoesNotSeeThePreviousUsersUnsavedForm(FxRobot robot) {
        halfFillTheRecordingForm(robot);
        waitForTheIdleLock(robot);

        desktop.signIn(robot, NURSE, NURSE_PASSWORD);
        assertThat(desktop.shell().workspace().user().username()).isEqualTo(NURSE);
        assertThat(desktop.shell().currentScreen()).isEqualTo("search");
        assertThat(robot.lookup("#record-SYSTOLIC_BP").tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav-admin").tryQuery()).as("no admin screen for a clinician").isEmpty();
    }
}
