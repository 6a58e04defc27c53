package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.demo.DemoDataGenerator;
import org.outpost.app.demo.DemoDataService;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Sex;
import org.outpost.app.pgx.Indication;
import org.outpost.app.usecase.AllergyDraft;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11, items 6 and 11, as a clinician meets them: allergies never recorded are a prompt at ordering; once
 * recorded on the patient's form they show in the chart header and the next order is checked against them;
 * clopidogrel asks for its indication, and the stroke/TIA advice (CPIC 2022) never suggests prasugrel.
 */
@ExtendWith(ApplicationExtension.class)
class AllergyAndIndicationJourneyTest {
    static final String DOCTOR = "dr.addo";
    static final String DOCTOR_PASSWORD = "allergy journey doctor";

    @TempDir
    Path dir;
    Desktop desktop;
    Patient unrecorded;
    Patient poorMetaboliser;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), f -> {
            // demo patient number 1 is the CYP2C19 *2/*2 teaching case
            new DemoDataService(f.store(), f.clock(), f.session())
                    .create(1, DemoDataGenerator.DEFAULT_SEED, DemoDataService.Progress.silent());
            poorMetaboliser = f.store().read(r -> r.patients().find(r.patients().all(1).getFirst().id())).orElseThrow();
            unrecorded = f.register("Asante", "Kwabena", Sex.MALE, LocalDate.now().minusYears(58),
                    AllergyDraft.notRecorded());
            f.store().accounts().add(StoreFixture.ADMIN, DOCTOR, "Dr Yaw Addo", Role.CLINICIAN,
                    DOCTOR_PASSWORD.toCharArray());
        });
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @Test
    void allergiesNotRecordedPromptThenARecordedAspirinAllergyFlagsIbuprofen(FxRobot robot) {
        desktop.signIn(robot, DOCTOR, DOCTOR_PASSWORD);
        Journey.openChart(robot, desktop, "asante", "Asante, Kwabena");
        assertThat(robot.lookup("#chart-allergies").queryAs(Label.class).getText()).isEqualTo("Allergies not recorded");

        List<String> first = check(robot, "ibuprofen", "400");
        assertThat(first).contains("Allergies not recorded");
        assertThat(first).noneMatch(h -> h.startsWith("Possible cross-reactivity"));
        int prompt = first.indexOf("Allergies not recorded");
        assertThat(robot.lookup("#order-alert-reason-" + prompt).tryQuery())
                .as("a prompt to record allergies, not an alert to override").isEmpty();

        // the clinician asks the patient and records the allergy on the patient's form
        robot.clickOn("#chart-edit");
        await(() -> robot.lookup("#patient-allergies-list").tryQuery().map(Desktop::shown).orElse(false));
        robot.clickOn("#patient-allergies-list");
        Desktop.typeInto(robot, "#patient-allergy-substance", "aspirin");
        Desktop.typeInto(robot, "#patient-allergy-reaction", "bronchospasm");
        robot.interact(() -> robot.lookup("#patient-allergy-severity").<AllergySeverity>queryComboBox()
                .setValue(AllergySeverity.SEVERE));
        robot.clickOn("#patient-allergy-add");
        await(() -> robot.lookup(".allergy-entry").tryQuery().isPresent());
        robot.clickOn("#patient-save");
        await(() -> desktop.shell().currentScreen().equals("chart"));
        await(() -> robot.lookup("#chart-allergies").queryAs(Label.class).getText()
                .equals("Allergies: aspirin: bronchospasm, severe"));

        List<String> second = check(robot, "ibuprofen", "400");
        assertThat(second).doesNotContain("Allergies not recorded").contains("Possible cross-reactivity: aspirin allergy");
        int cross = second.indexOf("Possible cross-reactivity: aspirin allergy");
        // Kowalski et al., EAACI/ENDA position paper, Allergy 2013: aspirin hypersensitivity crosses to COX-1 NSAIDs
        assertThat(robot.lookup("#order-alert-text-" + cross).queryAs(Label.class).getText())
                .contains("bronchospasm").contains("celecoxib");
        assertThat(robot.lookup("#order-alert-reason-" + cross).tryQuery()).as("going ahead needs a reason").isPresent();
        assertThat(robot.lookup("#order-save").query().isDisabled()).isTrue();
    }

    @Test
    void clopidogrelAsksForTheIndicationAndTheStrokeAdviceNeverSuggestsPrasugrel(FxRobot robot) {
        desktop.signIn(robot, DOCTOR, DOCTOR_PASSWORD);
        String name = poorMetaboliser.familyName() + ", " + poorMetaboliser.givenName();
        Journey.openChart(robot, desktop, poorMetaboliser.familyName().toLowerCase(Locale.ROOT), name);

        List<String> notStated = check(robot, "clopidogrel", "75");
        int pgx = indexOf(notStated, "CYP2C19 poor metabolizer");
        assertThat(Desktop.shown(robot.lookup("#order-indication").query())).as("clopidogrel asks for it").isTrue();
        // not stated: the strictest advice, and it says so
        assertThat(alertText(robot, pgx)).startsWith("Indication not stated");

        ComboBox<Indication> indication = robot.lookup("#order-indication").queryComboBox();
        assertThat(onFx(() -> indication.getItems().stream().map(Indication::label).toList()))
                .containsExactly("ACS and/or PCI", "Other cardiovascular (non-ACS, non-PCI)",
                        "Stroke or TIA (neurovascular)");
        robot.clickOn("#order-indication");
        robot.clickOn("Stroke or TIA (neurovascular)");
        assertThat(Desktop.shown(robot.lookup("#order-stale").query())).as("the alerts are out of date").isTrue();
        robot.clickOn("#order-check");
        awaitChecked(robot);
        int stroke = indexOf(headlines(robot), "CYP2C19 poor metabolizer");
        // CPIC 2022 (Lee et al.) Table 3, neurovascular, poor metabolizer: consider an alternative P2Y12 inhibitor
        assertThat(alertText(robot, stroke)).startsWith("For Stroke or TIA (neurovascular): ")
                .contains("alternative P2Y12 inhibitor").doesNotContainIgnoringCase("prasugrel");

        robot.clickOn("#order-indication");
        robot.clickOn("ACS and/or PCI");
        robot.clickOn("#order-check");
        awaitChecked(robot);
        int acs = indexOf(headlines(robot), "CYP2C19 poor metabolizer");
        // CPIC 2022 Table 2, ACS/PCI, poor metabolizer: prasugrel or ticagrelor at standard dose
        assertThat(alertText(robot, acs)).startsWith("For ACS and/or PCI: ").contains("prasugrel or ticagrelor");
    }

    private static List<String> check(FxRobot robot, String drug, String amount) {
        Desktop.shortcut(robot, javafx.scene.input.KeyCode.O);
        await(() -> robot.lookup("#order-drug").query().isFocused());
        Desktop.fill(robot, "#order-drug", drug);
        Desktop.fill(robot, "#order-amount", amount);
        robot.clickOn("#order-check");
        awaitChecked(robot);
        return headlines(robot);
    }

    private static void awaitChecked(FxRobot robot) {
        Label status = robot.lookup("#order-status").queryAs(Label.class);
        await(() -> status.getText().startsWith("Checked: ") && !Desktop.shown(robot.lookup("#order-stale").query()));
    }

    private static List<String> headlines(FxRobot robot) {
        List<String> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            Optional<Label> h = robot.lookup("#order-alert-headline-" + i).tryQuery();
            if (h.isEmpty()) {
                return out;
            }
            out.add(onFx(h.get()::getText));
        }
    }

    private static int indexOf(List<String> headlines, String part) {
        for (int i = 0; i < headlines.size(); i++) {
            if (headlines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no alert with '" + part + "' among " + headlines);
    }

    private static String alertText(FxRobot robot, int index) {
        return onFx(robot.lookup("#order-alert-text-" + index).queryAs(Label.class)::getText);
    }
}
