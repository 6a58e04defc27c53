package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Sex;
import org.outpost.ui.admin.AdminView;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14 item 10: an administrator opens the audit log, filters it to one nurse's chart openings, reads names and
 * words where the log stores ids, and exports the filtered rows as CSV.
 */
@ExtendWith(ApplicationExtension.class)
class AuditViewJourneyTest {
    /**
     * A fixed "now" (the day after the work below, when the database is made and the admin signs in) in a clinic zone
     * away from UTC, so times on screen are the clinic's.
     */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T17:30:00Z"), ZoneId.of("America/Los_Angeles"));
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @TempDir
    Path dir;
    Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir.resolve("data"), Duration.ofMinutes(10), CLOCK,
                AuditViewJourneyTest::twoDaysOfWork);
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    /** Two staff and two days of a small clinic's work, as the audit log records it. */
    static void twoDaysOfWork(StoreFixture f) {
        f.store().accounts().add(StoreFixture.ADMIN, "nurse.kim", "Kim Park", Role.CLINICIAN,
                "tulips in the rain".toCharArray());
        f.store().accounts().add(StoreFixture.ADMIN, "pharm.lee", "Lee Chen", Role.PHARMACIST,
                "blue river stones".toCharArray());
        Patient okafor = f.register("Okafor", "Ngozi", Sex.FEMALE, LocalDate.of(1958, 9, 14), "penicillin");
        Patient obrien = f.register("O'Brien", "Siobhan", Sex.FEMALE, LocalDate.of(1961, 4, 2), "");
        Instant day1 = Instant.parse("2026-03-03T16:05:00Z"); // 08:05 in the clinic
        UUID order = UUID.fromString("3f2a91c0-7d4e-4b1a-9c3e-5a6b7c8d9e0f");
        List<AuditEvent> events = List.of(
                AuditEvent.of(day1, "nurse.kim", AuditAction.LOGIN_OK),
                AuditEvent.of(day1.plusSeconds(40), "nurse.kim", AuditAction.PATIENT_SEARCHED),
                AuditEvent.about(day1.plusSeconds(60), "nurse.kim", AuditAction.CHART_OPENED, okafor.id(), ""),
                AuditEvent.about(day1.plusSeconds(300), "nurse.kim", AuditAction.OBSERVATION_RECORDED, okafor.id(),
                        "8480-6"),
                AuditEvent.about(day1.plusSeconds(320), "nurse.kim", AuditAction.OBSERVATION_RECORDED, okafor.id(),
                        "4548-4"),
                AuditEvent.about(day1.plusSeconds(600), "nurse.kim", AuditAction.RISK_DECISION_RECORDED, okafor.id(),
                        "model=pce-2013;version=1.0.0;kind=OVERRIDDEN"),
                AuditEvent.about(day1.plusSeconds(900), "nurse.kim", AuditAction.ORDER_PLACED, okafor.id(),
                        "order=" + order + ";alerts=1 high/0 moderate/0 low;overridden=1;review=true"),
                AuditEvent.of(day1.plusSeconds(1200), "pharm.lee", AuditAction.LOGIN_OK),
                AuditEvent.about(day1.plusSeconds(1500), "pharm.lee", AuditAction.ORDER_REVIEWED, okafor.id(),
                        "order=" + order + ";action=APPROVED"),
                AuditEvent.about(day1.plusSeconds(3600), "nurse.kim", AuditAction.CHART_OPENED, obrien.id(), ""),
                AuditEvent.of(day1.plusSeconds(4000), "nurse.kim", AuditAction.LOGOUT),
                AuditEvent.of(day1.plusSeconds(86_400), "kim", AuditAction.LOGIN_FAILED),
                AuditEvent.of(day1.plusSeconds(86_430), "nurse.kim", AuditAction.LOGIN_OK),
                AuditEvent.about(day1.plusSeconds(86_500), "nurse.kim", AuditAction.CHART_OPENED, obrien.id(), ""),
                AuditEvent.about(day1.plusSeconds(86_700), "nurse.kim", AuditAction.CONSENT_RECORDED, obrien.id(),
                        "consent=GIVEN;genotypes=no"));
        f.store().write(r -> {
            events.forEach(e -> r.audit().append(e));
            return null;
        });
    }

    @Test
    void filterByUserAndActionReadWordsAndExportCsv(FxRobot robot) throws Exception {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        robot.clickOn("#nav-admin");
        await(() -> desktop.shell().currentScreen().equals("admin"));
        robot.clickOn("Audit log");
        @SuppressWarnings("unchecked")
        TableView<AuditRow> audit = robot.lookup("#admin-audit").queryAs(TableView.class);
        await(() -> audit.getItems().size() > 15);

        robot.clickOn("#admin-audit-user");
        robot.clickOn("Kim Park (nurse.kim)");
        robot.interact(() -> robot.lookup("#admin-audit-action").<AuditAction>queryComboBox()
                .setValue(AuditAction.CHART_OPENED));
        await(() -> audit.getItems().size() == 3
                && audit.getItems().stream().allMatch(r -> r.event().username().equals("nurse.kim")
                && r.event().action() == AuditAction.CHART_OPENED));
        assertThat(onFx(() -> robot.lookup("#admin-audit-summary").queryAs(Label.class).getText()))
                .isEqualTo("Showing 3 of 3 matching rows");

        List<String> cells = onFx(() -> robot.lookup("#admin-audit .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList());
        assertThat(cells).contains("Kim Park (nurse.kim)", "Opened a chart", "Clinician", "2026-03-03 08:06:00",
                "O'Brien, Siobhan (MRN " + mrn(audit, "O'Brien") + ")");
        assertThat(cells).noneMatch(c -> UUID_TEXT.matcher(c).find());

        Path target = dir.resolve("export").resolve("kim-charts.csv");
        Files.createDirectories(target.getParent());
        Button export = robot.lookup("#admin-audit-export").queryButton();
        robot.interact(() -> export.getProperties().put(AdminView.EXPORT_TARGET,
                (Function<Window, Path>) window -> target));
        robot.clickOn(export);
        Label status = robot.lookup("#admin-audit-export-status").queryAs(Label.class);
        await(() -> status.getText().startsWith("Exported"));
        assertThat(onFx(status::getText)).isEqualTo("Exported 3 rows to kim-charts.csv.");

        try (Reader in = Files.newBufferedReader(target, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).extracting(r -> r.get("User name")).containsOnly("nurse.kim").hasSize(3);
            assertThat(rows).extracting(r -> r.get("Action")).containsOnly("Opened a chart");
            assertThat(rows).extracting(r -> r.get("Time")).contains("2026-03-03T08:06:00-08:00");
            assertThat(rows).extracting(r -> r.get("Patient name")).contains("Okafor, Ngozi", "O'Brien, Siobhan");
        }
    }

    private static String mrn(TableView<AuditRow> table, String family) {
        return onFx(() -> table.getItems().stream().filter(r -> r.patientName().orElse("").startsWith(family))
                .findFirst().flatMap(AuditRow::patientMrn).map(m -> m.value()).orElseThrow());
    }
}
