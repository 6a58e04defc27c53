package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Sex;
import org.outpost.app.sharing.BearerToken;
import org.outpost.app.usecase.SyncSettingsService;
import org.outpost.sync.testserver.FhirServerExtension;
import org.outpost.sync.testserver.FhirTestServer;
import org.outpost.sync.testserver.ServerInspector;
import org.outpost.sync.transport.SyncService;
import org.outpost.ui.shell.sync.SyncOptions;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12 end to end, as the clinic meets it: an administrator has pointed sync at a FHIR server (here HAPI on
 * loopback) with k = 2; a clinician records two similar patients' consent in their charts, presses "Sync now", and
 * the indicator says "up to date" only once the server confirmed; the server holds one Patient per consenting
 * patient; locking stops sync and signing in again starts it; "What was sent" shows the exact bundle, with the
 * pseudonym and without name or MRN. After a new reading
 * the clinician withdraws one consent: the screen says the waiting summary will not be sent, and the next sync
 * sends nothing more for that patient.
 */
@ExtendWith({FhirServerExtension.class, ApplicationExtension.class})
class SyncJourneyTest {
    private static final String DOCTOR = "dr.addo";
    private static final String DOCTOR_PASSWORD = "stethoscope garden 42";

    private final FhirTestServer server;
    @TempDir
    Path dir;
    Desktop desktop;
    PatientId mensah;
    PatientId asante;
    String asanteMrn;

    SyncJourneyTest(FhirTestServer server) {
        this.server = server;
    }

