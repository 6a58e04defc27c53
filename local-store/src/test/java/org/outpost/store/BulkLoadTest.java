package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientQuery;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;
import org.outpost.store.jdbc.BulkLoad;

/**
 * {@link BulkLoad} writes what the repositories' one-by-one inserts write: the same patients, allergies, search
 * answers, observations, outbox entries and audit chain, with row MACs and the chain that pass the full integrity
 * check and the anchor comparison. Two databases get the same records, one each way, and are compared.
 */
class BulkLoadTest {
    @TempDir
    Path tmp;

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    void bulkLoadedRecordsReadBackAsTheOneByOneInsertsAndVerify() throws Exception {
        List<Patient> patients = patients();
        List<Observation> observations = observations(patients);

        Path oneByOne = tmp.resolve("one-by-one");
        try (Store store = TestVaults.fast(oneByOne, new TestClock(T0)).create(Fixtures.ADMIN, "Admin", Fixtures.pw())
                .store()) {
            store.write(r -> {
                for (Patient p : patients) {
                    r.patients().insert(p);
                    r.audit().append(AuditEvent.about(T0, Fixtures.ADMIN, AuditAction.PATIENT_CREATED, p.id(), ""));
                }
                return null;
            });
            store.write(r -> {
                observations.forEach(r.observations()::insert);
                return null;
            });
        }
        Path bulk = tmp.resolve("bulk");
        try (Store store = TestVaults.fast(bulk, new TestClock(T0)).create(Fixtures.ADMIN, "Admin", Fixtures.pw())
                .store()) {
            store.write(r -> {
                BulkLoad load = BulkLoad.in(r);
                load.patients(patients);
                load.audit(patients.stream().map(p -> AuditEvent.about(T0, Fixtures.ADMIN, AuditAction.PATIENT_CREATED,
                        p.id(), "")).toList());
                return null;
            });
            store.write(r -> {
                BulkLoad.in(r).observations(observations);
                return null;
            });
        }

        // the real sign-in path (anchor check, migration check) then the repositories, both databases alike
        for (Path dir : List.of(oneByOne, bulk)) {
            try (Store store = TestVaults.fast(dir, new TestClock(T0.plusSeconds(60)))
                    .unlock(Fixtures.ADMIN, Fixtures.pw()).store()) {
                assertThat(store.verifyIntegrity().intact()).as(dir.toString()).isTrue();
                assertThat(store.verifyAudit().intact()).as(dir.toString()).isTrue();
                for (Patient p : patients) {
                    java.util.Optional<Patient> found = store.read(r -> r.patients().find(p.id()));
                    assertThat(found).contains(p);
                    List<Observation> chart = store.read(r -> r.observations().forPatient(p.id()));
                    assertThat(chart).containsExactlyInAnyOrderElementsOf(observations.stream()
                                    .filter(o -> o.patient().equals(p.id())).toList());
                }
                assertThat(names(store, "gar")).containsExactly("García Lorca, Ana", "Garrido, Bea");
                assertThat(names(store, "lor an")).containsExactly("García Lorca, Ana");
                assertThat(names(store, "MRN-BL-000")).hasSize(3);
                // outbox entries for the two consenting patients only, as the one-by-one writes leave them
                long pending = store.read(r -> r.outbox().counts().pending());
                assertThat(pending).isEqualTo(2);
            }
        }
        assertThat(rowCounts(bulk)).isEqualTo(rowCounts(oneByOne));
    }

    @Test
    void aDuplicateFailsTheWholeTransaction() {
        List<Patient> patients = patients();
        try (Store store = TestVaults.fast(tmp.resolve("dup"), new TestClock(T0))
                .create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            store.write(r -> {
                BulkLoad.in(r).patients(patients.subList(0, 1));
                return null;
            });
            assertThatThrownBy(() -> store.write(r -> {
                BulkLoad.in(r).patients(patients);
                return null;
            })).isInstanceOf(StoreException.class).hasMessageContaining("already in the database");
            long count = store.read(r -> r.patients().count());
            assertThat(count).isEqualTo(1);
            assertThatThrownBy(() -> store.read(r -> BulkLoad.in(r))).isInstanceOf(IllegalStateException.class);
            assertThat(store.verifyIntegrity().intact()).isTrue();
        }
    }

    private static List<Patient> patients() {
        Recorded by = new Recorded("dr.test", T0);
        Patient listed = Fixtures.patient("MRN-BL-0001", "García Lorca", "Ana", LocalDate.of(1950, 1, 2), "penicillin",
                "latex");
        Patient noKnown = Fixtures.noKnownAllergies(Fixtures.patient("MRN-BL-0002", "Garrido", "Bea",
                LocalDate.of(1971, 5, 6)));
        Patient p3 = Fixtures.patient("MRN-BL-0003", "Østergaard", "Carl", LocalDate.of(1990, 9, 9));
        Patient refused = new Patient(p3.id(), p3.mrn(), p3.familyName(), p3.givenName(), p3.sex(), p3.birthDate(),
                p3.address(), p3.phone(), SharingConsent.refused(by), p3.allergies());
        return List.of(listed, noKnown, refused);
    }

    private static List<Observation> observations(List<Patient> patients) {
        List<Observation> out = new ArrayList<>();
        Measure[] measures = Measure.values();
        for (int k = 0; k < 4; k++) {
            for (Patient p : patients) {
                Measure m = measures[k % measures.length];
                out.add(new Observation(UUID.randomUUID(), p.id(), m,
                        Quantity.of((m.plausibleMin() + m.plausibleMax()) / 2, m.canonicalUnit()),
                        T0.minusSeconds(86_400L * (k + 1)), "dr.test"));
            }
        }
        return out;
    }

    private static List<String> names(Store store, String text) {
        return store.read(r -> r.patients().search(PatientQuery.parse(text), 50)).stream()
                .map(s -> s.familyName() + ", " + s.givenName()).toList();
    }

    private static Map<String, Long> rowCounts(Path dir) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = Fixtures.rawConnection(dir, Fixtures.ADMIN, Fixtures.pw()); Statement st = c.createStatement()) {
            for (String table : List.of("patients", "patient_name_tokens", "patient_name_prefixes", "allergy_status",
                    "allergy_entries", "observations", "outbox", "audit_log")) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
