package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Journey 6: a clinician opens the Risk tab of a patient with vitals, labs and medications, completes the
 * CHA₂DS₂-VASc inputs the chart cannot know, overrides the result with a reason, and the administrator's
 * audit view shows the decision (model and version only).
 */
@ExtendWith(ApplicationExtension.class)
class RiskDecisionJourneyTest {
    private static final String CHA = "cha2ds2-vasc";

    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), RiskDecisionJourneyTest::demoLikePatient);
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    /** A 78-year-old woman with recent vitals and labs, on metformin and an ACE inhibitor. */
    static void demoLikePatient(StoreFixture f) {
        Patient p = f.register("Haddad", "Leila", Sex.FEMALE, LocalDate.now().minusYears(78).minusDays(10), "");
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
        f.record(p, lastWeek, Map.of(Measure.SYSTOLIC_BP, Quantity.of(148, Unit.MM_HG),
                Measure.DIASTOLIC_BP, Quantity.of(86, Unit.MM_HG), Measure.BODY_WEIGHT, Quantity.of(70, Unit.KG),
                Measure.BODY_HEIGHT, Quantity.of(162, Unit.CM)));
        f.record(p, lastWeek, Map.of(Measure.HBA1C, Quantity.of(7.2, Unit.PERCENT),
                Measure.TOTAL_CHOLESTEROL, Quantity.of(5.4, Unit.MMOL_PER_L)));
        f.store().write(r -> {
            r.medications().insert(new Medication(UUID.randomUUID(), p.id(), "Ramipril", Optional.empty(), "5 mg",
                    "oral", "daily", LocalDate.now().minusYears(2), Optional.empty()));
            r.medications().insert(new Medication(UUID.randomUUID(), p.id(), "Metformin", Optional.empty(), "500 mg",
                    "oral", "twice daily", LocalDate.now().minusYears(3), Optional.empty()));
            return null;
        });
    }

    private static void choose(FxRobot robot, String input, String value) {
        robot.interact(() -> robot.lookup("#risk-input-" + CHA + "-" + input).<String>queryComboBox().setValue(value));
    }

    /** Issue 14 item 5: QRISK3's filled-in values show as estimated on the card, not as chart values. */
    @Test
    void qriskShowsTheValuesItEstimatedBesideTheChartValues(FxRobot robot) {
        String q = "qrisk3-2017";
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "haddad", "Haddad, Leila");
        robot.clickOn("Risk");
        TitledPane explain = robot.lookup("#risk-explain-" + q).queryAs(TitledPane.class);
        robot.interact(() -> explain.setExpanded(true));
        robot.interact(() -> robot.lookup("#risk-input-" + q + "-sbpSd").<javafx.scene.control.TextField>query()
                .setText("9"));
        robot.interact(() -> {
            for (String input : new String[] {"familyHistoryChd", "chronicKidneyDisease", "atrialFibrillation",
                "migraine", "rheumatoidArthritis", "sle", "severeMentalIllness", "atypicalAntipsychotic",
                "steroidTablets"}) {
                robot.lookup("#risk-input-" + q + "-" + input).<String>queryComboBox().setValue("no");
            }
            robot.lookup("#risk-input-" + q + "-smoking").<String>queryComboBox().setValue("non");
            robot.lookup("#risk-input-" + q + "-diabetes").<String>queryComboBox().setValue("type2");
            robot.lookup("#risk-input-" + q + "-bpTreatment").<String>queryComboBox().setValue("yes");
        });
        Label result = robot.lookup("#risk-result-" + q).queryAs(Label.class);
        await(() -> result.getText().contains("%"));
        Label ethnicity = robot.lookup("#risk-estimated-" + q + "-ethnicity").queryAs(Label.class);
        assertThat(onFx(ethnicity::getText)).startsWith("Estimated (not in chart): white_or_not_stated");
        assertThat(onFx(() -> Desktop.shown(ethnicity))).isTrue();
        // The chart has total cholesterol but no HDL, so the ratio is estimated; BMI comes from weight and height.
        assertThat(onFx(() -> robot.lookup("#risk-estimated-" + q + "-cholesterolHdlRatio").queryAs(Label.class)
                .getText())).startsWith("Estimated (not in chart): 3.5");
        Label bmi = robot.lookup("#risk-estimated-" + q + "-bmi").queryAs(Label.class);
        assertThat(onFx(() -> Desktop.shown(bmi))).isFalse();
    }

    @Test
    void overrideARiskResultWithAReasonAndSeeItAudited(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "haddad", "Haddad, Leila");

        robot.clickOn("Risk");
        Label result = robot.lookup("#risk-result-" + CHA).queryAs(Label.class);
        await(() -> result.getText().startsWith("Missing: "));
        assertThat(onFx(result::getText)).doesNotContainPattern("[0-9]");

        TitledPane explain = robot.lookup("#risk-explain-" + CHA).queryAs(TitledPane.class);
        robot.interact(() -> explain.setExpanded(true)); // the card may be below the fold among the other models
        assertThat(onFx(() -> robot.lookup("#risk-input-" + CHA + "-diabetes").<String>queryComboBox().getValue()))
                .isEqualTo("yes"); // from metformin
        choose(robot, "atrialFibrillation", "yes");
        choose(robot, "valvularAf", "no");
        choose(robot, "heartFailure", "no");
        choose(robot, "hypertension", "yes");
        choose(robot, "strokeTiaThromboembolism", "no");
        choose(robot, "vascularDisease", "no");
        await(() -> result.getText().equals("5 points \u2014 high"));

        javafx.scene.control.Button override = robot.lookup("#risk-override-" + CHA).queryButton();
        robot.interact(override::requestFocus);
        robot.type(KeyCode.SPACE); // keyboard: the card may be scrolled out of sight
        await(() -> robot.lookup("#risk-override-reason").tryQuery().isPresent());
        assertThat(robot.lookup("#risk-override-save").query().isDisabled()).isTrue(); // a reason is required
        robot.clickOn("#risk-override-reason").write("Declines anticoagulation after discussion", 0);
        robot.clickOn("#risk-override-save");

        Label decision = robot.lookup("#risk-decision-" + CHA).queryAs(Label.class);
        await(() -> decision.getText().startsWith("Overridden by admin on "));
        assertThat(onFx(decision::getText)).endsWith(": Declines anticoagulation after discussion");
        assertThat(robot.lookup("#risk-stale-" + CHA).query().isVisible()).isFalse();

        robot.clickOn("#nav-admin");
        await(() -> desktop.shell().currentScreen().equals("admin"));
        robot.clickOn("Audit log");
        @SuppressWarnings("unchecked")
        TableView<AuditRow> audit = robot.lookup("#admin-audit").queryAs(TableView.class);
        await(() -> audit.getItems().stream().anyMatch(e -> e.event().action() == AuditAction.RISK_DECISION_RECORDED));
        AuditRow row = onFx(() -> audit.getItems().stream()
                .filter(e -> e.event().action() == AuditAction.RISK_DECISION_RECORDED).findFirst().orElseThrow());
        assertThat(row.event().detail()).isEqualTo("model=cha2ds2-vasc;version=1.0.0;kind=OVERRIDDEN");
        assertThat(robot.lookup("Overrode a model suggestion").tryQuery()).isPresent();
    }

    private static double top(javafx.scene.Node node) {
        return node.localToScene(node.getBoundsInLocal()).getMinY();
    }

    /**
     * Issue 14 item 9: a card reads result, then the inputs and their sources, then the citation; a card without a
     * result offers no decision, and one with a result does.
     */
    @Test
    void aCardReadsResultFirstCitationLastAndOffersNoAcceptWithoutAResult(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        Journey.openChart(robot, desktop, "haddad", "Haddad, Leila");
        robot.clickOn("Risk");
        Label result = robot.lookup("#risk-result-" + CHA).queryAs(Label.class);
        await(() -> result.getText().startsWith("Missing: "));

        assertThat(onFx(() -> Desktop.shown(robot.lookup("#risk-accept-" + CHA).query()))).isFalse();
        assertThat(onFx(() -> Desktop.shown(robot.lookup("#risk-acknowledge-" + CHA).query()))).isFalse();
        assertThat(onFx(() -> Desktop.shown(robot.lookup("#risk-override-" + CHA).query()))).isFalse();
        Desktop.assertVisible(robot, "#risk-nothing-" + CHA);
        assertThat(onFx(() -> robot.lookup("#risk-nothing-" + CHA).queryAs(Label.class).getText()))
                .isEqualTo("Nothing to accept yet: complete the inputs in the explanation.");

        var explain = robot.lookup("#risk-explain-" + CHA).queryAs(TitledPane.class);
        var reference = robot.lookup("#risk-reference-" + CHA).queryAs(Label.class);
        assertThat(onFx(() -> top(result) < top(explain) && top(explain) < top(reference)))
                .as("result above the explanation above the citation").isTrue();
        assertThat(onFx(() -> result.getPseudoClassStates().stream().map(Object::toString)))
                .contains("not-applicable"); // "Missing: …" is not shown as loud as a result

        robot.interact(() -> explain.setExpanded(true));
        choose(robot, "atrialFibrillation", "yes");
        choose(robot, "valvularAf", "no");
        choose(robot, "heartFailure", "no");
        choose(robot, "hypertension", "yes");
        choose(robot, "strokeTiaThromboembolism", "no");
        choose(robot, "vascularDisease", "no");
        await(() -> result.getText().equals("5 points \u2014 high"));
        Desktop.assertVisible(robot, "#risk-accept-" + CHA);
        assertThat(onFx(() -> result.getPseudoClassStates().stream().map(Object::toString)))
                .doesNotContain("not-applicable");
        assertThat(onFx(() -> Desktop.shown(robot.lookup("#risk-nothing-" + CHA).query()))).isFalse();
        assertThat(onFx(() -> top(result) < top(explain) && top(explain) < top(reference))).isTrue();
    }
}
