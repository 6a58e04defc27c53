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
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.prescribing.ReviewItem;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11, item 1: a clinician orders sitagliptin 100 mg for a woman with eGFR 34.5 (the renal table
 * suggests 50 mg); the pharmacist changes the dose to an impossible 5000 mg and is stopped, then types 100 mg
 * again and is asked for her own reason by the check of that dose, and finally sets 50 mg, which the check
 * agrees with.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewDoseChangeJourneyTest {
    static final String DOCTOR = "dr.osei";
    static final String DOCTOR_PASSWORD = "review journey doctor";
    static final String PHARMACIST = "ph.mensah";
    static final String PHARMACIST_PASSWORD = "review journey pharmacist";

    @TempDir
    Path dir;
    Desktop desktop;
    Patient patient;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), f -> {
            patient = f.register("Quaye", "Efua", Sex.FEMALE, LocalDate.now().minusYears(70).minusDays(30), "");
            // CKD-EPI 2021, woman 70 y, creatinine 1.6 mg/dL: eGFR 34.5; JANUVIA PI 2.2: 50 mg once daily
            f.record(patient, Instant.now().minus(3, ChronoUnit.DAYS), Map.of(
                    Measure.CREATININE, Quantity.of(1.6, Unit.MG_PER_DL)));
            f.store().accounts().add(StoreFixture.ADMIN, DOCTOR, "Dr Kofi Osei", Role.CLINICIAN,
                    DOCTOR_PASSWORD.toCharArray());
            f.store().accounts().add(StoreFixture.ADMIN, PHARMACIST, "Ama Mensah", Role.PHARMACIST,
                    PHARMACIST_PASSWORD.toCharArray());
        });
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @Test
    void anUnsafeDoseAtReviewIsStoppedAndTheReviewEndsOnACheckedDose(FxRobot robot) {
        desktop.signIn(robot, DOCTOR, DOCTOR_PASSWORD);
        Journey.openChart(robot, desktop, "quaye", "Quaye, Efua");
        Desktop.shortcut(robot, javafx.scene.input.KeyCode.O);
        await(() -> robot.lookup("#order-drug").query().isFocused());
        Desktop.typeInto(robot, "#order-drug", "sitagliptin");
        Desktop.typeInto(robot, "#order-amount", "100");
        robot.clickOn("#order-check");
        await(() -> robot.lookup("#order-alert-reason-0").tryQuery().isPresent());
        Desktop.typeInto(robot, "#order-alert-reason-0", "Recent AKI resolving; review in a week");
        await(() -> !robot.lookup("#order-save").query().isDisabled());
        robot.clickOn("#order-save");
        await(() -> robot.lookup("#order-status").queryAs(Label.class).getText().contains("pharmacist will review"));

        robot.interact(desktop.window()::lock);
        desktop.signIn(robot, PHARMACIST, PHARMACIST_PASSWORD);
        await(() -> desktop.shell().currentScreen().equals("review"));
        @SuppressWarnings("unchecked")
        TableView<ReviewItem> queue = robot.lookup("#review-queue").queryAs(TableView.class);
        await(() -> queue.getItems().size() == 1);
        Label status = robot.lookup("#review-status").queryAs(Label.class);

        Desktop.typeInto(robot, "#review-amount", "5000"); // a slip: JANUVIA's maximum is 100 mg a day
        robot.clickOn("#review-change");
        await(() -> status.getText().contains("refused"));
        assertThat(onFx(status::getText)).contains("sitagliptin 5000 mg");
        assertThat(queue.getItems()).as("nothing saved").hasSize(1);

        Desktop.typeInto(robot, "#review-amount", "100");
        robot.clickOn("#review-change");
        await(() -> robot.lookup("#review-recheck-reason-0").tryQuery().isPresent());
        assertThat(onFx(status::getText)).startsWith("The new dose raised alerts that need your reason");
        assertThat(queue.getItems()).as("still nothing saved").hasSize(1);

        Desktop.typeInto(robot, "#review-amount", "50");
        robot.clickOn("#review-change");
        await(() -> queue.getItems().isEmpty());
        assertThat(onFx(status::getText)).isEqualTo("Changed the dose of sitagliptin.");
    }
}
