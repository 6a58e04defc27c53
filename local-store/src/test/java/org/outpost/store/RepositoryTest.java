package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AllergyEntry;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.domain.Encounter;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;
import org.outpost.app.port.StoreException;
import org.outpost.app.domain.PatientQuery;

/**
 * Repositories and transactions on one shared store (one unlock for the class). Search patients are
 * written once; each other test uses its own MRNs and names so tests do not see each other.
 */
class RepositoryTest {
    @TempDir
    static Path dir;

    private static Store store;
    private static Patient jose;
    private static Patient joseph;
    private static Patient maria;

    @BeforeAll
    static void createSharedStore() {
        store = TestVaults.fast(dir.resolve("data"), new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store();
        jose = Fixtures.patient("SRC-0001", "Pérez", "José", LocalDate.of(1970, 3, 7), "penicillin", "latex");
        joseph = Fixtures.patient("SRC-0002", "Josephson", "Anna", LocalDate.of(1984, 3, 7));
        maria = Fixtures.patient("SRC-0100", "García", "María José", LocalDate.of(1970, 3, 7));
        store.write(r -> {
            r.patients().insert(jose);
            r.patients().insert(joseph);
            r.patients().insert(maria);
            for (int i = 0; i < 12; i++) {
                r.patients().insert(Fixtures.patient("LIM-%04d".formatted(i), "Limitson", "Kid" + (char) ('a' + i),
                        LocalDate.of(2001, 1, 1)));
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<PatientSummary> search(String text, int limit) {
        return store.read(r -> r.patients().search(PatientQuery.parse(text), limit));
    }

    @Test
    void nameTokensPrefixFamilyOrGivenNameIgnoringCaseAndAccents() {
        assertThat(search("jose", 50)).extracting(PatientSummary::mrn).extracting(Mrn::value)
                .containsExactly("SRC-0100", "SRC-0002", "SRC-0001"); // García María José, Josephson, Pérez
        assertThat(search("mar", 50)).extracting(PatientSummary::id).containsExactly(maria.id());
        assertThat(search("JOSÉ pér", 50)).extracting(PatientSummary::id).containsExactly(jose.id());
        assertThat(search("perez", 50)).extracting(PatientSummary::id).containsExactly(jose.id());
        assertThat(search("garc maria", 50)).extracting(PatientSummary::id).containsExactly(maria.id());
        assertThat(search("erez", 50)).isEmpty(); // prefix, not substring
        assertThat(search("jose nobody", 50)).isEmpty(); // tokens are ANDed
        assertThat(search("%", 50)).isEmpty(); // wildcards are literal
    }

    @Test
    void mrnPrefixAndBirthDateNarrowTheSearch() {
        assertThat(search("src-00", 50)).extracting(PatientSummary::id).containsExactlyInAnyOrder(jose.id(), joseph.id());
        assertThat(search("07/03/1970", 50)).extracting(PatientSummary::id).containsExactly(maria.id(), jose.id());
        assertThat(search("1970-03-07 jose", 50)).extracting(PatientSummary::id).containsExactly(maria.id(), jose.id());
        assertThat(search("1970-03-07 perez", 50)).extracting(PatientSummary::id).containsExactly(jose.id());
        assertThat(search("1984-03-07", 50)).extracting(PatientSummary::id).containsExactly(joseph.id());
        assertThat(search("SRC-01 1970-03-07", 50)).extracting(PatientSummary::id).containsExactly(maria.id());
    }

    @Test
    void searchHonoursTheLimitInNameOrder() {
        List<PatientSummary> five = search("limitson", 5);
        assertThat(five).hasSize(5).extracting(PatientSummary::givenName).containsExactly("Kida", "Kidb", "Kidc", "Kidd", "Kide");
        assertThat(search("limitson", 100)).hasSize(12);
        assertThat(search("limitson", 0)).isEmpty();
    }

    @Test
    void patientsRoundTripWithAllergiesAndUpdates() {
        Optional<Patient> found = store.read(r -> r.patients().find(jose.id()));
        assertThat(found).contains(jose);
        assertThat(found.orElseThrow().allergies().entries()).extracting(AllergyEntry::substance)
                .containsExactly("penicillin", "latex");
        Optional<Patient> byMrn = store.read(r -> r.patients().findByMrn(new Mrn("src-0001")));
        assertThat(byMrn).contains(jose);

        Patient p = Fixtures.patient("UPD-0001", "Before", "Name", LocalDate.of(1999, 9, 9), "nuts");
        Patient changed = new Patient(p.id(), new Mrn("UPD-0002"), "After", "Renamed", Sex.OTHER, p.birthDate(),
                "2 High St", "555-0199", SharingConsent.refused(new org.outpost.app.domain.Recorded("dr.test", java.time.Instant.parse("2024-02-02T10:00:00.123456789Z"))), AllergyStatus.fromLegacy(List.of("eggs", "shellfish")));
        store.write(r -> {
            r.patients().insert(p);
            r.patients().update(changed);
            return null;
        });
        Optional<Patient> reread = store.read(r -> r.patients().find(p.id()));
        assertThat(reread).contains(changed);
        assertThat(search("after renamed", 10)).extracting(PatientSummary::id).containsExactly(p.id());
        List<Patient> born = store.read(r -> r.patients().bornOn(List.of(LocalDate.of(1999, 9, 9), LocalDate.of(1984, 3, 7))));
        assertThat(born).extracting(Patient::id).containsExactlyInAnyOrder(p.id(), joseph.id());
    }

    @Test
    void aTakenMrnIsRefusedWithoutQuotingIt() {
        Patient clash = Fixtures.patient("SRC-0001", "Other", "Person", LocalDate.of(1990, 1, 1));
        assertThatThrownBy(() -> store.write(r -> {
            r.patients().insert(clash);
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("MRN is already in use")
                .hasMessageNotContaining("SRC-0001").hasMessageNotContaining("Other").hasNoCause();
    }

    @Test
    void workThatThrowsSavesNothingAndAuditsNothing() {
        long patientsBefore = store.read(r -> r.patients().count());
        long auditBefore = store.read(r -> r.audit().count());
        Patient p = Fixtures.patient("TXN-0001", "Rollback", "Ron", LocalDate.of(1977, 7, 7));
        assertThatThrownBy(() -> store.write(r -> {
            r.patients().insert(p);
            r.audit().append(AuditEvent.about(Instant.now(), "admin", AuditAction.PATIENT_CREATED, p.id(), ""));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        long patientsAfter = store.read(r -> r.patients().count());
        long auditAfter = store.read(r -> r.audit().count());
        assertThat(patientsAfter).isEqualTo(patientsBefore);
        assertThat(auditAfter).isEqualTo(auditBefore);
        Optional<Patient> none = store.read(r -> r.patients().find(p.id()));
        assertThat(none).isEmpty();
        assertThat(store.read(r -> r.audit().verify()).intact()).isTrue();
    }

    @Test
    void readsCannotWriteAndRepositoriesDoNotOutliveTheirCall() {
        Patient p = Fixtures.patient("RO-0001", "Readonly", "Rita", LocalDate.of(1960, 6, 6));
        assertThatThrownBy(() -> store.read(r -> {
            r.patients().insert(p);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        Repositories leaked = store.read(r -> r);
        assertThatThrownBy(() -> leaked.patients().count()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.write(r -> store.write(inner -> null))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentWritesAreSerialisedAndAllCommitted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        int n = i;
                        store.write(r -> {
                            Patient p = Fixtures.patient("CON-%d-%02d".formatted(thread, n), "Concurrent", "T" + thread,
                                    LocalDate.of(1950, 1, 1));
                            r.patients().insert(p);
                            r.audit().append(AuditEvent.about(Instant.now(), "admin", AuditAction.PATIENT_CREATED, p.id(), ""));
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(search("concurrent", 100)).hasSize(40);
        assertThat(store.read(r -> r.audit().verify()).intact()).isTrue();
    }

    @Test
    void clinicalRecordsRoundTripInOrder() {
        Patient p = Fixtures.patient("CLN-0001", "Clinical", "Carla", LocalDate.of(1955, 5, 5));
        Observation later = new Observation(UUID.randomUUID(), p.id(), Measure.BODY_WEIGHT, Quantity.of(154.3, Unit.LB),
                Instant.parse("2025-02-02T10:00:00.123456789Z"), "admin");
        Observation earlier = new Observation(UUID.randomUUID(), p.id(), Measure.SYSTOLIC_BP, Quantity.of(128, Unit.MM_HG),
                Instant.parse("2025-01-01T09:30:00Z"), "admin");
        Medication stopped = new Medication(UUID.randomUUID(), p.id(), "warfarin", Optional.of("11289"), "5 mg", "oral",
                "daily", LocalDate.of(2024, 1, 1), Optional.of(LocalDate.of(2024, 6, 1)));
        Medication current = new Medication(UUID.randomUUID(), p.id(), "apixaban", Optional.empty(), "5 mg", "oral",
                "twice daily", LocalDate.of(2024, 6, 2), Optional.empty());
        Genotype g = new Genotype(UUID.randomUUID(), p.id(), "CYP2C19", "*1/*2", "Lab A", LocalDate.of(2023, 3, 3));
        Encounter e = new Encounter(UUID.randomUUID(), p.id(), Instant.parse("2025-01-01T09:00:00Z"), "outpatient",
                "review", "admin");
        store.write(r -> {
            r.patients().insert(p);
            r.observations().insert(later);
            r.observations().insert(earlier);
            r.medications().insert(current);
            r.medications().insert(stopped);
            r.genotypes().insert(g);
            r.encounters().insert(e);
            return null;
        });
        List<Observation> observations = store.read(r -> r.observations().forPatient(p.id()));
        assertThat(observations).containsExactly(earlier, later);
        List<Medication> meds = store.read(r -> r.medications().forPatient(p.id()));
        assertThat(meds).containsExactly(stopped, current);
        List<Genotype> genotypes = store.read(r -> r.genotypes().forPatient(p.id()));
        assertThat(genotypes).containsExactly(g);
        List<Encounter> encounters = store.read(r -> r.encounters().forPatient(p.id()));
        assertThat(encounters).containsExactly(e);
    }
}
