package org.outpost.app.prescribing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.app.prescribing.PrescribingCheckTest.CHECK;
import static org.outpost.app.prescribing.PrescribingCheckTest.check;
import static org.outpost.app.prescribing.PrescribingCheckTest.order;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.Chart;
import org.outpost.app.model.Severity;
import org.outpost.app.pgx.Indication;
import org.outpost.app.prescribing.PrescribingCheckTest.ChartBuilder;

/**
 * CPIC clopidogrel advice by indication and prasugrel after a stroke or TIA. Advice texts from Lee CR et al.
 * "CPIC Guideline for CYP2C19 Genotype and Clopidogrel Therapy: 2022 Update", Clin Pharmacol Ther
 * 2022;112(5):959-967: Table 2 (cardiovascular: ACS and/or PCI; non-ACS non-PCI) and Table 3 (neurovascular).
 */
class ClopidogrelIndicationTest {
    private static final Instant LAST_YEAR = Instant.parse("2025-10-02T09:00:00Z");

    private static OrderAlert pgx(Chart chart, OrderDraft draft) {
        return check(chart, draft).stream().filter(a -> a.modelId().equals("pgx-cpic")).findFirst().orElseThrow();
    }

    private static OrderDraft clopidogrel(String indication) {
        return order("clopidogrel", 75, "once daily").withIndication(indication);
    }

    @Test
    void theOrderFormIsOfferedTheThreeIndicationsOfTheGuidelineAndOtherDrugsNone() {
        assertThat(CHECK.indications("clopidogrel")).extracting(Indication::key)
                .containsExactly("acs-pci", "cardiovascular-other", "neurovascular");
        assertThat(CHECK.indications("Clopidogrel bisulfate")).hasSize(3);
        assertThat(CHECK.indications("simvastatin")).isEmpty();
    }

    @Test
    void anIntermediateMetabolizerGetsTheAdviceOfTheStatedIndication() {
        Chart chart = new ChartBuilder().genotype("CYP2C19", "*1/*2").build();
        // Table 2, ACS and/or PCI, intermediate metabolizer: avoid standard dose; prasugrel or ticagrelor (strong)
        OrderAlert acs = pgx(chart, clopidogrel("acs-pci"));
        assertThat(acs.severity()).isEqualTo(Severity.HIGH);
        assertThat(acs.text()).startsWith("For ACS and/or PCI: Avoid standard dose (75 mg) clopidogrel if possible");
        assertThat(acs.strength()).isEqualToIgnoringCase("strong");
        // Table 2, non-ACS non-PCI, intermediate metabolizer: no recommendation
        OrderAlert other = pgx(chart, clopidogrel("cardiovascular-other"));
        assertThat(other.severity()).isEqualTo(Severity.LOW);
        assertThat(other.text()).contains("No recommendation");
        assertThat(other.needsAnswer()).isFalse();
        // Table 3, neurovascular, intermediate metabolizer: consider an alternative P2Y12 inhibitor (moderate)
        OrderAlert neuro = pgx(chart, clopidogrel("neurovascular"));
        assertThat(neuro.severity()).isEqualTo(Severity.MODERATE);
        assertThat(neuro.text()).contains("Consider an alternative P2Y12 inhibitor at standard dose")
                .doesNotContainIgnoringCase("prasugrel");
        assertThat(neuro.strength()).isEqualToIgnoringCase("moderate");
        // each indication is its own answer: an answer for one does not answer another
        assertThat(List.of(acs.fingerprint(), other.fingerprint(), neuro.fingerprint())).doesNotHaveDuplicates();
    }

    @Test
    void withoutAnIndicationTheStrictestAdviceIsShownAndSaysSo() {
        Chart chart = new ChartBuilder().genotype("CYP2C19", "*1/*2").build();
        OrderAlert alert = pgx(chart, clopidogrel(""));
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.text()).startsWith("Indication not stated: the strictest advice, for ACS and/or PCI");
        // a normal metabolizer's advice is the same for every indication: nothing to say about it
        OrderAlert normal = pgx(new ChartBuilder().genotype("CYP2C19", "*1/*1").build(), clopidogrel(""));
        assertThat(normal.text()).isEqualTo("If considering clopidogrel, use at standard dose (75 mg/day)");
    }

    @Test
    void aPoorMetabolizerWithAStrokeOnTheChartIsNeverToldToTakePrasugrel() {
        Chart chart = new ChartBuilder().genotype("CYP2C19", "*2/*2")
                .encounter("Transient ischemic attack (disorder)", LAST_YEAR).build();
        for (String indication : List.of("", "acs-pci", "cardiovascular-other", "neurovascular")) {
            OrderAlert alert = pgx(chart, clopidogrel(indication));
            assertThat(alert.severity()).as(indication).isEqualTo(Severity.HIGH);
            assertThat(alert.text()).as(indication).doesNotContain("prasugrel or ticagrelor")
                    .doesNotContainIgnoringCase("use prasugrel");
        }
        OrderAlert acs = pgx(chart, clopidogrel("acs-pci"));
        assertThat(acs.text()).contains("Use ticagrelor at standard dose")
                .contains("Not prasugrel: stroke or TIA recorded (encounter of 2025-10-02: Transient ischemic attack");
        // without the stroke the ACS advice names both
        assertThat(pgx(new ChartBuilder().genotype("CYP2C19", "*2/*2").build(), clopidogrel("acs-pci")).text())
                .contains("Use prasugrel or ticagrelor at standard dose");
    }

    @Test
    void prasugrelAfterAStrokeOrForTheNeurovascularIndicationIsAHighAlertNeedingAReason() {
        Chart stroke = new ChartBuilder().encounter("Cerebrovascular accident (disorder)", LAST_YEAR).build();
        OrderAlert alert = check(stroke, order("prasugrel", 10, "once daily")).stream()
                .filter(a -> a.modelId().equals("prasugrel-stroke-tia")).findFirst().orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.needsAnswer()).isTrue();
        assertThat(alert.headline()).isEqualTo("Contraindicated: prasugrel after a stroke or TIA");
        assertThat(alert.modelTitle()).contains("EFFIENT");

        Chart none = new ChartBuilder().encounter("Chest pain", LAST_YEAR).build();
        assertThat(check(none, order("prasugrel", 10, "once daily"))).noneMatch(a -> a.modelId().equals("prasugrel-stroke-tia"));
        assertThat(check(none, order("prasugrel", 10, "once daily").withIndication("neurovascular")))
                .anyMatch(a -> a.modelId().equals("prasugrel-stroke-tia"));
    }

    @Test
    void strokeWordsAreReadAsWordsNotInsideOtherWords() {
        assertThat(StrokeOrTiaHistory.names("Acute ischemic stroke")).isTrue();
        assertThat(StrokeOrTiaHistory.names("History of CVA")).isTrue();
        assertThat(StrokeOrTiaHistory.names("TIA follow-up")).isTrue();
        assertThat(StrokeOrTiaHistory.names("Heat stroke")).isFalse();
        assertThat(StrokeOrTiaHistory.names("Sunstroke")).isFalse();
        assertThat(StrokeOrTiaHistory.names("Tiatrophy")).isFalse();
        assertThat(StrokeOrTiaHistory.names("Routine check-up")).isFalse();
        assertThat(StrokeOrTiaHistory.names(null)).isFalse();
    }

    @Test
    void anIndicationThatIsNotAKeyIsRefusedAtValidation() {
        assertThat(new OrderDraft("clopidogrel", 75, "mg", "once daily", "oral", "stroke; DROP TABLE").violations())
                .anySatisfy(v -> assertThat(v.field()).isEqualTo("indication"));
    }
}
