package org.outpost.app.prescribing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.outpost.app.prescribing.PrescribingCheckTest.CHECK;
import static org.outpost.app.prescribing.PrescribingCheckTest.LAST_WEEK;
import static org.outpost.app.prescribing.PrescribingCheckTest.TODAY;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.Chart;
import org.outpost.app.prescribing.PrescribingCheckTest.ChartBuilder;

/** The pharmacist's view of the patient beside an order, computed as the dosing checks compute it. */
class PharmacistSnapshotTest {
    @Test
    void kidneyFunctionWeightGenotypesAndActiveMedicinesAsTheChecksSeeThem() {
        Chart chart = new ChartBuilder().creatinine(1.0, LAST_WEEK).genotype("CYP2C19", "*2/*2")
                .genotype("CYP2C19", "*1/*99").taking("clopidogrel", "75 mg", "once daily").build();
        PharmacistSnapshot s = CHECK.snapshot(chart, TODAY);

        assertThat(s.activeMedicines()).extracting(m -> m.name()).containsExactly("clopidogrel");
        assertThat(s.creatinine()).hasValueSatisfying(o -> assertThat(o.effective()).isEqualTo(LAST_WEEK));
        assertThat(s.weight()).hasValueSatisfying(o -> assertThat(o.value().value()).isEqualTo(70));
        // Cockcroft DW, Gault MH. Nephron 1976;16:31-41: (140 - age) x weight / (72 x Scr) x 0.85 for a woman,
        // with the Devine ideal body weight (Drug Intell Clin Pharm 1974;8:650) as the 70 kg are within 120 % of
        // it: IBW = 45.5 + 2.3 x (170/2.54 - 60) = 61.4 kg; 70 years, 1.0 mg/dL -> 70 x 61.4 / 72 x 0.85 = 50.7
        assertThat(s.creatinineClearance().value().orElseThrow()).isCloseTo(50.7, within(0.15));
        assertThat(s.creatinineClearance().unit()).isEqualTo("mL/min");
        assertThat(s.creatinineClearance().why()).isEmpty();
        // CKD-EPI 2021 (Inker LA et al. N Engl J Med 2021;385:1737-1749): woman 70 y, Scr 1.0 ->
        // 142 x (1.0/0.7)^-1.2 x 0.9938^70 x 1.012 = 60.6, reported as laboratories do: 61 mL/min/1.73 m2
        assertThat(s.egfr().value().orElseThrow()).isEqualTo(61);
        assertThat(s.genotypes().getFirst().meaning()).isEqualTo("CYP2C19 poor metabolizer");
        assertThat(s.genotypes().get(1).meaning()).startsWith("Indeterminate \u2014 confirm by lab").contains("*99");
    }

    @Test
    void anOldCreatinineIsShownAsOutOfDateWithItsValueNotAsMissing() {
        Chart chart = new ChartBuilder().creatinine(1.4, Instant.parse("2025-09-01T09:00:00Z")).build();
        PharmacistSnapshot s = CHECK.snapshot(chart, TODAY);
        assertThat(s.creatinineClearance().value()).isEmpty();
        assertThat(s.creatinineClearance().why()).contains("14 months old (needs \u2264 3 months)").contains("1.4");
        assertThat(s.creatinine()).isPresent();

        PharmacistSnapshot none = CHECK.snapshot(new ChartBuilder().build(), TODAY);
        assertThat(none.egfr().value()).isEmpty();
        assertThat(none.egfr().why()).contains("missing");
        assertThat(none.genotypes()).isEmpty();
    }
}
