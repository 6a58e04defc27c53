package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;
import static org.outpost.ui.testing.Desktop.shortcut;
import static org.outpost.ui.testing.Desktop.typeInto;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Sex;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Journey 4: registering a near-duplicate shows the existing patient first. */
@ExtendWith(ApplicationExtension.class)
class DuplicateRegistrationTest {
    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10),
                f -> f.register("Garcia", "Maria", Sex.FEMALE, LocalDate.of(1985, 4, 12), ""));
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @Test
    void aOneLetterTypoWithTheSameBirthDateShowsTheLikelyDuplicateFirst(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        shortcut(robot, KeyCode.N);
        typeInto(robot, "#patient-family-name", "Garcia");
        typeInto(robot, "#patient-given-name", "Marai");
        robot.interact(() -> robot.lookup("#patient-sex").<Sex>queryComboBox().setValue(Sex.FEMALE));
        robot.interact(() -> robot.lookup("#patient-birth-date").queryAs(DatePicker.class)
                .setValue(LocalDate.of(1985, 4, 12)));
        robot.clickOn("#patient-save");

        await(() -> Desktop.shown(robot.lookup("#duplicate-review").query()));
        String shown = onFx(() -> robot.lookup("#duplicate-review").lookup(".candidate-name").queryAs(Label.class)
                .getText());
        assertThat(shown).startsWith("Garcia, Maria").contains("1985-04-12").contains("OP-000001");
        assertThat(robot.lookup("Similar name, same date of birth").tryQuery()).isPresent();

        // it is the same person: open the existing chart; nothing new is registered
        robot.clickOn("#duplicate-open-0");
        await(() -> desktop.shell().currentScreen().equals("chart")
                && robot.lookup("#chart-name").queryAs(Label.class).getText().equals("Garcia, Maria"));
        long patients = onFx(() -> desktop.shell().workspace().store().read(r -> r.patients().count()));
        assertThat(patients).isEqualTo(1);
    }
}
