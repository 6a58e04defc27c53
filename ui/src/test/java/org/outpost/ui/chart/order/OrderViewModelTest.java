package org.outpost.ui.chart.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.model.Severity;
import org.outpost.app.prescribing.MedicationOrder;
import org.outpost.app.prescribing.OrderStatus;
import org.outpost.app.usecase.Prescribing;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** The order form's state on a real encrypted store, without a stage. */
class OrderViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    StoreFixture store;
    Patient patient;
    OrderViewModel model;
    int saved;

    @BeforeEach
    void setUp() {
        store = StoreFixture.create(dir, CLOCK);
        patient = store.register("Osei", "Abena", Sex.FEMALE, LocalDate.of(1956, 6, 1), "");
        // CKD-EPI 2021: woman, 70 y, creatinine 1.6 mg/dL -> eGFR 34.5 (sitagliptin band 30 to <45: 50 mg daily)
        store.record(patient, Instant.parse("2026-11-18T09:00:00Z"), Map.of(
                Measure.CREATININE, Quantity.of(1.6, Unit.MG_PER_DL),
                Measure.BODY_WEIGHT, Quantity.of(70, Unit.KG), Measure.BODY_HEIGHT, Quantity.of(170, Unit.CM)));
        Prescribing prescribing = new Prescribing(store.store(), CLOCK, ZoneOffset.UTC, store.session(),
                BundledModels.prescribingCheck(ZoneOffset.UTC));
        model = new OrderViewModel(prescribing, patient.id(), new SameThreadTaskRunner(e -> null),
                new UiText(Locale.ENGLISH), () -> saved++);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private List<MedicationOrder> orders() {
        return store.store().read(r -> r.orders().forPatient(patient.id()));
    }

    @Test
    void anIncompleteOrderShowsFieldMessagesAndRunsNoCheck() {
        model.drugProperty().set("sitagliptin");
        model.amountProperty().set("a hundred");
        model.check();
        assertThat(model.errorProperty("amount").get()).isEqualTo("Enter a dose greater than zero");
        assertThat(model.checkedProperty().get()).isFalse();
        assertThat(model.alerts()).isEmpty();
    }

    @Test
    void aSuggestedDoseCanBeTakenOverAndThenTheOrderSavesWithoutReview() {
        model.drugProperty().set("sitagliptin");
        model.amountProperty().set("100");
        model.check();
        assertThat(model.alerts()).singleElement().satisfies(a -> {
            assertThat(a.alert().severity()).isEqualTo(Severity.MODERATE);
            assertThat(a.alert().needsAnswer()).isTrue();
        });
        assertThat(model.canSaveProperty().get()).as("a reason or the suggested dose first").isFalse();

        model.useSuggestion(model.alerts().getFirst());
        assertThat(model.amountProperty().get()).isEqualTo("50");
        assertThat(model.alerts().getFirst().alert().differs()).isFalse();
        assertThat(model.canSaveProperty().get()).isTrue();

        model.save();
        assertThat(saved).isEqualTo(1);
        assertThat(model.statusProperty().get()).isEqualTo("Saved: sitagliptin 50 mg once daily.");
        assertThat(orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.NO_REVIEW_NEEDED));
        assertThat(model.drugProperty().get()).as("the form is cleared").isEmpty();
    }

    @Test
    void changingTheOrderAfterTheCheckBlocksSavingUntilCheckedAgain() {
        model.drugProperty().set("sitagliptin");
        model.amountProperty().set("100");
        model.check();
        model.alerts().getFirst().reasonProperty().set("Specialist advice: eGFR trending up");
        assertThat(model.canSaveProperty().get()).isTrue();

        model.amountProperty().set("75");
        assertThat(model.checkedProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();
        model.save();
        assertThat(orders()).isEmpty();

        model.check();
        assertThat(model.alerts().getFirst().reasonProperty().get()).as("the reason is kept for the same alert")
                .isEqualTo("Specialist advice: eGFR trending up");
        model.save();
        assertThat(orders()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.AWAITING_REVIEW);
            assertThat(o.alerts().getFirst().reason()).isEqualTo("Specialist advice: eGFR trending up");
        });
        assertThat(model.statusProperty().get()).contains("a pharmacist will review it");
        assertThat(store.store().read(r -> r.audit().newest(1)).getFirst().event().action())
                .isEqualTo(AuditAction.ORDER_PLACED);
    }

    @Test
    void aDrugNoCheckKnowsSaysNothingWasCheckedRatherThanAllClear() {
        model.drugProperty().set("paracetamol");
        model.amountProperty().set("1000");
        model.frequencyProperty().set("four times daily");
        model.check();
        assertThat(model.alerts()).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("No dosing or pharmacogenomic check knows this drug");
        assertThat(model.canSaveProperty().get()).isTrue();
    }

    /**
     * CPIC clopidogrel 2022 (Lee CR et al., Clin Pharmacol Ther 2022;112:959-967): an intermediate metabolizer
     * is told to avoid 75 mg for ACS/PCI (Table 2, strong) but only to consider an alternative P2Y12 inhibitor
     * for stroke/TIA (Table 3, moderate). The form asks for the indication only for clopidogrel.
     */
    @Test
    void clopidogrelAsksForTheIndicationAndTheAdviceFollowsIt() {
        store.store().write(r -> {
            r.genotypes().insert(new org.outpost.app.domain.Genotype(java.util.UUID.randomUUID(), patient.id(),
                    "CYP2C19", "*1/*2", "Lab A", LocalDate.of(2026, 1, 10)));
            return null;
        });
        model.drugProperty().set("sitagliptin");
        assertThat(model.indications()).isEmpty();
        model.drugProperty().set("clopidogrel");
        assertThat(model.indications()).extracting(org.outpost.app.pgx.Indication::label)
                .containsExactly("ACS and/or PCI", "Other cardiovascular (non-ACS, non-PCI)", "Stroke or TIA (neurovascular)");
        model.amountProperty().set("75");
        model.check();
        assertThat(model.alerts()).anySatisfy(a -> {
            assertThat(a.alert().severity()).isEqualTo(Severity.HIGH);
            assertThat(a.alert().text()).startsWith("Indication not stated");
        });

        model.indicationProperty().set(model.indications().get(2));
        assertThat(model.checkedProperty().get()).isFalse(); // a new indication makes the shown advice stale
        model.check();
        assertThat(model.alerts()).anySatisfy(a -> {
            assertThat(a.alert().modelId()).isEqualTo("pgx-cpic");
            assertThat(a.alert().severity()).isEqualTo(Severity.MODERATE);
            assertThat(a.alert().text()).startsWith("For Stroke or TIA (neurovascular): Consider an alternative P2Y12");
        });
        model.alerts().forEach(a -> a.reasonProperty().set("Ticagrelor not tolerated (dyspnoea)"));
        model.save();
        assertThat(orders()).singleElement().satisfies(o -> assertThat(o.draft().indication()).isEqualTo("neurovascular"));

        model.drugProperty().set("simvastatin");
        assertThat(model.indications()).isEmpty();
        assertThat(model.indicationProperty().get()).isNull();
    }
}