    @Start
    void start(Stage stage) {
        server.reset();
        // a long period: after the pass at sign-in, only "Sync now" sends
        SyncOptions sync = new SyncOptions(Optional.empty(), new SyncService.Settings(25, Duration.ofMinutes(30)),
                Duration.ofSeconds(10), Duration.ofSeconds(30)); // counts re-read after each change, not by the timer
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(10), Clock.systemDefaultZone(), sync, f -> {
            new SyncSettingsService(f.store(), f.clock(), f.session()).configure(server.base().toString(),
                    Optional.of(BearerToken.of("journey-token-5678")), OptionalInt.of(2), Optional.empty());
            f.store().accounts().add(StoreFixture.ADMIN, DOCTOR, "Dr Yaw Addo", Role.CLINICIAN,
                    DOCTOR_PASSWORD.toCharArray());
            mensah = f.register("Mensah", "Abena", Sex.FEMALE, LocalDate.of(1970, 5, 2), "").id();
            var a = f.register("Asante", "Akosua", Sex.FEMALE, LocalDate.of(1971, 8, 19), "");
            asante = a.id();
            asanteMrn = a.mrn().value();
        });
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    private static String text(FxRobot robot, String id) {
        if (javafx.application.Platform.isFxApplicationThread()) { // inside an await condition
            return robot.lookup(id).queryAs(Label.class).getText();
        }
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static String indicator(FxRobot robot) {
        return text(robot, "#shell-sync");
    }

    private void giveConsent(FxRobot robot, String family, String name) {
        // the search field may still hold the previous search: replace it, and wait for this patient's row
        Desktop.shortcut(robot, KeyCode.F);
        Desktop.typeInto(robot, "#search-field", family);
        await(() -> {
            var items = robot.lookup("#search-results").<PatientSummary>queryTableView().getItems();
            return items.size() == 1 && items.getFirst().familyName().equalsIgnoreCase(family);
        });
        robot.type(KeyCode.ENTER);
        await(() -> desktop.shell().currentScreen().equals("chart") && text(robot, "#chart-name").equals(name));
        robot.clickOn("#chart-sharing-edit");
        await(() -> Desktop.shown(robot.lookup("#chart-sharing-editor").query()));
        robot.clickOn("#chart-sharing-give");
        robot.clickOn("#chart-sharing-save");
        await(() -> text(robot, "#chart-sharing").startsWith("Sharing: de-identified summaries"));
    }

    /** Presses "Sync now" and waits for that pass to end with "Up to date". */
    private void syncNow(FxRobot robot) {
        List<String> seen = new CopyOnWriteArrayList<>();
        robot.interact(() -> robot.lookup("#shell-sync").queryAs(Label.class).textProperty()
                .addListener((o, a, b) -> seen.add(b)));
        robot.clickOn("#shell-sync-now");
        await(() -> seen.stream().anyMatch(s -> s.startsWith("Sending")) && indicator(robot).startsWith("Up to date"));
    }

    private static boolean syncThreadRuns() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("outpost-sync") && t.isAlive());
    }

    private List<Resource> patientsOnServer() {
        return new ServerInspector(server).all(Patient.class);
    }

    @Test
    void consentThenSyncNowThenWhatWasSentThenAWithdrawalStopsSync(FxRobot robot) {
        desktop.signIn(robot, DOCTOR, DOCTOR_PASSWORD);
        await(() -> indicator(robot).equals("Up to date \u00b7 nothing sent yet"));
        Desktop.assertVisible(robot, "#shell-sync-now");

        giveConsent(robot, "mensah", "Mensah, Abena");
        giveConsent(robot, "asante", "Asante, Akosua");
        await(() -> indicator(robot).equals("2 waiting"));
        assertThat(patientsOnServer()).as("nothing leaves before Sync now").isEmpty();

        syncNow(robot);
        assertThat(indicator(robot)).matches("Up to date \u00b7 last confirmed \\d\\d:\\d\\d");
        List<Resource> held = patientsOnServer();
        assertThat(held).as("one Patient per consenting patient").hasSize(2);

        // locking stops sync before the store closes; signing in again starts it
        Desktop.shortcut(robot, KeyCode.L);
        await(() -> desktop.shell().workspace().isLocked());
        assertThat(syncThreadRuns()).as("the sync loop ended with the lock").isFalse();
        desktop.signIn(robot, DOCTOR, DOCTOR_PASSWORD);
        await(() -> indicator(robot).startsWith("Up to date \u00b7 last confirmed"));
        assertThat(syncThreadRuns()).isTrue();

        // what was sent for the patient on show: the exact bundle, with the pseudonym, without name or MRN
        robot.clickOn("#chart-sharing-sent");
        await(() -> !onFx(() -> robot.lookup("#chart-sharing-sent-json").queryAs(TextArea.class).getText()).isEmpty());
        Desktop.assertVisible(robot, "#chart-sharing-sent-json");
        assertThat(text(robot, "#chart-sharing-sent-heading")).startsWith("Sent ").contains("confirmed by the server");
        String json = onFx(() -> robot.lookup("#chart-sharing-sent-json").queryAs(TextArea.class).getText());
        String pseudonym = held.stream().map(r -> r.getIdElement().getIdPart()).filter(json::contains)
                .findFirst().orElseThrow(() -> new AssertionError("the bundle names one of the server's Patients"));
        assertThat(held.stream().map(r -> r.getIdElement().getIdPart()).filter(json::contains)).hasSize(1);
        assertThat(json).contains("\"resourceType\": \"Bundle\"")
                .doesNotContain("Asante").doesNotContain("Akosua").doesNotContain(asanteMrn)
                .doesNotContain(asante.value().toString()).doesNotContain("1971-08-19");
        assertThat(onFx(() -> robot.lookup("#chart-sharing-sent-json").queryAs(TextArea.class).isEditable())).isFalse();
        robot.clickOn("#chart-sharing-sent-close");
        await(() -> !Desktop.shown(robot.lookup("#chart-sharing-sent-pane").query()));

        // a new reading queues the summary again; withdrawing drops it, and says so
        Desktop.shortcut(robot, KeyCode.R);
        await(() -> desktop.shell().currentChart().orElseThrow().isRecording());
        Desktop.typeInto(robot, "#record-BODY_WEIGHT", "68");
        robot.type(KeyCode.ENTER);
        await(() -> desktop.shell().workspace().store().read(r -> r.outbox().find(asante)).isPresent());
        robot.type(KeyCode.ESCAPE);
        await(() -> !desktop.shell().currentChart().orElseThrow().isRecording());
        await(() -> indicator(robot).startsWith("1 waiting"));

        robot.clickOn("#chart-sharing-edit");
        await(() -> Desktop.shown(robot.lookup("#chart-sharing-withdraw").query()));
        robot.clickOn("#chart-sharing-withdraw");
        await(() -> Desktop.shown(robot.lookup("#chart-sharing-withdraw-confirm").query()));
        robot.clickOn("#chart-sharing-withdraw-confirm");
        await(() -> text(robot, "#chart-sharing-message").equals("Consent withdrawn: 1 pending summary will not be sent"));

        robot.clickOn("#chart-sharing-sent");
        await(() -> text(robot, "#chart-sharing-sent-waiting").equals(
                "Nothing more is sent for this patient: the consent to sharing is not given (any more)"));
        assertThat(onFx(() -> robot.lookup("#chart-sharing-sent-json").queryAs(TextArea.class).getText()))
                .as("what was sent before stays visible").isEqualTo(json);

        syncNow(robot);
        assertThat(patientsOnServer()).hasSize(2);
        ServerInspector inspector = new ServerInspector(server);
        assertThat(inspector.read("Patient", pseudonym).getMeta().getVersionId()).as("not sent again").isEqualTo("1");
        assertThat(inspector.observationsOf(pseudonym)).as("the new reading did not leave").isEmpty();
        Optional<?> asanteWaiting = desktop.shell().workspace().store().read(r -> r.outbox().find(asante));
        Optional<?> mensahWaiting = desktop.shell().workspace().store().read(r -> r.outbox().find(mensah));
        assertThat(asanteWaiting).as("withdrawn: nothing waits").isEmpty();
        assertThat(mensahWaiting).isEmpty();
    }
}
