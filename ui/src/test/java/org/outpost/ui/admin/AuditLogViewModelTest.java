package org.outpost.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.User;
import org.outpost.app.usecase.AuditService;
import org.outpost.ui.concurrent.ErrorNotice;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** The audit tab's view model on a real encrypted store, without a stage. */
class AuditLogViewModelTest {
    /** Matches a UUID anywhere in a cell. */
    static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The clinic is in Los Angeles: UTC-8 in early March 2026 (PST; DST from 8 March). */
    private static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");
    private static final Instant NOW = Instant.parse("2026-03-03T18:00:00Z");

    @TempDir
    Path dir;
    StoreFixture store;
    AuditLogViewModel model;
    Patient obrien;
    Patient okafor;
    List<Throwable> reported = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = StoreFixture.create(dir.resolve("data"), Clock.fixed(NOW, CLINIC));
        store.store().accounts().add(StoreFixture.ADMIN, "nurse.kim", "Kim Park", Role.CLINICIAN,
                "tulips in the rain".toCharArray());
        obrien = store.register("O'Brien", "Siobhan", Sex.FEMALE, LocalDate.of(1961, 4, 2), "");
        okafor = store.register("Okafor", "Ngozi", Sex.FEMALE, LocalDate.of(1958, 9, 14), "");
        model = new AuditLogViewModel(store.store(), new AuditService(store.store(), store.clock(), store.session()),
                new SameThreadTaskRunner(e -> {
                    reported.add(e);
                    return new ErrorNotice("test", "x");
                }), new UiText(Locale.ENGLISH), store.clock());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void append(Instant at, String user, AuditAction action, Patient patient, String detail) {
        store.store().write(r -> r.audit().append(new AuditEvent(at, user, action,
                Optional.ofNullable(patient).map(Patient::id), detail)));
    }

    private User kim() {
        return model.users().stream().filter(u -> u.username().equals("nurse.kim")).findFirst().orElseThrow();
    }

    private List<String> cells(AuditRow row) {
        return List.of(model.when(row), model.user(row), model.role(row), model.action(row), model.patient(row),
                model.detail(row));
    }

    @Test
    void filtersByUserAndActionShowNamesAndWordsNotIds() {
        Instant t = Instant.parse("2026-03-02T17:00:00Z");
        append(t, "nurse.kim", AuditAction.CHART_OPENED, obrien, "");
        append(t.plusSeconds(60), "nurse.kim", AuditAction.OBSERVATION_RECORDED, obrien, "8480-6");
        append(t.plusSeconds(120), "admin", AuditAction.CHART_OPENED, okafor, "");
        append(t.plusSeconds(180), "nurse.kim", AuditAction.CHART_OPENED, okafor, "");
        model.refresh();
        assertThat(model.rows()).hasSizeGreaterThan(5);

        model.userProperty().set(kim());
        model.actionProperty().set(AuditAction.CHART_OPENED);
        model.search();

        assertThat(model.rows()).extracting(r -> r.event().at()).containsExactly(t.plusSeconds(180), t);
        AuditRow newest = model.rows().getFirst();
        assertThat(cells(newest)).containsExactly("2026-03-02 09:03:00", "Kim Park (nurse.kim)", "Clinician",
                "Opened a chart", "Okafor, Ngozi (MRN " + okafor.mrn().value() + ")", "");
        assertThat(model.summaryProperty().get()).isEqualTo("Showing 2 of 2 matching rows");

        model.actionProperty().set(AuditAction.OBSERVATION_RECORDED);
        model.search();
        assertThat(model.rows()).hasSize(1);
        assertThat(model.detail(model.rows().getFirst())).isEqualTo("Systolic blood pressure (LOINC 8480-6)");
        assertThat(model.action(model.rows().getFirst())).isEqualTo("Recorded vitals or labs");

        // with no filter: the setup's own rows, in words too, not one UUID anywhere
        model.userProperty().set(null);
        model.actionProperty().set(null);
        model.search();
        assertThat(model.rows()).allSatisfy(r -> assertThat(cells(r)).noneMatch(c -> UUID.matcher(c).find()));
        assertThat(model.rows()).extracting(model::detail).contains("Account of Kim Park (nurse.kim), as Clinician");
    }

