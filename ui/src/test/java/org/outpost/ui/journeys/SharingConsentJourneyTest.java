package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import java.util.UUID;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.usecase.ConsentDraft;
import org.outpost.app.usecase.ConsentService;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, as the clinic meets it: the chart says nothing leaves until consent is recorded; consent is given in
 * the header; a withdrawal, once confirmed, says that the waiting summary will not be sent.
 */
@ExtendWith(ApplicationExtension.class)
class SharingConsentJourneyTest {
    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), f -> {
            f.register("Mensah", "Abena", Sex.FEMALE, LocalDate.now().minusYears(47), "");
            // a patient who consented earlier, with a reading recorded since the last sync
            Patient consented = f.register("Boateng", "Kofi", Sex.MALE, LocalDate.now().minusYears(63), "");
            new ConsentService(f.store(), f.clock(), f.session()).record(consented.id(), ConsentDraft.given(false));
            f.store().write(r -> {
                r.observations().insert(new Observation(UUID.randomUUID(), consented.id(), Measure.BODY_WEIGHT,
                        Quantity.of(81, Unit.KG), f.clock().instant(), StoreFixture.ADMIN));
                return null;
            });
            List<OutboxEntry> waiting = f.store().read(r -> r.outbox().pending(10));
            assertThat(waiting).hasSize(1);
        });
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    private static String sharing(FxRobot robot) {
        return robot.lookup("#chart-sharing").queryAs(Label.class).getText();
    }

    @Test
    void consentIsGivenInTheChartAndAWithdrawalSaysWhatItStopped(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "mensah", "Mensah, Abena");
        assertThat(sharing(robot)).isEqualTo("Sharing not recorded: nothing leaves this machine");
        assertThat(Desktop.shown(robot.lookup("#chart-sharing-editor").query())).isFalse();

        robot.clickOn("#chart-sharing-edit");
        await(() -> Desktop.shown(robot.lookup("#chart-sharing-editor").query()));
        assertThat(robot.lookup("#chart-sharing-genotypes").query().isDisabled()).as("only with summaries").isTrue();
        robot.clickOn("#chart-sharing-give");
        assertThat(robot.lookup("#chart-sharing-genotypes").query().isDisabled()).isFalse();
        robot.clickOn("#chart-sharing-save");
        await(() -> sharing(robot).startsWith("Sharing: de-identified summaries, not genotypes \u2014 recorded by "
                + StoreFixture.ADMIN));
        assertThat(Desktop.shown(robot.lookup("#chart-sharing-editor").query())).isFalse();

        Desktop.shortcut(robot, javafx.scene.input.KeyCode.F);
        Desktop.typeInto(robot, "#search-field", "boateng");
        await(() -> robot.lookup("#search-results").queryTableView().getItems().size() == 1);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        await(() -> desktop.shell().currentScreen().equals("chart")
                && robot.lookup("#chart-name").queryAs(Label.class).getText().equals("Boateng, Kofi"));
        await(() -> sharing(robot).startsWith("Sharing: de-identified summaries"));
        robot.clickOn("#chart-sharing-edit");
        await(() -> Desktop.shown(robot.lookup("#chart-sharing-withdraw").query()));
        assertThat(robot.lookup("#chart-sharing-refuse").query().isDisabled()).as("given: withdraw, not refuse").isTrue();
        robot.clickOn("#chart-sharing-withdraw");
        await(() -> Desktop.shown(robot.lookup("#chart-sharing-withdraw-confirm").query()));
        robot.clickOn("#chart-sharing-withdraw-confirm");
        await(() -> robot.lookup("#chart-sharing-message").queryAs(Label.class).getText()
                .equals("Consent withdrawn: 1 pending summary will not be sent"));
        assertThat(sharing(robot)).startsWith("Sharing withdrawn on ").endsWith("nothing more leaves this machine");
    }
}
