package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.domain.Unit;
import org.outpost.app.port.DamagedRecordException;
import org.outpost.app.port.Store;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.usecase.AllergyDraft;
import org.outpost.app.usecase.ConsentChange;
import org.outpost.app.usecase.ConsentDraft;
import org.outpost.app.usecase.ConsentService;
import org.outpost.app.usecase.PatientDraft;
import org.outpost.app.usecase.PatientRegistry;
import org.outpost.app.usecase.Session;
import org.outpost.app.validation.ValidationException;

/**
 * Issue 12: the consent to sharing is part of the patient record (sealed with it), recorded with who and when
 * through {@link ConsentService}, audited, and a withdrawal drops what waits to be sent in the same transaction.
 */
class ConsentTest {
    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock();
    private H2Vault vault;
    private Store store;
    private Session session;
    private ConsentService consents;
    private Patient patient;

    @BeforeEach
    void setUp() {
        vault = TestVaults.fast(tmp.resolve("data"), clock);
        var unlocked = vault.create(Fixtures.ADMIN, "Admin", Fixtures.pw());
        store = unlocked.store();
        session = new Session(unlocked.user());
        consents = new ConsentService(store, clock, session);
        patient = Fixtures.patient("CO-0001", "Consent", "Carla", LocalDate.of(1958, 8, 8))
                .withConsent(SharingConsent.notRecorded());
        store.write(r -> {
            r.patients().insert(patient);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SharingConsent stored() {
        return store.read(r -> r.patients().find(patient.id())).orElseThrow().consent();
    }

    private List<OutboxEntry> pending() {
        return store.read(r -> r.outbox().pending(100));
    }

    private AuditEntry lastAudit() {
        return store.read(r -> r.audit().newest(1)).getFirst();
    }

    private void recordReading() {
        store.write(r -> {
            r.observations().insert(new Observation(UUID.randomUUID(), patient.id(), Measure.SYSTOLIC_BP,
                    Quantity.of(130, Unit.MM_HG), clock.instant(), "nurse"));
            return null;
        });
    }

    @Test
    void notRecordedIsTheStartAndNothingIsQueued() {
        assertThat(consents.current(patient.id())).isEqualTo(SharingConsent.notRecorded());
        recordReading();
        assertThat(pending()).isEmpty();
    }

    @Test
    void givingConsentRecordsWhoAndWhenAuditsAndQueuesTheFirstSummary() {
        clock.advance(Duration.ofHours(1));
        ConsentChange change = consents.record(patient.id(), ConsentDraft.given(false));

        SharingConsent expected = SharingConsent.given(false, new Recorded(Fixtures.ADMIN, clock.instant()));
        assertThat(change).isEqualTo(new ConsentChange(expected, 0));
        assertThat(stored()).isEqualTo(expected);
        assertThat(stored().sharesGenotypes()).isFalse();
        assertThat(pending()).singleElement().extracting(OutboxEntry::patient).isEqualTo(patient.id());
        AuditEntry audit = lastAudit();
        assertThat(audit.event().action()).isEqualTo(AuditAction.CONSENT_RECORDED);
        assertThat(audit.event().patient()).contains(patient.id());
        assertThat(audit.event().detail()).isEqualTo("consent=GIVEN;genotypes=no");
    }

    @Test
    void genotypesAreAskedSeparatelyAndRoundTrip() {
        consents.record(patient.id(), ConsentDraft.given(true));
        assertThat(stored().sharesGenotypes()).isTrue();
        assertThat(lastAudit().event().detail()).isEqualTo("consent=GIVEN;genotypes=yes");
        consents.record(patient.id(), ConsentDraft.given(false));
        assertThat(stored().sharesGenotypes()).isFalse();
        assertThatThrownBy(() -> new ConsentDraft(Consent.REFUSED, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withdrawalDropsThePendingSummaryInTheSameTransactionAndSaysHowMany() {
        consents.record(patient.id(), ConsentDraft.given(true));
        recordReading();
        assertThat(pending()).hasSize(1);
        clock.advance(Duration.ofDays(30));

        ConsentChange change = consents.withdraw(patient.id());

        assertThat(change.droppedPending()).isEqualTo(1);
        assertThat(change.consent().summaries()).isEqualTo(Consent.WITHDRAWN);
        assertThat(change.consent().withdrawnAt()).contains(clock.instant());
        assertThat(change.consent().withdrawn()).contains(new Recorded(Fixtures.ADMIN, clock.instant()));
        assertThat(change.consent().recorded()).isPresent(); // who had recorded the consent is kept
        assertThat(change.consent().sharesGenotypes()).isFalse();
        assertThat(stored()).isEqualTo(change.consent());
        assertThat(pending()).isEmpty();
        AuditEntry audit = lastAudit();
        assertThat(audit.event().action()).isEqualTo(AuditAction.CONSENT_WITHDRAWN);
        assertThat(audit.event().detail()).isEqualTo("droppedPending=1");

        // and from now on, nothing of the patient is queued
        recordReading();
        assertThat(pending()).isEmpty();
        List<org.outpost.app.sharing.QuasiIdentifiers> consenting = store.read(r -> r.patients().consentedQuasiIdentifiers());
        assertThat(consenting).isEmpty();
    }

    @Test
    void withdrawingWithNothingPendingDropsNone() {
        consents.record(patient.id(), ConsentDraft.given(false));
        OutboxEntry first = pending().getFirst();
        store.write(r -> r.outbox().confirmed(first, org.outpost.app.sharing.SentSummary.of(first, "{}",
                clock.instant())));
        assertThat(consents.withdraw(patient.id()).droppedPending()).isZero();
    }

    @Test
    void onlyAGivenConsentCanBeWithdrawnAndAGivenOneIsNotRefused() {
        assertThatThrownBy(() -> consents.withdraw(patient.id())).isInstanceOf(IllegalStateException.class);
        consents.record(patient.id(), ConsentDraft.given(false));
        assertThatThrownBy(() -> consents.record(patient.id(), ConsentDraft.refused()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("withdraw");
        consents.withdraw(patient.id());
        // asked again later: the patient may say no, or yes
        assertThat(consents.record(patient.id(), ConsentDraft.refused()).consent().summaries())
                .isEqualTo(Consent.REFUSED);
        assertThat(consents.record(patient.id(), ConsentDraft.given(false)).consent().withdrawn()).isEmpty();
        assertThat(pending()).hasSize(1);
    }

    @Test
    void aFailedWithdrawalChangesNothing() {
        assertThatThrownBy(() -> consents.withdraw(new org.outpost.app.domain.PatientId(UUID.randomUUID())))
                .isInstanceOf(IllegalArgumentException.class);
        long audits = store.read(r -> r.audit().count());
        consents.record(patient.id(), ConsentDraft.given(false));
        long after = store.read(r -> r.audit().count());
        assertThat(after).isEqualTo(audits + 1);
    }

    @Test
    void everyConsentChangeIsSealedAndAnEditInTheFileIsFound() throws Exception {
        consents.record(patient.id(), ConsentDraft.given(true));
        consents.withdraw(patient.id());
        assertThat(store.verifyIntegrity().intact()).isTrue();
        store.close();
        // turning genotype sharing back on in the file is found by the row's MAC
        try (Connection c = Fixtures.rawConnection(tmp.resolve("data"), Fixtures.ADMIN, Fixtures.pw());
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE patients SET consent = 'GIVEN', consent_withdrawn_by = NULL, consent_withdrawn_at = NULL "
                             + "WHERE id = ?")) {
            ps.setObject(1, patient.id().value());
            assertThat(ps.executeUpdate()).isOne();
        }
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        assertThatThrownBy(this::stored).isInstanceOf(DamagedRecordException.class);
        // the k-anonymity gate's query checks the rows it reads too
        assertThatThrownBy(() -> store.read(r -> r.patients().consentedQuasiIdentifiers()))
                .isInstanceOf(DamagedRecordException.class);
    }

    @Test
    void aRowFromBeforeV11ReadsAsALegacyAnswerAndKeepsItsMac() throws Exception {
        consents.record(patient.id(), ConsentDraft.given(false));
        store.close();
        // what V11 found: the old consent column set, the new columns NULL, sealed without them
        try (Connection c = Fixtures.rawConnection(tmp.resolve("data"), Fixtures.ADMIN, Fixtures.pw())) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE patients SET consent_genotypes = NULL, "
                    + "consent_recorded_by = NULL, consent_recorded_at = NULL, row_mac = NULL WHERE id = ?")) {
                ps.setObject(1, patient.id().value());
                assertThat(ps.executeUpdate()).isOne();
            }
            c.createStatement().executeUpdate("UPDATE row_seal_state SET sealed = FALSE"); // reseal at unlock
        }
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
        assertThat(stored()).isEqualTo(SharingConsent.legacy(Consent.GIVEN));
        assertThat(stored().sharesSummaries()).isTrue();
        assertThat(store.verifyIntegrity().intact()).isTrue();
    }

    @Test
    void theRegistrationFormRecordsTheFirstAnswerAndEditingLeavesTheConsentToTheChart() {
        PatientRegistry registry = new PatientRegistry(store, clock, session);
        Patient registered = registry.register(new PatientDraft("", "Newcomer", "Nia", Sex.FEMALE,
                LocalDate.of(1990, 3, 3), "", "", Consent.GIVEN, AllergyDraft.notRecorded()), true);

        assertThat(registered.consent()).isEqualTo(SharingConsent.given(false,
                new Recorded(Fixtures.ADMIN, clock.instant())));
        Optional<OutboxEntry> queued = store.read(r -> r.outbox().find(registered.id()));
        assertThat(queued).isPresent();
        assertThat(lastAudit().event().action()).isEqualTo(AuditAction.CONSENT_RECORDED);

        consents.record(registered.id(), ConsentDraft.given(true));
        // an edit that says nothing new about consent keeps the chart's (genotypes included)
        PatientDraft edit = new PatientDraft("", "Newcomer", "Nia", Sex.FEMALE, LocalDate.of(1990, 3, 4), "", "",
                Consent.GIVEN, AllergyDraft.notRecorded());
        assertThat(registry.update(registered.id(), edit).consent().sharesGenotypes()).isTrue();
        // a different answer from the form is refused: it is changed in the chart
        PatientDraft refuse = new PatientDraft("", "Newcomer", "Nia", Sex.FEMALE, LocalDate.of(1990, 3, 4), "", "",
                Consent.REFUSED, AllergyDraft.notRecorded());
        assertThatThrownBy(() -> registry.update(registered.id(), refuse)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.key()).isEqualTo("patient.consentInChart")));
        assertThat(store.read(r -> r.patients().find(registered.id())).orElseThrow().consent().summaries())
                .isEqualTo(Consent.GIVEN);
        assertThatThrownBy(() -> registry.register(new PatientDraft("", "Other", "Ola", Sex.MALE,
                LocalDate.of(1990, 3, 3), "", "", Consent.WITHDRAWN, AllergyDraft.notRecorded()), true))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theConsentIsEncryptedOnDisk() throws Exception {
        consents.record(patient.id(), ConsentDraft.given(false));
        store.close();
        assertThat(Fixtures.filesContaining(tmp.resolve("data"), "GIVEN".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEmpty();
        store = vault.unlock(Fixtures.ADMIN, Fixtures.pw()).store();
    }
}
