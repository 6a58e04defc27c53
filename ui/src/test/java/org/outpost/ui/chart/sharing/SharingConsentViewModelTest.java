package org.outpost.ui.chart.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.domain.Unit;
import org.outpost.app.domain.User;
import org.outpost.app.sharing.OutboxEntry;
import org.outpost.app.usecase.ConsentService;
import org.outpost.app.usecase.Session;
import org.outpost.ui.chart.ChartViewModel;
import org.outpost.ui.concurrent.ErrorNotice;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** Issue 12: the chart says what leaves this machine for the patient, and gives, refuses or withdraws the consent. */
class SharingConsentViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    StoreFixture store;
    Patient patient;
    ChartViewModel chart;
    final AtomicInteger reloads = new AtomicInteger();
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner(e -> new ErrorNotice("E-1", "test"));

    @BeforeEach
    void open() {
        store = StoreFixture.create(dir, CLOCK);
        patient = store.register("Okafor", "Ngozi", Sex.FEMALE, LocalDate.of(1962, 9, 12), "");
        chart = new ChartViewModel(store.charts(), patient.id(), tasks, new UiText(Locale.ENGLISH), CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SharingConsentViewModel model(Session session) {
        SharingConsentViewModel model = new SharingConsentViewModel(new ConsentService(store.store(), CLOCK, session),
                patient.id(), session.user().role().may(org.outpost.app.domain.Permission.EDIT_PATIENT), tasks,
                new UiText(Locale.ENGLISH), ZoneOffset.UTC, () -> {
                    reloads.incrementAndGet();
                    chart.reload();
                });
        model.follow(chart.chartProperty());
        chart.open();
        return model;
    }

    private SharingConsentViewModel model() {
        return model(store.session());
    }

    private List<OutboxEntry> pending() {
        return store.store().read(r -> r.outbox().pending(10));
    }

    @Test
    void notRecordedSaysNothingLeaves() {
        SharingConsentViewModel model = model();
        assertThat(model.statusProperty().get()).isEqualTo("Sharing not recorded: nothing leaves this machine");
        assertThat(model.sharingProperty().get()).isFalse();
        assertThat(model.mayEditProperty().get()).isTrue();
    }

    @Test
    void givingWithoutGenotypesSaysWhoAndWhenAndQueuesTheSummary() {
        SharingConsentViewModel model = model();
        model.edit();
        assertThat(model.editingProperty().get()).isTrue();
        assertThat(model.answerProperty().get()).isNull();
        model.save();
        assertThat(model.errorProperty().get()).isEqualTo("Choose whether the patient gave or refused consent");

        model.answerProperty().set(Consent.GIVEN);
        assertThat(model.genotypesAllowedProperty().get()).isTrue();
        assertThat(model.genotypesProperty().get()).isFalse(); // off unless ticked
        model.save();

        assertThat(model.editingProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo(
                "Sharing: de-identified summaries, not genotypes \u2014 recorded by admin on 2026-03-01");
        assertThat(model.messageProperty().get()).isEqualTo("Consent to sharing recorded");
        assertThat(model.sharingProperty().get()).isTrue();
        assertThat(model.givenProperty().get()).isTrue();
        assertThat(reloads).hasValue(1);
        assertThat(chart.chartProperty().get().patient().consent().sharesSummaries()).isTrue();
        assertThat(pending()).hasSize(1);
    }

    @Test
    void genotypesAreTickedSeparately() {
        SharingConsentViewModel model = model();
        model.edit();
        model.answerProperty().set(Consent.GIVEN);
        model.genotypesProperty().set(true);
        model.save();
        assertThat(model.statusProperty().get()).isEqualTo(
                "Sharing: de-identified summaries and genotypes \u2014 recorded by admin on 2026-03-01");
        // refusing clears the tick: genotypes go only with summaries
        model.edit();
        assertThat(model.genotypesProperty().get()).isTrue();
        model.answerProperty().set(Consent.REFUSED);
        assertThat(model.genotypesProperty().get()).isFalse();
        assertThat(model.genotypesAllowedProperty().get()).isFalse();
    }

    @Test
    void withdrawingIsConfirmedFirstAndSaysHowManyWaitingSummariesWillNotBeSent() {
        SharingConsentViewModel model = model();
        model.edit();
        model.answerProperty().set(Consent.GIVEN);
        model.save();
        store.record(patient, Instant.parse("2026-03-01T09:00:00Z"), Map.of(Measure.BODY_WEIGHT,
                Quantity.of(72, Unit.KG)));
        assertThat(pending()).hasSize(1);

        model.edit();
        model.withdraw(); // not confirmed yet: nothing happens
        assertThat(model.givenProperty().get()).isTrue();
        model.askToWithdraw();
        assertThat(model.confirmingWithdrawalProperty().get()).isTrue();
        model.withdraw();

        assertThat(model.messageProperty().get()).isEqualTo("Consent withdrawn: 1 pending summary will not be sent");
        assertThat(model.statusProperty().get()).isEqualTo(
                "Sharing withdrawn on 2026-03-01 by admin: nothing more leaves this machine");
        assertThat(model.sharingProperty().get()).isFalse();
        assertThat(model.editingProperty().get()).isFalse();
        assertThat(model.confirmingWithdrawalProperty().get()).isFalse();
        assertThat(pending()).isEmpty();
    }

    @Test
    void aWithdrawalWithNothingWaitingSaysSo() {
        store.store().write(r -> {
            r.patients().recordConsent(patient.id(), SharingConsent.given(false,
                    new org.outpost.app.domain.Recorded("nurse", CLOCK.instant())));
            r.outbox().drop(patient.id());
            return null;
        });
        SharingConsentViewModel model = model();
        model.edit();
        model.askToWithdraw();
        model.withdraw();
        assertThat(model.messageProperty().get()).isEqualTo("Consent withdrawn: no summary was waiting to be sent");
    }

    @Test
    void aGivenConsentIsNotRefusedButWithdrawn() {
        SharingConsentViewModel model = model();
        model.edit();
        model.answerProperty().set(Consent.GIVEN);
        model.save();
        model.edit();
        model.answerProperty().set(Consent.REFUSED);
        model.save();
        assertThat(model.errorProperty().get()).isEqualTo("The consent is given: withdraw it instead of recording a refusal");
        assertThat(model.givenProperty().get()).isTrue();
        model.cancel();
        assertThat(model.editingProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void refusedSaysNothingLeavesAndWhoRecordedIt() {
        SharingConsentViewModel model = model();
        model.edit();
        model.answerProperty().set(Consent.REFUSED);
        model.save();
        assertThat(model.statusProperty().get()).isEqualTo(
                "Sharing refused: nothing leaves this machine \u2014 recorded by admin on 2026-03-01");
        assertThat(pending()).isEmpty();
    }

    @Test
    void anAnswerFromBeforeDetailsWereKeptSaysSo() {
        SharingConsentViewModel model = model();
        model.show(SharingConsent.legacy(Consent.GIVEN));
        assertThat(model.statusProperty().get()).isEqualTo(
                "Sharing: de-identified summaries, not genotypes \u2014 recorded before who and when were kept");
        model.show(SharingConsent.legacy(Consent.REFUSED));
        assertThat(model.statusProperty().get()).isEqualTo("Sharing refused: nothing leaves this machine");
    }

    @Test
    void aClinicianMayChangeTheConsent() {
        SharingConsentViewModel model = model(new Session(new User("nurse.n", "Nurse", Role.CLINICIAN, true)));
        assertThat(model.mayEditProperty().get()).isTrue();
    }

    @Test
    void aUserWhoMayNotEditTheRecordSeesTheConsentOnly() {
        SharingConsentViewModel readOnly = new SharingConsentViewModel(new ConsentService(store.store(), CLOCK,
                store.session()), patient.id(), false, tasks, new UiText(Locale.ENGLISH), ZoneOffset.UTC, () -> { });
        readOnly.edit();
        readOnly.askToWithdraw();
        assertThat(readOnly.editingProperty().get()).isFalse();
        assertThat(readOnly.confirmingWithdrawalProperty().get()).isFalse();
    }
}