    @Test
    void patientTextAndDaysFilterInTheStoreAndABadRangeChangesNothing() {
        // 23:30 on 1 March in Los Angeles is 07:30 on 2 March in UTC
        append(Instant.parse("2026-03-02T07:30:00Z"), "nurse.kim", AuditAction.CHART_OPENED, obrien, "");
        append(Instant.parse("2026-03-02T08:30:00Z"), "nurse.kim", AuditAction.CHART_OPENED, obrien, "");
        append(Instant.parse("2026-03-02T09:00:00Z"), "nurse.kim", AuditAction.CHART_OPENED, okafor, "");
        model.refresh();

        model.patientProperty().set("o'brien");
        model.search();
        assertThat(model.rows()).allSatisfy(r -> assertThat(r.event().patient()).contains(obrien.id()));
        assertThat(model.rows()).hasSize(3); // registered, and the two charts opened

        model.fromDayProperty().set(LocalDate.of(2026, 3, 1));
        model.toDayProperty().set(LocalDate.of(2026, 3, 1));
        model.search();
        assertThat(model.rows()).extracting(r -> r.event().at()).containsExactly(Instant.parse("2026-03-02T07:30:00Z"));
        assertThat(model.when(model.rows().getFirst())).isEqualTo("2026-03-01 23:30:00");

        model.patientProperty().set("%");
        model.fromDayProperty().set(null);
        model.toDayProperty().set(null);
        model.search();
        assertThat(model.rows()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("Showing 0 of 0 matching rows");

        model.patientProperty().set("");
        model.search();
        List<AuditRow> before = List.copyOf(model.rows());
        model.fromDayProperty().set(LocalDate.of(2026, 3, 2));
        model.toDayProperty().set(LocalDate.of(2026, 3, 1));
        model.search();
        assertThat(model.filterErrorProperty().get()).isEqualTo("The start of the date range is after its end.");
        assertThat(model.rows()).containsExactlyElementsOf(before);
        assertThat(reported).isEmpty();
    }

    @Test
    void showMoreReadsTheNextPageFromTheStore() {
        Instant t = Instant.parse("2026-03-02T17:00:00Z");
        store.store().write(r -> {
            for (int i = 0; i < 450; i++) {
                r.audit().append(AuditEvent.of(t.plusSeconds(i), "nurse.kim", AuditAction.PATIENT_SEARCHED));
            }
            return null;
        });
        model.refresh();
        model.actionProperty().set(AuditAction.PATIENT_SEARCHED);
        model.search();
        assertThat(model.rows()).hasSize(AuditLogViewModel.PAGE);
        assertThat(model.moreProperty().get()).isTrue();
        model.showMore();
        model.showMore();
        assertThat(model.rows()).hasSize(450);
        assertThat(model.moreProperty().get()).isFalse();
        assertThat(model.rows().stream().map(r -> r.entry().sequence()).distinct().count()).isEqualTo(450);
        assertThat(model.rows().getLast().event().at()).isEqualTo(t);
    }

    @Test
    void exportsEveryMatchingRowAsCsvThatParsesBackAndIsAuditedWithoutPatientData() throws Exception {
        String awkward = "reason, with a comma; a \"quote\"\nand a second line";
        Instant t = Instant.parse("2026-03-02T17:00:00Z");
        store.store().write(r -> {
            for (int i = 0; i < 1200; i++) {
                r.audit().append(AuditEvent.about(t.plusSeconds(i), "nurse.kim", AuditAction.CHART_OPENED,
                        obrien.id(), i == 0 ? awkward : ""));
            }
            r.audit().append(AuditEvent.about(t.plusSeconds(5000), "nurse.kim", AuditAction.CHART_OPENED,
                    okafor.id(), ""));
            return null;
        });
        model.refresh();
        model.userProperty().set(kim());
        model.patientProperty().set("O'Brien");
        model.search();
        assertThat(model.rows()).hasSize(AuditLogViewModel.PAGE); // the screen shows one page

        Path csv = dir.resolve("out").resolve("audit.csv");
        Files.createDirectories(csv.getParent());
        model.export(csv);

        assertThat(model.exportStatusProperty().get()).isEqualTo("Exported 1,200 rows to audit.csv.");
        assertThat(model.suggestedFileName()).isEqualTo("audit-log-2026-03-03.csv"); // 10:00 in Los Angeles
        assertThat(model.exportProgressProperty().get()).isEqualTo(1.0);
        assertThat(model.exportingProperty().get()).isFalse();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertThat(parser.getHeaderNames()).containsExactly("Sequence", "Time", "User", "User name", "Role",
                    "Action", "Patient MRN", "Patient name", "Details", "Details as stored", "Row hash");
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1200); // all of them, not only the page on screen
            CSVRecord oldest = records.getLast();
            assertThat(oldest.get("Details as stored")).isEqualTo(awkward);
            assertThat(oldest.get("Details")).contains("a \"quote\"\nand a second line");
            assertThat(OffsetDateTime.parse(oldest.get("Time")).toInstant()).isEqualTo(t);
            assertThat(oldest.get("Time")).isEqualTo("2026-03-02T09:00:00-08:00");
            assertThat(oldest.get("User")).isEqualTo("Kim Park (nurse.kim)");
            assertThat(oldest.get("Role")).isEqualTo("Clinician");
            assertThat(oldest.get("Action")).isEqualTo("Opened a chart");
            assertThat(oldest.get("Patient MRN")).isEqualTo(obrien.mrn().value());
            assertThat(oldest.get("Patient name")).isEqualTo("O'Brien, Siobhan");
            AuditEntry stored = store.store().read(r -> r.audit().newest(2000)).stream()
                    .filter(e -> e.sequence() == Long.parseLong(oldest.get("Sequence"))).findFirst().orElseThrow();
            assertThat(oldest.get("Row hash")).isEqualTo(stored.hash());
        }
        try (var files = Files.list(csv.getParent())) {
            assertThat(files).containsExactly(csv); // no partial file left beside it
        }

        AuditEntry exported = store.store().read(r -> r.audit().newest(1)).getFirst();
        assertThat(exported.event().action()).isEqualTo(AuditAction.AUDIT_EXPORTED);
        assertThat(exported.event().username()).isEqualTo(StoreFixture.ADMIN);
        assertThat(exported.event().patient()).isEmpty();
        assertThat(exported.event().detail()).isEqualTo("filter=user=nurse.kim;patient=set;rows=1200")
                .doesNotContainIgnoringCase("brien");
        assertThat(model.action(model.rows().getFirst())).isNotEqualTo("Exported audit log"); // filtered to Kim
    }

    @Test
    void aFailedExportLeavesNoFileAndIsNotAudited() {
        model.refresh();
        long rows = store.store().read(r -> r.audit().count());
        model.export(dir.resolve("no-such-folder").resolve("audit.csv"));
        assertThat(model.exportStatusProperty().get())
                .isEqualTo("The file could not be written: check the folder and the free space on the disk.");
        assertThat(model.exportingProperty().get()).isFalse();
        assertThat(Files.exists(dir.resolve("no-such-folder"))).isFalse();
        long after = store.store().read(r -> r.audit().count());
        assertThat(after).isEqualTo(rows);
    }
}
