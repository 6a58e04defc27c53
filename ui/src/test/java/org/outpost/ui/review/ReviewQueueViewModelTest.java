package org.outpost.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.prescribing.OrderDraft;
import org.outpost.app.prescribing.OrderStatus;
import org.outpost.app.usecase.Prescribing;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** The pharmacist's queue on a real encrypted store, without a stage. */
class ReviewQueueViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    StoreFixture store;
    Patient patient;
    Prescribing prescribing;
    ReviewQueueViewModel model;

    @BeforeEach
    void setUp() {
        store = StoreFixture.create(dir, CLOCK);
        patient = store.register("Osei", "Abena", Sex.FEMALE, LocalDate.of(1956, 6, 1), "");
        // eGFR 34.5 by CKD-EPI 2021: JANUVIA PI 2.2 suggests 50 mg once daily
        store.record(patient, Instant.parse("2026-11-18T09:00:00Z"), Map.of(
                Measure.CREATININE, Quantity.of(1.6, Unit.MG_PER_DL)));
        prescribing = new Prescribing(store.store(), CLOCK, ZoneOffset.UTC, store.session(),
                BundledModels.prescribingCheck(ZoneOffset.UTC));
        model = new ReviewQueueViewModel(prescribing, new SameThreadTaskRunner(e -> null), new UiText(Locale.ENGLISH), CLOCK);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void orderSitagliptin100() {
        OrderDraft draft = new OrderDraft("sitagliptin", 100, "mg", "once daily", "oral");
        OrderAlert alert = prescribing.check(patient.id(), draft).getFirst();
        prescribing.place(patient.id(), draft, Map.of(alert.fingerprint(), "Prescriber's reason"));
    }

    private Medication medication() {
        return store.store().read(r -> r.medications().forPatient(patient.id())).getFirst();
    }

    @Test
    void acceptingTheSuggestionChangesTheMedicationAndEmptiesTheQueue() {
        orderSitagliptin100();
        model.refresh();
        assertThat(model.items()).hasSize(1);
        assertThat(model.selectedProperty().get()).as("the oldest is selected").isNotNull();
        assertThat(model.detailsProperty().get()).contains("Osei, Abena").contains("sitagliptin 100 mg once daily");
        assertThat(model.canAcceptProperty().get()).isTrue();
        assertThat(model.acceptLabelProperty().get()).isEqualTo("_Accept the suggested dose: 50 mg once daily");
        assertThat(model.versions()).anyMatch(v -> v.startsWith("renal-dose-rules "));

        model.accept();
        assertThat(model.items()).isEmpty();
        assertThat(medication().dose()).isEqualTo("50 mg");
        assertThat(store.store().read(r -> r.orders().forPatient(patient.id())).getFirst().status())
                .isEqualTo(OrderStatus.SUGGESTION_ACCEPTED);
        var audit = store.store().read(r -> r.audit().newest(1)).getFirst().event();
        assertThat(audit.action()).isEqualTo(AuditAction.ORDER_REVIEWED);
        assertThat(audit.detail()).contains("action=ACCEPT_SUGGESTION").contains("models=renal-dose-rules@");
    }

    @Test
    void overridingNeedsAReasonAndChangingNeedsAValidDose() {
        orderSitagliptin100();
        model.refresh();
        model.override();
        assertThat(model.statusProperty().get()).isEqualTo("Give the reason to keep the order against the suggestion.");
        assertThat(model.items()).hasSize(1);

        model.amountProperty().set("-5");
        model.changeDose();
        assertThat(model.statusProperty().get()).isEqualTo("Enter a dose greater than zero");
        assertThat(model.items()).hasSize(1);

        model.amountProperty().set("50"); // the label's dose at eGFR 34.5: the check of the new dose agrees
        model.changeDose();
        assertThat(model.recheck()).isEmpty();
        assertThat(model.items()).isEmpty();
        assertThat(medication().dose()).isEqualTo("50 mg");
        assertThat(model.statusProperty().get()).isEqualTo("Changed the dose of sitagliptin.");
    }

    /** Issue 11, item 1: a dose the pharmacist types goes through the whole check again. */
    @Test
    void aChangedDoseIsCheckedAgainAndItsAlertsNeedThePharmacistsReasonBeforeAnythingIsSaved() {
        orderSitagliptin100();
        model.refresh();
        model.amountProperty().set("100"); // what the renal table advises against at eGFR 34.5
        model.changeDose();

        assertThat(model.recheck()).singleElement().satisfies(a -> {
            assertThat(a.alert().modelId()).isEqualTo("renal-dose-rules");
            assertThat(a.alert().needsAnswer()).as("the prescriber's reason does not answer for the pharmacist").isTrue();
        });
        assertThat(model.statusProperty().get()).startsWith("The new dose raised alerts that need your reason");
        assertThat(model.items()).as("nothing saved").hasSize(1);
        model.changeDose();
        assertThat(model.items()).as("still nothing saved without the reason").hasSize(1);

        model.recheck().getFirst().reasonProperty().set("Nephrology: keep 100 mg, eGFR recovering");
        model.changeDose();
        assertThat(model.items()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Changed the dose of sitagliptin.");
        var review = prescribing.reviews(store.store().read(r -> r.orders().forPatient(patient.id())).getFirst().id())
                .getFirst();
        assertThat(review.alerts()).singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo("Nephrology: keep 100 mg, eGFR recovering"));
    }

    /** Issue 11, item 1: where the advice is to avoid the drug, stop / switch or keep with a reason, no dose change. */
    @Test
    void adviceToAvoidOffersStopOrSwitchAndNoDoseChange() {
        // eGFR 34.5: the metformin label advises against starting at eGFR 30 to 45
        OrderDraft draft = new OrderDraft("metformin", 500, "mg", "twice daily", "oral");
        OrderAlert alert = prescribing.check(patient.id(), draft).getFirst();
        prescribing.place(patient.id(), draft, Map.of(alert.fingerprint(), "Prescriber's reason"));
        model.refresh();

        assertThat(model.canChangeDoseProperty().get()).isFalse();
        assertThat(model.acceptLabelProperty().get()).startsWith("_Stop / switch");
        model.amountProperty().set("250");
        model.changeDose();
        assertThat(model.statusProperty().get()).startsWith("The advice is to avoid this drug");
        assertThat(model.items()).hasSize(1);

        model.accept();
        assertThat(model.items()).isEmpty();
        assertThat(medication().stop()).contains(LocalDate.of(2026, 11, 25));
        assertThat(store.store().read(r -> r.orders().forPatient(patient.id())).getFirst().status())
                .isEqualTo(OrderStatus.STOPPED);
    }

    /** Issue 11, item 1: a pharmacist changed clopidogrel to 7500 mg and it was accepted without any check. */
    @Test
    void anImpossibleDoseTypedAtReviewIsRefusedAndNothingIsSaved() {
        orderSitagliptin100();
        model.refresh();
        model.amountProperty().set("5000"); // sitagliptin: 100 mg once daily is the labelled maximum
        model.changeDose();
        assertThat(model.statusProperty().get()).contains("sitagliptin 5000 mg", "refused");
        assertThat(model.items()).hasSize(1);
        assertThat(medication().dose()).isEqualTo("100 mg");
    }

    /** Issue 11 item 14: what the pharmacist needs about the patient, beside the order, and a way to the chart. */
    @Test
    void theSelectedOrderShowsThePatientsKidneyFunctionMedicinesAllergiesAndGenotypes() {
        store.store().write(r -> {
            r.genotypes().insert(new org.outpost.app.domain.Genotype(java.util.UUID.randomUUID(), patient.id(),
                    "CYP2C19", "*2/*2", "Lab A", LocalDate.of(2025, 4, 2)));
            return null;
        });
        orderSitagliptin100();
        java.util.List<org.outpost.app.domain.PatientId> opened = new java.util.ArrayList<>();
        model.onOpenChart(opened::add);
        model.refresh();

        var lines = new java.util.LinkedHashMap<String, String>();
        model.patientLines().forEach(l -> lines.put(l.label(), l.value()));
        assertThat(lines.get("Allergies")).startsWith("No known allergies (recorded by ");
        assertThat(lines.get("Active medicines")).startsWith("sitagliptin 100 mg once daily (since 2026-11-25)");
        assertThat(lines.get("Latest creatinine")).isEqualTo("1.6 mg/dL on 2026-11-18 09:00");
        assertThat(lines.get("Latest weight")).isEqualTo("Not recorded");
        // CKD-EPI 2021 (Inker LA et al. N Engl J Med 2021;385:1737-1749): woman, 70 y, creatinine 1.6 ->
        // 142 x (1.6/0.7)^-1.2 x 0.9938^70 x 1.012 = 34.46, reported whole: 34
        assertThat(lines).anySatisfy((label, value) -> {
            assertThat(label).containsIgnoringCase("CKD-EPI");
            assertThat(value).isEqualTo("34 mL/min/1.73 m\u00b2");
        });
        // Cockcroft-Gault needs a weight: it says why there is no value instead of a blank
        assertThat(lines).anySatisfy((label, value) -> {
            assertThat(label).containsIgnoringCase("Cockcroft");
            assertThat(value).startsWith("Not computed: ").containsIgnoringCase("weight");
        });
        assertThat(lines.get("Genotypes")).isEqualTo("CYP2C19 *2/*2: CYP2C19 poor metabolizer (reported 2025-04-02)");

        model.openChart();
        assertThat(opened).containsExactly(patient.id());
    }
}
