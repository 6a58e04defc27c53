package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditRow;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Item 11 of issue 14: F1 lists the screen's shortcuts, tooltips name them, and Sign out ends the session. */
@ExtendWith(ApplicationExtension.class)
class SignOutAndShortcutsJourneyTest {
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

    private boolean helpShown(FxRobot robot) {
        return onFx(() -> Desktop.shown(robot.lookup("#shortcut-help").query()));
    }

    /** The overlay's lines, keys and descriptions alike. */
    private static java.util.List<String> helpTexts(FxRobot robot) {
        return onFx(() -> robot.lookup("#shortcut-help-list").lookup(".label").queryAll().stream()
                .map(n -> n instanceof Label l ? l.getText() : "").toList());
    }

    @Test
    void f1ShowsTheShortcutsAndSignOutReturnsToTheSignInFormAndIsAudited(FxRobot robot) {
        // F1 works at the sign-in form too, and lists what works there
        robot.type(KeyCode.F1);
        await(() -> helpShown(robot));
        assertThat(helpTexts(robot)).contains("Enter", "Sign in").doesNotContain("Ctrl+Shift+Q");
        robot.type(KeyCode.ESCAPE);
        await(() -> !helpShown(robot));

        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        assertThat(robot.lookup("#nav-lock").queryAs(Button.class).getTooltip().getText()).endsWith("(Ctrl+L)");

        robot.type(KeyCode.F1);
        await(() -> helpShown(robot));
        assertThat(helpTexts(robot)).contains("Ctrl+F", "Ctrl+L", "Ctrl+Shift+Q", "F1",
                "Open the selected patient's chart");
        robot.write("zz", 0); // the overlay is modal: typing does not reach the search field beneath
        robot.type(KeyCode.F1);
        await(() -> !helpShown(robot));
        assertThat(robot.lookup("#search-field").queryTextInputControl().getText()).isEmpty();

        Desktop.assertVisible(robot, "#shell-user");
        robot.clickOn("#shell-user");
        await(() -> robot.lookup(".menu-item").queryAll().stream().anyMatch(Desktop::shown));
        assertThat(onFx(() -> robot.lookup(".accelerator-text").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList())).as("the menu shows the keys").contains("Ctrl+Shift+Q", "F1");
        robot.clickOn("Sign out");
        await(() -> desktop.window().shell().isEmpty() && !desktop.window().isUnlocked());
        Desktop.assertVisible(robot, "#login-view");
        assertThat(robot.lookup("#login-username").queryTextInputControl().getText()).isEmpty();
        assertThat(robot.lookup("#login-lock-note").queryAs(Label.class).getText()).as("nobody's work waits")
                .isEmpty();

        // signed in again, the work starts afresh and the audit shows the sign-out
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        assertThat(desktop.shell().currentScreen()).isEqualTo("search");
        robot.clickOn("#nav-admin");
        await(() -> robot.lookup("#admin-audit").tryQuery().isPresent()
                && robot.lookup("#admin-audit").queryTableView().getItems().stream()
                        .map(AuditRow.class::cast)
                        .anyMatch(e -> e.event().action() == AuditAction.LOGOUT
                                && e.event().username().equals(StoreFixture.ADMIN)));
        // Ctrl+Shift+Q signs out too
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> desktop.window().shell().isEmpty() && !desktop.window().isUnlocked());
    }
}
