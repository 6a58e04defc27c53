package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
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

/**
 * Renders the administrator's audit view over two days of a small clinic's work ({@link AuditViewJourneyTest}'s data,
 * fixed clock) and writes it to {@code docs/screenshot-audit.png} at the repository root.
 */
@ExtendWith(ApplicationExtension.class)
class AuditScreenshotTest {
    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), AuditViewJourneyTest.CLOCK,
                AuditViewJourneyTest::twoDaysOfWork);
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @Test
    void writesTheAuditScreenshot(FxRobot robot) throws Exception {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        robot.clickOn("#nav-admin");
        await(() -> desktop.shell().currentScreen().equals("admin"));
        robot.clickOn("Audit log");
        TableView<?> audit = robot.lookup("#admin-audit").queryAs(TableView.class);
        await(() -> audit.getItems().size() > 15);
        // the two days of work, without the database's setup and this sign-in (the day after)
        robot.interact(() -> {
            robot.lookup("#admin-audit-from").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 3, 3));
            robot.lookup("#admin-audit-to").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 3, 4));
        });
        await(() -> audit.getItems().size() == 15);
        robot.moveTo("#admin-audit-summary");
        robot.sleep(300); // a few pulses so the table has laid out its rows

        Journey.Screenshot shot = Journey.writeScreenshot(audit.getScene(), "screenshot-audit.png");
        assertThat(shot.image().getWidth()).isEqualTo(1180);
        assertThat(Files.size(shot.file())).isGreaterThan(20_000);
    }

}
