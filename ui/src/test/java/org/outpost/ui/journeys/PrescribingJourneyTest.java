package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.demo.DemoDataGenerator;
import org.outpost.app.demo.DemoDataService;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Role;
import org.outpost.app.prescribing.ReviewItem;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Journey 7 (issue 4): a clinician orders clopidogrel for the demo patient who is a CYP2C19 *2/*2 poor
 * metaboliser; the check shows the CPIC alert before saving and asks for a reason; the pharmacist signs in,
 * finds the order in the review queue, overrides with a reason; the administrator's audit view shows the
 * review with the model version.
 */
@ExtendWith(ApplicationExtension.class)
class PrescribingJourneyTest {
    static final String DOCTOR = "dr.bello";
    static final String DOCTOR_PASSWORD = "prescribing journey doctor";
    static final String PHARMACIST = "ph.chen";
    static final String PHARMACIST_PASSWORD = "prescribing journey pharmacist";

    @TempDir
    Path dir;
    Desktop desktop;
    Patient poorMetaboliser;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), f -> {
            // demo patient number 1 is the CYP2C19 *2/*2 teaching case
            new DemoDataService(f.store(), f.clock(), f.session())
                    .create(1, DemoDataGenerator.DEFAULT_SEED, DemoDataService.Progress.silent());
            poorMetaboliser = f.store().read(r -> r.patients().find(r.patients().all(1).getFirst().id()))
                    .orElseThrow();
            f.store().accounts().add(StoreFixture.ADMIN, DOCTOR, "Dr Femi Bello", Role.CLINICIAN,
                    DOCTOR_PASSWORD.toCharArray());
            f.store().accounts().add(StoreFixture.ADMIN, PHARMACIST, "Li Chen", Role.PHARMACIST,
                    PHARMACIST_PASSWORD.toCharArray());
        });
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @Test
    void clopidogrelForAPoorMetaboliserIsFlaggedOverriddenByThePharmacistAndAudited(FxRobot robot) {
        desktop.signIn(robot, DOCTOR, DOCTOR_PASSWORD);
        String name = poorMetaboliser.familyName() + ", " + poorMetaboliser.givenName();
        Journey.openChart(robot, desktop, poorMetaboliser.familyName().toLowerCase(java.util.Locale.ROOT), name);

        // the tab's header (the summary has a "Genotypes" heading too; a tab's content is built when it is selected)
        robot.clickOn(robot.lookup(".tab .tab-label")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("Genotypes")).<javafx.scene.Node>query());
        @SuppressWarnings("unchecked")
        TableView<org.outpost.ui.chart.SummaryRow> genotypes = robot.lookup("#chart-genotypes").queryAs(TableView.class);
        assertThat(onFx(() -> genotypes.getItems().stream().map(r -> r.toString()).toList()))
                .anyMatch(r -> r.contains("*2/*2 \u2014 CYP2C19 poor metabolizer")); // CPIC CYP2C19 table: *2 no function

        Desktop.shortcut(robot, javafx.scene.input.KeyCode.O); // keyboard: Ctrl+O opens the order form
        await(() -> robot.lookup("#order-drug").query().isFocused());
        Desktop.typeInto(robot, "#order-drug", "clopidogrel");
        Desktop.typeInto(robot, "#order-amount", "75");
        robot.clickOn("#order-check");
        Label status = robot.lookup("#order-status").queryAs(Label.class);
        await(() -> !status.getText().isEmpty() && !status.getText().startsWith("Checking"));
        assertThat(onFx(status::getText)).startsWith("Checked: ");
        await(() -> robot.lookup("#order-alert-headline-0").tryQuery().isPresent());
        assertThat(robot.lookup("#order-alert-headline-0").queryAs(Label.class).getText())
                .containsIgnoringCase("CYP2C19 poor metabolizer");
        assertThat(robot.lookup("#order-alert-text-0").queryAs(Label.class).getText())
                .contains("prasugrel or ticagrelor"); // CPIC 2022 (Lee et al.), ACS/PCI: avoid standard-dose clopidogrel
        // the teaching case already takes clopidogrel: ordering it again is also a duplicate (issue 11, item 4)
        List<String> headlines = new java.util.ArrayList<>();
        for (int i = 0; robot.lookup("#order-alert-headline-" + i).tryQuery().isPresent(); i++) {
            headlines.add(robot.lookup("#order-alert-headline-" + i).queryAs(Label.class).getText());
        }
        assertThat(headlines).contains("Duplicate: clopidogrel is already prescribed");
        assertThat(robot.lookup("#order-save").query().isDisabled()).as("a reason is needed first").isTrue();

        Desktop.typeInto(robot, "#order-alert-reason-0", "Ticagrelor not available at this clinic today");
        assertThat(robot.lookup("#order-save").query().isDisabled()).as("each alert needs its reason").isTrue();
        for (int i = 1; i < headlines.size(); i++) {
            if (robot.lookup("#order-alert-reason-" + i).tryQuery().isPresent()) {
                Desktop.typeInto(robot, "#order-alert-reason-" + i, "Reviewed at the stent clinic");
            }
        }
        await(() -> !robot.lookup("#order-save").query().isDisabled());
        robot.clickOn("#order-save");
        await(() -> robot.lookup("#order-status").queryAs(Label.class).getText().contains("pharmacist will review"));

        robot.interact(desktop.window()::lock);
        desktop.signIn(robot, PHARMACIST, PHARMACIST_PASSWORD);
        await(() -> desktop.shell().currentScreen().equals("review"));
        @SuppressWarnings("unchecked")
        TableView<ReviewItem> queue = robot.lookup("#review-queue").queryAs(TableView.class);
        await(() -> queue.getItems().size() == 1);
        assertThat(robot.lookup("#review-alert-text-0").queryAs(Label.class).getText()).contains("ticagrelor");
        assertThat(robot.lookup("#review-alert-reason-0").queryAs(Label.class).getText())
                .contains("Ticagrelor not available at this clinic today");
        assertThat(robot.lookup("#review-override").query().isDisabled()).as("override needs a reason").isTrue();
        Desktop.typeInto(robot, "#review-reason", "Agreed with prescriber: switch when ticagrelor arrives");
        robot.clickOn("#review-override");
        await(() -> queue.getItems().isEmpty());

        robot.interact(desktop.window()::lock);
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        robot.clickOn("#nav-admin");
        await(() -> desktop.shell().currentScreen().equals("admin"));
        robot.clickOn("Audit log");
        @SuppressWarnings("unchecked")
        TableView<AuditRow> audit = robot.lookup("#admin-audit").queryAs(TableView.class);
        await(() -> audit.getItems().stream().anyMatch(e -> e.event().action() == AuditAction.ORDER_REVIEWED));
        List<AuditRow> reviewed = onFx(() -> audit.getItems().stream()
                .filter(e -> e.event().action() == AuditAction.ORDER_REVIEWED).toList());
        assertThat(reviewed).hasSize(1);
        assertThat(reviewed.getFirst().event().username()).isEqualTo(PHARMACIST);
        assertThat(reviewed.getFirst().event().detail()).contains("action=OVERRIDE").contains("pgx-cpic@")
                .contains("drug-classes@"); // the duplicate-therapy alert is among the reviewed ones
        assertThat(reviewed.getFirst().event().detail()).doesNotContain("ticagrelor"); // no free text in the audit
    }
}
