package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AllergyEntry;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Recorded;
import org.outpost.app.port.DamagedRecordException;
import org.outpost.app.port.Store;
import org.outpost.store.jdbc.RowSeals;
import org.outpost.store.jdbc.SealedTable;

/** Issue 11 item 6: the three allergy states on a real encrypted H2 file, sealed, and the V1 free text upgraded. */
class AllergyStoreTest {
    private static final Recorded NURSE = new Recorded("nurse.n", Instant.parse("2025-02-03T10:15:30.123456789Z"));

    @TempDir
    Path tmp;

    private Path dir;
    private H2Vault vault;

    @BeforeEach
    void create() {
        dir = tmp.resolve("data");
        vault = TestVaults.fast(dir, new TestClock());
        vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store().close();
    }

    private Store unlock() throws Exception {
        return vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
    }

    private static Patient with(Patient p, AllergyStatus allergies) {
        return new Patient(p.id(), p.mrn(), p.familyName(), p.givenName(), p.sex(), p.birthDate(), p.address(), p.phone(),
                p.consent(), allergies);
    }

    private static Optional<Patient> find(Store store, Patient p) {
        return store.read(r -> r.patients().find(p.id()));
    }

    @Test
    void eachStateRoundTripsAndAnUpdateMovesBetweenThem() throws Exception {
        Patient p = Fixtures.patient("AL-0001", "Allergy", "Ann", LocalDate.of(1970, 1, 1));
        AllergyStatus nka = new AllergyStatus.NoKnownAllergies(NURSE);
        AllergyStatus listed = new AllergyStatus.Listed(List.of(
                new AllergyEntry("penicillin", "anaphylaxis", AllergySeverity.LIFE_THREATENING, Optional.of(NURSE)),
                AllergyEntry.legacy("latex")));
        try (Store store = unlock()) {
            store.write(r -> {
                r.patients().insert(p);
                return null;
            });
            assertThat(find(store, p).orElseThrow().allergies()).isEqualTo(AllergyStatus.notRecorded());
            for (AllergyStatus status : List.of(nka, listed, nka, AllergyStatus.notRecorded(), listed)) {
                store.write(r -> {
                    r.patients().update(with(p, status));
                    return null;
                });
                assertThat(find(store, p).orElseThrow().allergies()).isEqualTo(status);
            }
            assertThat(store.verifyIntegrity().intact()).isTrue();
        }
        try (Store store = unlock()) {
            assertThat(find(store, p).orElseThrow().allergies()).isEqualTo(listed);
        }
    }

    @Test
    void aDeletedNoKnownAllergiesRowReadsAsNotRecordedAndAChangedOneIsDamaged() throws Exception {
        Patient p = with(Fixtures.patient("AL-0002", "Allergy", "Bea", LocalDate.of(1971, 1, 1)),
                new AllergyStatus.NoKnownAllergies(NURSE));
        try (Store store = unlock()) {
            store.write(r -> {
                r.patients().insert(p);
                return null;
            });
        }
        raw("UPDATE allergy_status SET recorded_by = 'someone.else' WHERE patient_id = ?", p.id().value());
        try (Store store = unlock()) {
            assertThatThrownBy(() -> find(store, p)).isInstanceOfSatisfying(DamagedRecordException.class,
                    e -> assertThat(e.table()).isEqualTo("allergy_status"));
            assertThat(store.verifyIntegrity().lines()).anyMatch(l -> l.startsWith("allergy_status: 1 of "));
        }
    }

    @Test
    void freeTextAllergiesOfV1BecomeEntriesWithUnknownReactionAndADamagedOneStaysDamaged() throws Exception {
        Patient listed = Fixtures.patient("AL-0003", "Legacy", "Cy", LocalDate.of(1950, 1, 1));
        Patient none = Fixtures.patient("AL-0004", "Legacy", "Di", LocalDate.of(1951, 1, 1));
        Patient damaged = Fixtures.patient("AL-0005", "Legacy", "Ed", LocalDate.of(1952, 1, 1));
        try (Store store = unlock()) {
            store.write(r -> {
                r.patients().insert(listed);
                r.patients().insert(none);
                r.patients().insert(damaged);
                return null;
            });
        }
        // as a V7 database holds them: substances in the V1 table, sealed under its three columns
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw())) {
            c.setAutoCommit(false);
            insertLegacy(c, listed.id().value(), "penicillin", "latex");
            insertLegacy(c, damaged.id().value(), "aspirin");
            RowSeals.resealTable(c, SealedTable.ALLERGIES);
            c.commit();
        }
        raw("UPDATE allergies SET substance = 'nothing' WHERE patient_id = ?", damaged.id().value());

        try (Store store = unlock()) {
            assertThat(find(store, listed).orElseThrow().allergies()).isEqualTo(
                    AllergyStatus.fromLegacy(List.of("penicillin", "latex")));
            assertThat(find(store, none).orElseThrow().allergies()).isInstanceOf(AllergyStatus.NotRecorded.class);
            assertThatThrownBy(() -> find(store, damaged)).isInstanceOfSatisfying(DamagedRecordException.class,
                    e -> assertThat(e.table()).isEqualTo("allergies"));
            assertThat(store.verifyIntegrity().lines()).singleElement()
                    .satisfies(l -> assertThat(l).startsWith("allergies: 1 of 1"));
        }
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw());
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM allergies")) {
            rs.next();
            assertThat(rs.getInt(1)).as("only the damaged row is left in the V1 table").isEqualTo(1);
        }
    }

    private static void insertLegacy(Connection c, UUID patient, String... substances) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO allergies (patient_id, position, substance) VALUES (?, ?, ?)")) {
            for (int i = 0; i < substances.length; i++) {
                ps.setObject(1, patient);
                ps.setInt(2, i);
                ps.setString(3, substances[i]);
                ps.executeUpdate();
            }
        }
    }

    private void raw(String sql, Object arg) throws Exception {
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            assertThat(ps.executeUpdate()).isPositive();
        }
    }
}
