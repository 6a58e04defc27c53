package org.outpost.app.prescribing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outpost.app.prescribing.PrescribingCheckTest.check;
import static org.outpost.app.prescribing.PrescribingCheckTest.order;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.Chart;
import org.outpost.app.model.Severity;
import org.outpost.app.prescribing.PrescribingCheckTest.ChartBuilder;

/**
 * Issue 11, items 2, 4 and 5, through the whole prescribing check: dose limits, duplicate therapy and
 * interactions raise alerts (or refuse the dose) for every order, whatever other models the drug has.
 */
class MedicationSafetyCheckTest {
    private static List<OrderAlert> from(List<OrderAlert> alerts, String modelId) {
        return alerts.stream().filter(a -> a.modelId().equals(modelId)).toList();
    }

    /** PLAVIX US PI, 2: 75 mg once daily; 300–600 mg loading dose. 7500 mg (a slip for 75) is 12.5 × 600 mg. */
    @Test
    void clopidogrel7500MgIsRefusedWithTheReasonAnd75MgRaisesNoDoseAlert() {
        Chart chart = new ChartBuilder().build();
        assertThatThrownBy(() -> check(chart, order("clopidogrel", 7500, "once daily")))
                .isInstanceOfSatisfying(DoseRefusedException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("amount");
                            assertThat(v.args().getFirst().toString()).contains("clopidogrel 7500 mg", "12.5 times",
                                    "600 mg", "refused");
                        }));
        assertThat(from(check(chart, order("clopidogrel", 75, "once daily")), "dose-limits")).isEmpty();
    }

    /** ZOCOR US PI, 2: 80 mg only for patients on it for 12 months without myopathy (FDA, 2011): max 40 mg. */
    @Test
    void simvastatin80MgIsAboveTheMaximumAndNeedsAReason() {
        List<OrderAlert> alerts = from(check(new ChartBuilder().build(), order("simvastatin", 80, "once daily")),
                "dose-limits");
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.headline()).isEqualTo("Above the maximum dose");
            assertThat(a.needsAnswer()).isTrue();
        });
        String at80 = alerts.getFirst().fingerprint();
        OrderAlert at60 = from(check(new ChartBuilder().build(), order("simvastatin", 60, "once daily")), "dose-limits")
                .getFirst();
        assertThat(at60.fingerprint()).as("an answer for 60 mg does not answer 80 mg").isNotEqualTo(at80);
    }

    @Test
    void clopidogrelOrderedTwiceOrWithAnotherP2y12InhibitorIsADuplicateThatNeedsAReason() {
        Chart onPlavix = new ChartBuilder().taking("Plavix 75 mg").build();
        assertThat(from(check(onPlavix, order("clopidogrel", 75, "once daily")), "drug-classes"))
                .singleElement().satisfies(a -> {
                    assertThat(a.headline()).isEqualTo("Duplicate: clopidogrel is already prescribed");
                    assertThat(a.needsAnswer()).isTrue();
                });
        assertThat(from(check(onPlavix, order("prasugrel", 10, "once daily")), "drug-classes"))
                .singleElement().satisfies(a -> assertThat(a.text()).contains("P2Y12"));
        assertThat(from(check(new ChartBuilder().taking("Aspirin 81 mg").build(), order("clopidogrel", 75, "once daily")),
                "drug-classes")).as("aspirin and clopidogrel is dual antiplatelet therapy, not a duplicate")
                .allSatisfy(a -> assertThat(a.needsAnswer()).isFalse());
    }

    /** PLAVIX US PI 5.1/7.1: avoid omeprazole or esomeprazole. */
    @Test
    void clopidogrelWithOmeprazoleIsAnInteractionInEitherDirection() {
        assertThat(from(check(new ChartBuilder().taking("Prilosec 20 mg").build(), order("clopidogrel", 75, "once daily")),
                "drug-interactions")).singleElement().satisfies(a -> {
                    assertThat(a.headline()).isEqualTo("Interaction: clopidogrel and omeprazole");
                    assertThat(a.needsAnswer()).isTrue();
                });
        assertThat(from(check(new ChartBuilder().taking("clopidogrel 75 mg").build(), order("omeprazole", 20, "once daily")),
                "drug-interactions")).hasSize(1);
    }

    /** ZOCOR US PI 2.3 / FDA 2011: with amiodarone do not exceed 20 mg simvastatin daily. */
    @Test
    void simvastatinAboveTheAmiodaroneCapIsHighAndWithinItIsInformation() {
        Chart onAmiodarone = new ChartBuilder().taking("amiodarone 200 mg").build();
        assertThat(from(check(onAmiodarone, order("simvastatin", 40, "once daily")), "drug-interactions"))
                .singleElement().satisfies(a -> {
                    assertThat(a.severity()).isEqualTo(Severity.HIGH);
                    assertThat(a.text()).contains("above the cap of 20 mg");
                    assertThat(a.needsAnswer()).isTrue();
                });
        assertThat(from(check(onAmiodarone, order("simvastatin", 20, "once daily")), "drug-interactions"))
                .singleElement().satisfies(a -> {
                    assertThat(a.severity()).isEqualTo(Severity.LOW);
                    assertThat(a.needsAnswer()).isFalse();
                });
    }

    /** COUMADIN US PI 7: NSAIDs raise the bleeding risk. */
    @Test
    void warfarinWithAnNsaidIsAnInteraction() {
        assertThat(from(check(new ChartBuilder().taking("Ibuprofen 400 mg").build(), order("warfarin", 4, "once daily")),
                "drug-interactions")).singleElement().satisfies(a -> assertThat(a.differs()).isTrue());
    }
}
