package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;
import static org.outpost.ui.testing.Desktop.shortcut;
import static org.outpost.ui.testing.Desktop.typeInto;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14 item 8: a name without a letter and a date that is no date are refused as they are typed, each on its own
 * field, with the typed text kept and nothing moving; fixing them clears the messages, and the patient saves. Then the
 * same for the recording form's date.
 */
@ExtendWith(ApplicationExtension.class)
class FormValidationJourneyTest {
    static final String NOT_A_DATE = "Not a date: use yyyy-mm-dd (or dd/mm/yyyy)";

    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), f -> { });
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @Test
    void badNameAndBadDateAreShownOnTheirFieldsThenFixedAndSaved(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        shortcut(robot, KeyCode.N);
        await(() -> desktop.shell().currentScreen().equals("new-patient"));
        Map<String, Double> before = ys(robot);

        typeInto(robot, "#patient-family-name", "12345, !!");
        assertThat(message(robot, "#patient-family-name-error"))
                .isEqualTo("A name needs at least one letter");
        assertThat(onFx(() -> Desktop.shown(robot.lookup("#patient-family-name-error").query()))).isTrue();
        assertThat(ys(robot)).as("no field moves when the message appears").isEqualTo(before);

        typeInto(robot, "#patient-given-name", "Ngozi");
        robot.interact(() -> robot.lookup("#patient-sex").<Sex>queryComboBox().setValue(Sex.FEMALE));
        typeInto(robot, "#patient-birth-date-text", "31/02/1971");
        robot.type(KeyCode.TAB); // leaving the field commits the picker: the text must survive it
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#patient-birth-date-text").queryTextInputControl().getText()).isEqualTo("31/02/1971");
        assertThat(message(robot, "#patient-birth-date-error")).isEqualTo(NOT_A_DATE);
        assertThat(message(robot, "#patient-given-name-error")).isEmpty();
        assertThat(message(robot, "#patient-sex-error")).as("not on another field").isEmpty();
        assertThat(message(robot, "#patient-mrn-error")).isEmpty();
        assertThat(ys(robot)).as("no field moves when the second message appears").isEqualTo(before);

        robot.clickOn("#patient-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desktop.shell().currentScreen()).as("nothing saved").isEqualTo("new-patient");
        assertThat(robot.lookup("#patient-birth-date-text").queryTextInputControl().getText()).isEqualTo("31/02/1971");

        // fixing each clears its message as it is typed, before leaving the field
        typeInto(robot, "#patient-birth-date-text", "14/09/1971");
        assertThat(message(robot, "#patient-birth-date-error")).isEmpty();
        typeInto(robot, "#patient-family-name", "O'Brien");
        assertThat(message(robot, "#patient-family-name-error")).isEmpty();
        assertThat(ys(robot)).as("nor when the messages clear").isEqualTo(before);

        robot.clickOn("#patient-save");
        await(() -> desktop.shell().currentScreen().equals("chart")
                && robot.lookup("#chart-name").queryAs(Label.class).getText().equals("O'Brien, Ngozi"));
        Patient saved = onFx(() -> desktop.shell().workspace().store().read(r -> r.patients().find(
                desktop.shell().currentChart().orElseThrow().model().patientId()).orElseThrow()));
        assertThat(saved.birthDate()).isEqualTo(java.time.LocalDate.of(1971, 9, 14));

        // the recording form: a bad date is said on the date, not on the time
        shortcut(robot, KeyCode.R);
        await(() -> desktop.shell().currentChart().orElseThrow().isRecording());
        typeInto(robot, "#record-HEART_RATE", "72");
        double timeY = y(robot, "#record-time");
        typeInto(robot, "#record-date-text", "yesterday");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#record-date-text").queryTextInputControl().getText()).isEqualTo("yesterday");
        assertThat(message(robot, "#record-date-error")).isEqualTo(NOT_A_DATE);
        assertThat(message(robot, "#record-time-error")).isEmpty();
        assertThat(y(robot, "#record-time")).isEqualTo(timeY);
        robot.clickOn("#record-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desktop.shell().currentChart().orElseThrow().isRecording()).isTrue();
        String today = onFx(() -> desktop.shell().workspace().clock().instant()
                .atZone(desktop.shell().workspace().clock().getZone()).toLocalDate().toString());
        typeInto(robot, "#record-date-text", today);
        assertThat(message(robot, "#record-date-error")).isEmpty();
        robot.clickOn("#record-save");
        await(() -> !desktop.shell().currentChart().orElseThrow().isRecording()
                || desktop.shell().workspace().store().read(r -> r.observations().forPatient(saved.id()).size()) == 1);
        int recorded = onFx(() -> desktop.shell().workspace().store().read(r -> r.observations().forPatient(saved.id())
                .size()));
        assertThat(recorded).isEqualTo(1);
    }

    private static String message(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static double y(FxRobot robot, String id) {
        return onFx(() -> {
            Node n = robot.lookup(id).query();
            return n.localToScene(n.getLayoutBounds()).getMinY(); // layout bounds: the focus ring does not count
        });
    }

    /** Where each field of the patient form is, top edge in the scene. */
    private static Map<String, Double> ys(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return Map.of("family", y(robot, "#patient-family-name"), "given", y(robot, "#patient-given-name"),
                "sex", y(robot, "#patient-sex"), "born", y(robot, "#patient-birth-date"),
                "mrn", y(robot, "#patient-mrn"), "phone", y(robot, "#patient-phone"),
                "save", y(robot, "#patient-save"));
    }
}
