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
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Journey 2: an implausible value shows its message next to the field and nothing is saved. */
@ExtendWith(ApplicationExtension.class)
class ImplausibleValueTest {
    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), Journey::okafor);
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @Test
    void systolic400IsRefusedNextToTheFieldAndNothingIsSaved(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "okafor", "Okafor, Ngozi");
        assertThat(robot.lookup("#chart-allergies").queryAs(Label.class).getText())
                .isEqualTo("Allergies: penicillin: reaction not recorded, severity not recorded");

        shortcut(robot, KeyCode.R);
        await(() -> desktop.shell().currentChart().orElseThrow().isRecording());
        robot.write("400", 0);
        typeInto(robot, "#record-DIASTOLIC_BP", "80");
        typeInto(robot, "#record-HEART_RATE", "72");
        Label error = robot.lookup("#record-SYSTOLIC_BP-error").queryAs(Label.class);
        assertThat(onFx(error::getText)).isEqualTo("400 mmHg is impossible: it must be between 0 and 350 mmHg");
        assertThat(onFx(() -> Desktop.shown(error))).isTrue();

        robot.clickOn("#record-save");
        robot.type(KeyCode.ENTER);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(desktop.shell().currentChart().orElseThrow().isRecording()).isTrue();
        assertThat(robot.lookup("#record-SYSTOLIC_BP").queryTextInputControl().getText()).isEqualTo("400");
        long saved = onFx(() -> desktop.shell().workspace().store().read(r -> r.observations().forPatient(
                desktop.shell().currentChart().orElseThrow().model().patientId()).size()));
        assertThat(saved).isZero();

        // correcting the value clears the message and saves all three
        typeInto(robot, "#record-SYSTOLIC_BP", "140");
        assertThat(onFx(error::getText)).isEmpty();
        robot.type(KeyCode.ENTER);
        await(() -> desktop.shell().workspace().store().read(r -> r.observations().forPatient(
                desktop.shell().currentChart().orElseThrow().model().patientId()).size()) == 3);
    }
}
