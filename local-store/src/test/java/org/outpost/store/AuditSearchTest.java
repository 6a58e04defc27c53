package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditFilter;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.app.port.Store;
import org.outpost.app.usecase.AuditService;
import org.outpost.app.usecase.NotPermittedException;
import org.outpost.app.usecase.Session;

/** The audit log's filtered, paged query ({@code AuditLog.find}/{@code count}) on a real encrypted H2 file. */
class AuditSearchTest {
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @TempDir
    Path dir;
    Store store;
    Patient obrien;
    Patient okafor;
    Patient jose;

    @BeforeEach
    void setUp() {
        var unlocked = TestVaults.fast(dir.resolve("data"), new TestClock()).create(Fixtures.ADMIN, "Ada Admin",
                Fixtures.pw());
        store = unlocked.store();
        store.accounts().add(Fixtures.ADMIN, "nurse.kim", "Kim Park", Role.CLINICIAN,
                "tulips in the rain".toCharArray());
        obrien = Fixtures.patient("OB-0001", "O'Brien", "Siobhan", LocalDate.of(1961, 4, 2));
        okafor = Fixtures.patient("OK-0002", "Okafor", "Ngozi", LocalDate.of(1958, 9, 14));
        jose = Fixtures.patient("MJ-0003", "García", "María José", LocalDate.of(1990, 1, 1));
        store.write(r -> {
            r.patients().insert(obrien);
            r.patients().insert(okafor);
            r.patients().insert(jose);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void append(Instant at, String user, AuditAction action, Patient patient, String detail) {
        store.write(r -> r.audit().append(new AuditEvent(at, user, action,
                Optional.ofNullable(patient).map(Patient::id), detail)));
    }

    private List<AuditRow> find(AuditFilter filter) {
        return store.read(r -> r.audit().find(filter, Long.MAX_VALUE, 1000));
    }

    private long count(AuditFilter filter) {
        return store.read(r -> r.audit().count(filter));
    }

    private static AuditFilter patient(String text) {
        return new AuditFilter(Optional.empty(), Optional.of(text), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void filtersByUserAndActionNewestFirstWithTheUserAndPatientJoined() {
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        append(t, "nurse.kim", AuditAction.CHART_OPENED, okafor, "");
        append(t.plusSeconds(60), "nurse.kim", AuditAction.OBSERVATION_RECORDED, okafor, "8480-6");
        append(t.plusSeconds(120), "admin", AuditAction.CHART_OPENED, obrien, "");
        append(t.plusSeconds(180), "nurse.kim", AuditAction.CHART_OPENED, obrien, "");

        AuditFilter kimOpened = new AuditFilter(Optional.of("nurse.kim"), Optional.empty(),
                Optional.of(AuditAction.CHART_OPENED), Optional.empty(), Optional.empty());
        List<AuditRow> rows = find(kimOpened);

        assertThat(rows).extracting(r -> r.event().at()).containsExactly(t.plusSeconds(180), t);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.userDisplayName()).contains("Kim Park");
            assertThat(r.userRole()).contains(Role.CLINICIAN);
        });
        assertThat(rows.getFirst().patientMrn()).contains(new Mrn("OB-0001"));
        assertThat(rows.getFirst().patientName()).contains("O'Brien, Siobhan");
        assertThat(rows.getLast().patientName()).contains("Okafor, Ngozi");
        assertThat(count(kimOpened)).isEqualTo(2);
        // the setup's own rows (created, signed in, user added) are there without a filter
        assertThat(count(AuditFilter.ALL)).isEqualTo(store.read(r -> r.audit().count()));
    }

    @Test
    void aDayRangeCountsDaysInTheClinicsTimeZone() {
        // Los Angeles is UTC-8 on 1 March 2026 (PST; DST starts 8 March), so its 1 March runs 08:00Z to 08:00Z
        Instant lastOfFeb = Instant.parse("2026-03-01T07:59:59.999999999Z");
        Instant firstOfMarch = Instant.parse("2026-03-01T08:00:00Z");
        Instant lateOnFirst = Instant.parse("2026-03-02T07:59:59Z");
        Instant secondOfMarch = Instant.parse("2026-03-02T08:00:00Z");
        for (Instant at : List.of(lastOfFeb, firstOfMarch, lateOnFirst, secondOfMarch)) {
            append(at, "nurse.kim", AuditAction.PATIENT_SEARCHED, null, "");
        }
        AuditFilter firstOfMarchInLa = AuditFilter.of(null, null, AuditAction.PATIENT_SEARCHED,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), LOS_ANGELES);
        assertThat(find(firstOfMarchInLa)).extracting(r -> r.event().at()).containsExactly(lateOnFirst, firstOfMarch);
        assertThat(count(firstOfMarchInLa)).isEqualTo(2);

        AuditFilter firstOfMarchInUtc = AuditFilter.of(null, null, AuditAction.PATIENT_SEARCHED,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), ZoneOffset.UTC);
        assertThat(find(firstOfMarchInUtc)).extracting(r -> r.event().at()).containsExactly(firstOfMarch, lastOfFeb);

        AuditFilter fromTheSecond = AuditFilter.of(null, null, AuditAction.PATIENT_SEARCHED, LocalDate.of(2026, 3, 2),
                null, LOS_ANGELES);
        assertThat(find(fromTheSecond)).extracting(r -> r.event().at()).containsExactly(secondOfMarch);
        assertThatThrownBy(() -> AuditFilter.of(null, null, null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1),
                LOS_ANGELES)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after its end");
    }

