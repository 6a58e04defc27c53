package org.outpost.app.prescribing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.app.prescribing.PrescribingCheckTest.CHECK;
import static org.outpost.app.prescribing.PrescribingCheckTest.TODAY;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.Chart;
import org.outpost.app.model.Severity;
import org.outpost.app.prescribing.PrescribingCheckTest.ChartBuilder;

/** Issue 11, item 7: the medicines a patient already takes, reviewed as the chart opens. */
class MedicationReviewTest {
    private static List<MedicineReview> review(Chart chart) {
        return CHECK.review(chart, TODAY, Map.of());
    }

    /** CPIC clopidogrel 2022 (Lee CR et al., Clin Pharmacol Ther 2022;112:959-967): poor metaboliser — avoid. */
    @Test
    void aPatientAlreadyOnClopidogrelWithAPoorMetaboliserResultIsFlagged() {
        Chart chart = new ChartBuilder().taking("Clopidogrel 75 mg tablet", "75 mg", "once daily")
                .genotype("CYP2C19", "*2/*2").build();
        assertThat(review(chart)).singleElement().satisfies(r -> {
            assertThat(r.drug()).isEqualTo("clopidogrel");
            assertThat(r.doseRead()).isTrue();
            assertThat(r.needsAttention()).isTrue();
            assertThat(r.alerts().getFirst().severity()).isEqualTo(Severity.HIGH);
            assertThat(r.alerts().getFirst().headline()).containsIgnoringCase("poor metabolizer");
        });
    }

    @Test
    void twoP2y12InhibitorsOnTheListAreEachFlaggedAndUnknownMedicinesAreLeftOut() {
        Chart chart = new ChartBuilder().taking("Plavix 75 mg", "75 mg", "once daily")
                .taking("Effient", "10 mg", "once daily").taking("Vitamin D drops", "400 units", "once daily").build();
        List<MedicineReview> reviews = review(chart);
        assertThat(reviews).extracting(MedicineReview::drug).containsExactly("clopidogrel", "prasugrel");
        assertThat(reviews).allSatisfy(r -> assertThat(r.alerts()).anySatisfy(a ->
                assertThat(a.modelId()).isEqualTo("drug-classes")));
    }

    /** ZOCOR US PI 2.3: with amiodarone, no more than 20 mg simvastatin a day. */
    @Test
    void aDoseOnTheListAboveAnInteractionCapIsFlaggedAndAFreeTextDoseIsSaidToBeUnread() {
        Chart chart = new ChartBuilder().taking("simvastatin", "40 mg", "once daily").taking("amiodarone", "200 mg",
                "once daily").build();
        MedicineReview simvastatin = review(chart).stream().filter(r -> r.drug().equals("simvastatin")).findFirst()
                .orElseThrow();
        assertThat(simvastatin.alerts()).anySatisfy(a -> {
            assertThat(a.modelId()).isEqualTo("drug-interactions");
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
        });

        Chart freeText = new ChartBuilder().taking("simvastatin", "one tablet at night", "").taking("amiodarone").build();
        MedicineReview unread = review(freeText).stream().filter(r -> r.drug().equals("simvastatin")).findFirst()
                .orElseThrow();
        assertThat(unread.doseRead()).isFalse();
        assertThat(unread.alerts()).anySatisfy(a -> assertThat(a.text()).contains("could not be read"));
    }
}
