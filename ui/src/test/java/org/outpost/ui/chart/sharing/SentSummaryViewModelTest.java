package org.outpost.ui.chart.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.sharing.SentSummary;
import org.outpost.app.usecase.ConsentDraft;
import org.outpost.app.usecase.ConsentService;
import org.outpost.app.usecase.SharingHistory;
import org.outpost.ui.concurrent.ErrorNotice;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** Issue 12: per patient, what was sent — the exact bundle the server confirmed and when — and what waits. */
class SentSummaryViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    /** As the outbox keeps it: the compact JSON that went over the wire (a decimal written as the server got it). */
    private static final String BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
            + "{\"resourceType\":\"Observation\",\"id\":\"ab12cd\",\"valueQuantity\":{\"value\":1.50}}}]}";
    /** As the screen shows it: the same tokens, indented. */
    private static final String SHOWN = """
            {
              "resourceType": "Bundle",
              "type": "transaction",
              "entry": [ {
                "resource": {
                  "resourceType": "Observation",
                  "id": "ab12cd",
                  "valueQuantity": {
                    "value": 1.50
                  }
                }
              } ]
            }""";

    @TempDir
    Path dir;
    StoreFixture store;
    Patient patient;
    final List<Throwable> reported = new ArrayList<>();
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner(e -> {
        reported.add(e);
        return new ErrorNotice("E-7", "test");
    });

    @BeforeEach
    void open() {
        store = StoreFixture.create(dir, CLOCK);
        patient = store.register("Okafor", "Ngozi", Sex.FEMALE, LocalDate.of(1962, 9, 12), "");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SentSummaryViewModel model() {
        return new SentSummaryViewModel(new SharingHistory(store.store(), CLOCK, store.session()), patient.id(), tasks,
                new UiText(Locale.ENGLISH), ZoneOffset.UTC);
    }

    private void consent() {
        new ConsentService(store.store(), CLOCK, store.session()).record(patient.id(), ConsentDraft.given(false));
    }

    /** What the sync run writes when the server confirms the patient's waiting summary. */
    private void serverConfirms(Instant at) {
        store.store().write(r -> {
            OutboxEntry e = r.outbox().find(patient.id()).orElseThrow();
            return r.outbox().confirmed(e, SentSummary.of(e, BUNDLE, at));
        });
    }

    @Test
    void withoutConsentNothingHasBeenSentAndNothingWill() {
        SentSummaryViewModel model = model();
        assertThat(model.showingProperty().get()).isFalse();
        model.open();
        assertThat(model.showingProperty().get()).isTrue();
        assertThat(model.headingProperty().get()).isEqualTo("Nothing has been sent for this patient");
        assertThat(model.waitingProperty().get()).isEqualTo(
                "Nothing more is sent for this patient: the consent to sharing is not given (any more)");
        assertThat(model.bundleProperty().get()).isEmpty();
        assertThat(reported).isEmpty();
    }

    @Test
    void aConsentedPatientsSummaryWaitsUntilTheServerConfirmsIt() {
        consent();
        SentSummaryViewModel model = model();
        model.open();
        assertThat(model.headingProperty().get()).isEqualTo("Nothing has been sent for this patient");
        assertThat(model.waitingProperty().get()).isEqualTo("Waiting to be sent");
    }

    @Test
    void showsTheExactBundleAndWhenTheServerConfirmedIt() {
        consent();
        serverConfirms(Instant.parse("2026-03-01T09:41:07Z"));
        SentSummaryViewModel model = model();
        model.open();
        assertThat(model.headingProperty().get()).isEqualTo("Sent 2026-03-01 at 09:41:07, confirmed by the server."
                + " The de-identified summary exactly as it left this machine:");
        assertThat(model.bundleProperty().get()).isEqualTo(SHOWN);
        assertThat(model.waitingProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();

        store.record(patient, CLOCK.instant(), Map.of(Measure.BODY_WEIGHT, Quantity.of(72, Unit.KG)));
        model.open(); // again: it may have changed
        assertThat(model.waitingProperty().get()).isEqualTo("A newer summary is waiting to be sent");
        assertThat(model.bundleProperty().get()).isEqualTo(SHOWN);

        model.close();
        assertThat(model.showingProperty().get()).isFalse();
        assertThat(model.bundleProperty().get()).as("not kept once closed").isEmpty();
    }

    @Test
    void aSummaryHeldBackSaysWhy() {
        consent();
        store.store().write(r -> {
            r.outbox().heldBack(r.outbox().find(patient.id()).orElseThrow(),
                    "Held back by the k-anonymity check: fewer than 5 consenting patients share its group");
            return null;
        });
        SentSummaryViewModel model = model();
        model.open();
        assertThat(model.waitingProperty().get()).isEqualTo("Waiting to be sent, held back: Held back by the"
                + " k-anonymity check: fewer than 5 consenting patients share its group");
    }

    @Test
    void afterAWithdrawalTheLastBundleStaysVisibleAndNothingMoreIsSent() {
        consent();
        serverConfirms(CLOCK.instant());
        store.record(patient, CLOCK.instant(), Map.of(Measure.BODY_WEIGHT, Quantity.of(72, Unit.KG)));
        new ConsentService(store.store(), CLOCK, store.session()).withdraw(patient.id());
        SentSummaryViewModel model = model();
        model.open();
        assertThat(model.bundleProperty().get()).isEqualTo(SHOWN);
        assertThat(model.waitingProperty().get()).isEqualTo(
                "Nothing more is sent for this patient: the consent to sharing is not given (any more)");
    }

    @Test
    void readingWhatWasSentIsAuditedWithoutItsContent() {
        consent();
        serverConfirms(CLOCK.instant());
        model().open();
        AuditEvent last = store.store().read(r -> r.audit().newest(1)).getFirst().event();
        assertThat(last.action()).isEqualTo(AuditAction.SENT_SUMMARY_VIEWED);
        assertThat(last.patient()).contains(patient.id());
        assertThat(last.username()).isEqualTo(StoreFixture.ADMIN);
        assertThat(last.detail()).isEqualTo("sent=yes;waiting=no").doesNotContain("ab12cd");
    }

    @Test
    void aFailedReadSaysSoWithAnErrorId() {
        SentSummaryViewModel model = new SentSummaryViewModel(new SharingHistory(store.store(), CLOCK,
                store.session()), new org.outpost.app.domain.PatientId(java.util.UUID.randomUUID()), tasks,
                new UiText(Locale.ENGLISH), ZoneOffset.UTC);
        model.open();
        assertThat(model.errorProperty().get()).isEqualTo("What was sent could not be read (error id E-7).");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(reported).hasSize(1);
    }
}