    @Test
    void patientTextIsAParameterSoQuotesAndWildcardsMatchOnlyThemselves() {
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        append(t, "admin", AuditAction.CHART_OPENED, obrien, "");
        append(t.plusSeconds(1), "admin", AuditAction.CHART_OPENED, okafor, "");
        append(t.plusSeconds(2), "admin", AuditAction.CHART_OPENED, jose, "");
        append(t.plusSeconds(3), "admin", AuditAction.LOGIN_OK, null, "");

        assertThat(find(patient("O'Brien"))).extracting(r -> r.event().patient().orElseThrow())
                .containsExactly(obrien.id());
        assertThat(find(patient("o'b siob"))).hasSize(1);
        assertThat(find(patient("OK-0002"))).extracting(r -> r.patientName().orElseThrow())
                .containsExactly("Okafor, Ngozi");
        assertThat(find(patient("jose garcia"))).extracting(r -> r.event().patient().orElseThrow())
                .containsExactly(jose.id()); // folded: accents do not matter
        // wildcards and SQL in the text match literally: nothing, never everything
        assertThat(find(patient("%"))).isEmpty();
        assertThat(find(patient("_"))).isEmpty();
        assertThat(find(patient("O%"))).isEmpty();
        assertThat(find(patient("' OR '1'='1"))).isEmpty();
        assertThat(count(patient("%"))).isZero();
        // and "o" alone (in O'Brien, Okafor, José) still finds the three, never the row without a patient
        assertThat(find(patient("o"))).hasSize(3);
    }

    @Test
    void pagesWalkBackwardsWithoutGapsOrRepeats() {
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        for (int i = 0; i < 25; i++) {
            append(t.plusSeconds(i), i % 2 == 0 ? "nurse.kim" : "admin", AuditAction.CHART_OPENED, okafor, "");
        }
        AuditFilter kim = new AuditFilter(Optional.of("NURSE.KIM "), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        List<AuditRow> all = new ArrayList<>();
        long before = Long.MAX_VALUE;
        int pages = 0;
        while (true) {
            long cursor = before;
            List<AuditRow> page = store.read(r -> r.audit().find(kim, cursor, 5));
            if (page.isEmpty()) {
                break;
            }
            pages++;
            all.addAll(page);
            before = page.getLast().entry().sequence();
        }
        assertThat(pages).isEqualTo(3); // 13 of Kim's chart rows
        assertThat(all).hasSize(13);
        assertThat(new HashSet<>(all.stream().map(r -> r.entry().sequence()).toList())).hasSize(13);
        assertThat(all).extracting(r -> r.entry().sequence()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(count(kim)).isEqualTo(13); // Kim has no other rows (her account was added by admin)
    }

    @Test
    void rowsAboutUnknownPeopleStillShowWithoutNames() {
        append(Instant.parse("2026-03-02T09:00:00Z"), "nobody", AuditAction.LOGIN_FAILED, null, "no such account");
        store.write(r -> r.audit().append(AuditEvent.about(Instant.parse("2026-03-02T09:01:00Z"), "admin",
                AuditAction.CHART_OPENED, PatientId.random(), "")));
        List<AuditRow> rows = find(AuditFilter.ALL);
        assertThat(rows.get(0).patientMrn()).isEmpty();
        assertThat(rows.get(0).patientName()).isEmpty();
        assertThat(rows.get(0).userDisplayName()).contains("Ada Admin");
        assertThat(rows.get(1).userDisplayName()).isEmpty();
        assertThat(rows.get(1).userRole()).isEmpty();
    }

    @Test
    void onlyAuditReadersSearchAndAnAdminWhoMayViewChartsSeesNames() {
        append(Instant.parse("2026-03-02T09:00:00Z"), "nurse.kim", AuditAction.CHART_OPENED, obrien, "");
        User admin = store.accounts().find(Fixtures.ADMIN).orElseThrow();
        User kim = store.accounts().find("nurse.kim").orElseThrow();
        AuditService asAdmin = new AuditService(store, new TestClock(), new Session(admin));
        assertThat(asAdmin.showsPatientNames()).isTrue(); // ADMIN may VIEW_CHART today
        assertThat(asAdmin.find(patient("o'brien"), Long.MAX_VALUE, 10)).singleElement()
                .satisfies(r -> assertThat(r.patientName()).contains("O'Brien, Siobhan"));
        assertThat(asAdmin.count(patient("o'brien"))).isEqualTo(1);

        long rows = store.read(r -> r.audit().count());
        AuditService asKim = new AuditService(store, new TestClock(), new Session(kim));
        assertThatThrownBy(() -> asKim.find(AuditFilter.ALL, Long.MAX_VALUE, 10))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> asKim.count(AuditFilter.ALL)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> asKim.recordExport(AuditFilter.ALL, 3)).isInstanceOf(NotPermittedException.class);
        long after = store.read(r -> r.audit().count());
        assertThat(after).isEqualTo(rows);
    }
}
