package org.outpost.ui.chart.medreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;
import org.outpost.app.model.Severity;
import org.outpost.app.prescribing.MedicineReview;
import org.outpost.app.usecase.Prescribing;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** The medication review tab's state on a real encrypted store, without a stage. */
class MedicationReviewViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    StoreFixture store;
    Patient patient;
    MedicationReviewViewModel model;
    SimpleObjectProperty<Chart> chart = new SimpleObjectProperty<>();

    @BeforeEach
    void setUp() {
        store = StoreFixture.create(dir, CLOCK);
        patient = store.register("Mensah", "Kofi", Sex.MALE, LocalDate.of(1958, 3, 1), "");
        Prescribing prescribing = new Prescribing(store.store(), CLOCK, ZoneOffset.UTC, store.session(),
                BundledModels.prescribingCheck(ZoneOffset.UTC));
        model = new MedicationReviewViewModel(prescribing, patient.id(), new SameThreadTaskRunner(e -> null),
                new UiText(Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void onList(String name, String dose) {
        store.store().write(r -> {
            r.medications().insert(new Medication(UUID.randomUUID(), patient.id(), name, Optional.empty(), dose, "oral",
                    "once daily", LocalDate.of(2025, 11, 1), Optional.empty()));
            return null;
        });
    }

    private void reload() {
        chart.set(store.charts().reload(patient.id()));
    }

    @Test
    void aGenotypeRecordedAfterAYearOnClopidogrelIsFlaggedWhenTheChartReloads() {
        onList("clopidogrel", "75 mg");
        model.follow(chart);
        reload();
        assertThat(model.reviews()).singleElement().satisfies(r -> assertThat(r.needsAttention()).isFalse());
        assertThat(model.statusProperty().get()).startsWith("1 medicine reviewed").contains("nothing above information");

        // CPIC clopidogrel 2022 (Lee CR et al., Clin Pharmacol Ther 2022;112:959-967): CYP2C19 *2/*2 is a poor
        // metabolizer; avoid clopidogrel if possible in cardiovascular indications
        store.store().write(r -> {
            r.genotypes().insert(new Genotype(UUID.randomUUID(), patient.id(), "CYP2C19", "*2/*2", "Lab A",
                    LocalDate.of(2026, 11, 20)));
            return null;
        });
        reload();
        assertThat(model.needingAttentionProperty().get()).isEqualTo(1);
        assertThat(model.statusProperty().get()).isEqualTo("1 of 1 medicine needs attention: see the alerts below.");
        MedicineReview review = model.reviews().getFirst();
        assertThat(review.alerts()).anySatisfy(a -> {
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.headline()).containsIgnoringCase("poor metabolizer");
        });
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aDoseTheListCannotBeReadIsSaidAndAnEmptyListSaysNothingIsKnown() {
        model.follow(chart);
        reload();
        assertThat(model.reviews()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("No medicine on the active list is one the checks know.");

        onList("clopidogrel", "one tablet");
        reload();
        assertThat(model.reviews()).singleElement().satisfies(r -> assertThat(r.doseRead()).isFalse());
    }
}
