package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.demo.DemoDataService;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.IntegrityReport;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Unit;
import org.outpost.app.port.DamagedRecordException;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;
import org.outpost.app.usecase.Session;
import org.outpost.store.jdbc.SealedTable;

/**
 * Issue 10 item 3: a value changed inside the encrypted file (H2's cipher does not authenticate) is found
 * by its row's MAC when read and by the full check, which also finds flipped bytes H2 itself trips over.
 */
class RowIntegrityTest {
    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock();
    private Path dir;
    private H2Vault vault;
    private Patient patient;
    private UUID reading;

    @BeforeEach
    void createWithData() {
        dir = tmp.resolve("data");
        vault = TestVaults.fast(dir, clock);
        var u = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw());
        try (Store store = u.store()) {
            new DemoDataService(store, clock, new Session(u.user())).create(20, 7, DemoDataService.Progress.silent());
            patient = Fixtures.patient("RI-0001", "Integrity", "Ida", LocalDate.of(1960, 5, 1), "penicillin");
            reading = UUID.randomUUID();
            store.write(r -> {
                r.patients().insert(patient);
                r.observations().insert(new Observation(reading, patient.id(), Measure.SYSTOLIC_BP,
                        Quantity.of(128, Unit.MM_HG), Instant.parse("2025-03-01T09:00:00Z"), "nurse"));
                return null;
            });
        }
    }

    @Test
    void intactDatabaseVerifies() {
        try (Store store = unlock()) {
            IntegrityReport report = store.verifyIntegrity();
            assertThat(report.lines()).isEmpty();
            assertThat(report.intact()).isTrue();
            assertThat(report.summary()).startsWith("database intact");
            assertThat(report.tables()).extracting(IntegrityReport.TablePart::name)
                    .contains("patients", "observations", "audit_log", "patient_name_prefixes")
                    .anyMatch(n -> n.startsWith("observations index "));
        }
    }

    @Test
    void aValueEditedInTheFileIsNamedByTableAndRowAndNotShown() throws Exception {
        rawUpdate("UPDATE observations SET amount = 182.75 WHERE id = ?", reading); // a dot: never part of a row id

        try (Store store = unlock()) {
            IntegrityReport report = store.verifyIntegrity();
            assertThat(report.intact()).isFalse();
            assertThat(report.lines()).singleElement().asString()
                    .startsWith("observations: 1 of ").contains(reading.toString());
            assertThatThrownBy(() -> store.read(r -> r.observations().forPatient(patient.id())))
                    .isInstanceOfSatisfying(DamagedRecordException.class, e -> {
                        assertThat(e.table()).isEqualTo("observations");
                        assertThat(e.rowId()).isEqualTo(reading.toString());
                    })
                    .hasMessageNotContaining("182.75").hasMessageNotContaining("Integrity");
            // the rest of the chart still reads
            java.util.Optional<Patient> found = store.read(r -> r.patients().find(patient.id()));
            assertThat(found).contains(patient);
        }
    }

    @Test
    void valuesSwappedBetweenColumnsOrRowsAreFound() throws Exception {
        rawUpdate("UPDATE patients SET family_name = given_name, given_name = family_name WHERE id = ?",
                patient.id().value());
        try (Store store = unlock()) {
            assertThatThrownBy(() -> store.read(r -> r.patients().find(patient.id())))
                    .isInstanceOf(DamagedRecordException.class);
            assertThat(store.verifyIntegrity().lines()).anyMatch(l -> l.startsWith("patients: 1 of ")
                    && l.contains(patient.id().value().toString()));
        }
    }

    @Test
    void anEditedAllergyAndAnEditedAccountAreFound() throws Exception {
        rawUpdate("UPDATE allergy_entries SET substance = 'none' WHERE patient_id = ?", patient.id().value());
        try (Store store = unlock()) {
            assertThatThrownBy(() -> store.read(r -> r.patients().find(patient.id())))
                    .isInstanceOfSatisfying(DamagedRecordException.class,
                            e -> assertThat(e.table()).isEqualTo("allergy_entries"));
            assertThat(store.verifyIntegrity().lines()).anyMatch(l -> l.startsWith("allergy_entries: 1 of "));
        }
        rawUpdate("UPDATE users SET display_name = 'Someone Else' WHERE username = ?", Fixtures.ADMIN);
        assertThatThrownBy(this::unlock).isInstanceOf(StoreException.class).hasMessageContaining("users row admin");
    }

    /** V10: an order's indication is covered by the row MAC, and orders from before it keep theirs. */
    @Test
    void anOrdersIndicationIsKeptAndAnEditedOneIsFound() throws Exception {
        UUID stated = UUID.randomUUID();
        UUID unstated = UUID.randomUUID();
        try (Store store = unlock()) {
            store.write(r -> {
                for (UUID id : List.of(stated, unstated)) {
                    var med = new org.outpost.app.domain.Medication(UUID.randomUUID(), patient.id(), "clopidogrel",
                            java.util.Optional.empty(), "75 mg", "oral", "once daily", LocalDate.of(2026, 1, 5),
                            java.util.Optional.empty());
                    r.medications().insert(med);
                    var draft = new org.outpost.app.prescribing.OrderDraft("clopidogrel", 75, "mg", "once daily", "oral",
                            id == stated ? "neurovascular" : "");
                    r.orders().insert(new org.outpost.app.prescribing.MedicationOrder(id, patient.id(), med.id(), draft,
                            Fixtures.ADMIN, clock.instant(), org.outpost.app.prescribing.OrderStatus.NO_REVIEW_NEEDED,
                            List.of()));
                }
                return null;
            });
            assertThat(store.read(r -> r.orders().find(stated)).orElseThrow().draft().indication())
                    .isEqualTo("neurovascular");
            assertThat(store.read(r -> r.orders().find(unstated)).orElseThrow().draft().indication()).isEmpty();
            assertThat(store.verifyIntegrity().intact()).isTrue();
        }
        // stating an indication the prescriber did not state (or removing one) changes the advice: found
        rawUpdate("UPDATE medication_orders SET indication = 'cardiovascular-other' WHERE id = ?", unstated);
        rawUpdate("UPDATE medication_orders SET indication = NULL WHERE id = ?", stated);
        try (Store store = unlock()) {
            assertThat(store.verifyIntegrity().lines()).singleElement().asString()
                    .startsWith("medication_orders: 2 of ");
            assertThatThrownBy(() -> store.read(r -> r.orders().find(stated))).isInstanceOf(DamagedRecordException.class);
        }
    }

    @Test
    void backupOfADamagedDatabaseIsRefused() throws Exception {
        rawUpdate("UPDATE observations SET amount = 182.75 WHERE id = ?", reading); // a dot: never part of a row id
        Path zip = tmp.resolve("b.zip");
        try (Store store = unlock()) {
            assertThatThrownBy(() -> store.backupTo(zip)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("damaged").hasMessageContaining("outpost admin verify");
        }
        assertThat(zip).doesNotExist();
    }

    @Test
    void backupOfAnIntactDatabaseIsWritten() {
        Path zip = tmp.resolve("ok.zip");
        try (Store store = unlock()) {
            store.backupTo(zip);
        }
        assertThat(zip).exists();
    }

    @Test
    void rowsWithoutAMacAreSealedOnceAtUnlockAndAudited() throws Exception {
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw()); Statement s = c.createStatement()) {
            for (SealedTable t : SealedTable.values()) {
                s.executeUpdate("UPDATE " + t.table() + " SET row_mac = NULL");
            }
            s.executeUpdate("UPDATE row_seal_state SET sealed = FALSE");
        }
        try (Store store = unlock()) {
            assertThat(store.verifyIntegrity().intact()).isTrue();
        }
        try (Store store = unlock()) {
            var sealed = store.read(r -> r.audit().newest(1000)).stream()
                    .filter(e -> e.event().action() == AuditAction.ROWS_SEALED).toList();
            assertThat(sealed).singleElement().satisfies(e -> assertThat(e.event().detail()).matches("\\d{3,} rows"));
        }
    }

    @Test
    void aRowWithoutAMacAfterSealingIsDamaged() throws Exception {
        rawUpdate("UPDATE observations SET row_mac = NULL WHERE id = ?", reading);
        try (Store store = unlock()) {
            assertThat(store.verifyIntegrity().damagedRows()).isEqualTo(1);
        }
    }

    @Test
    void sixteenFlippedBytesAreNeverReportedIntact() throws Exception {
        Path db = dir.resolve(DataDirectory.DB_FILE);
        long size = Files.size(db);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            for (int k = 1; k <= 16; k++) {
                long off = size * (5 + 5 * k) / 100;
                f.seek(off);
                int b = f.read();
                f.seek(off);
                f.write(b ^ 0x5A);
            }
        }
        boolean intact;
        try (Store store = unlock()) {
            intact = store.verifyIntegrity().intact();
        } catch (StoreException e) {
            intact = false; // H2 could not even open it: reported as damaged, never as wrong credentials
        }
        assertThat(intact).isFalse();
    }

    @Test
    void everySealedTableListsEveryColumn() throws Exception {
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw())) {
            for (SealedTable t : SealedTable.values()) {
                List<String> columns = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
                    ps.setString(1, t.table().toUpperCase(Locale.ROOT));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
                        }
                    }
                }
                columns.remove("row_mac");
                assertThat(t.columns()).as(t.table()).containsExactlyInAnyOrderElementsOf(columns);
            }
        }
    }

    private Store unlock() {
        try {
            return vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        } catch (org.outpost.app.port.WrongCredentialsException e) {
            throw new AssertionError(e);
        }
    }

    private void rawUpdate(String sql, Object arg) throws Exception {
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            assertThat(ps.executeUpdate()).isPositive();
        }
    }
}
