package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.fill;
import static org.outpost.ui.testing.Desktop.onFx;
import static org.outpost.ui.testing.Desktop.typeInto;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.User;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Journey 5: the administrator adds a user, reads the audit log and verifies its chain. */
@ExtendWith(ApplicationExtension.class)
class AdminScreenTest {
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
    void addUserSeeTheAuditAndVerifyIt(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "okafor", "Okafor, Ngozi");

        robot.clickOn("#nav-admin");
        await(() -> desktop.shell().currentScreen().equals("admin"));
        @SuppressWarnings("unchecked")
        TableView<User> users = robot.lookup("#admin-users").queryAs(TableView.class);
        await(() -> users.getItems().size() == 1);
        typeInto(robot, "#admin-new-username", "pharm.lee");
        typeInto(robot, "#admin-new-display-name", "Lee Pharmacist");
        robot.interact(() -> robot.lookup("#admin-new-role").<org.outpost.app.domain.Role>queryComboBox()
                .setValue(org.outpost.app.domain.Role.PHARMACIST));
        fill(robot, "#admin-new-password", "blue river stones");
        robot.clickOn("#admin-add-user");
        await(() -> users.getItems().size() == 2);
        assertThat(users.getItems()).extracting(User::username, User::role)
                .contains(org.assertj.core.groups.Tuple.tuple("pharm.lee", org.outpost.app.domain.Role.PHARMACIST));
        assertThat(robot.lookup("#admin-status").queryAs(Label.class).getText()).isEqualTo("User pharm.lee added.");

        robot.clickOn("Audit log");
        @SuppressWarnings("unchecked")
        TableView<AuditRow> audit = robot.lookup("#admin-audit").queryAs(TableView.class);
        await(() -> audit.getItems().stream().anyMatch(e -> e.event().action() == AuditAction.USER_ADDED));
        assertThat(onFx(() -> audit.getItems().stream().map(e -> e.event().action()).toList()))
                .contains(AuditAction.CHART_OPENED, AuditAction.LOGIN_OK, AuditAction.DATABASE_CREATED)
                .first().isEqualTo(AuditAction.USER_ADDED); // newest first

        robot.clickOn("#admin-verify");
        Label result = robot.lookup("#admin-verification").queryAs(Label.class);
        await(() -> !result.getText().isEmpty());
        assertThat(onFx(result::getText)).startsWith("Intact: all ");
    }
}
