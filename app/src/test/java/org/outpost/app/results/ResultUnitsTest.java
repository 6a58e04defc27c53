package org.outpost.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.Unit;

/** The site's unit per measure: defaults, conversions by the measure's own factors, and round trips. */
class ResultUnitsTest {
    private static final Recorded ADMIN = new Recorded("admin", Instant.parse("2026-12-07T08:00:00Z"));

    @Test
    void aMeasureWithoutAChoiceIsShownInItsCanonicalUnit() {
        ResultUnits units = ResultUnits.defaults();
        assertThat(units.unit(Measure.GLUCOSE)).isEqualTo(Unit.MG_PER_DL);
        assertThat(units.unit(Measure.CREATININE)).isEqualTo(Unit.MG_PER_DL);
        assertThat(units.changed(Measure.GLUCOSE)).isEmpty();
        assertThat(ResultUnits.choosable()).contains(Measure.GLUCOSE, Measure.CREATININE, Measure.HBA1C,
                Measure.TOTAL_CHOLESTEROL).doesNotContain(Measure.INR, Measure.HEART_RATE);
    }

    /**
     * Published conversions the measure's factors reproduce: glucose 1 mmol/L = 18.016 mg/dL (molar mass 180.16
     * g/mol), so 126 mg/dL (the ADA diabetes threshold) = 6.99 mmol/L, which ADA writes as 7.0 mmol/L; creatinine
     * 1 mg/dL = 88.42 µmol/L; HbA1c 6.5 % = 48 mmol/mol (IFCC-NGSP master equation; ADA writes 6.5 % [48 mmol/mol]).
     */
    @Test
    void conversionsMatchPublishedEquivalents() {
        ResultUnits units = ResultUnits.defaults().with(Measure.GLUCOSE, Unit.MMOL_PER_L, ADMIN)
                .with(Measure.CREATININE, Unit.UMOL_PER_L, ADMIN).with(Measure.HBA1C, Unit.MMOL_PER_MOL, ADMIN);
        assertThat(units.display(Measure.GLUCOSE, Quantity.of(126, Unit.MG_PER_DL)).value())
                .isCloseTo(6.99, offset(0.005));
        assertThat(units.display(Measure.CREATININE, Quantity.of(1, Unit.MG_PER_DL)).value())
                .isCloseTo(88.42, offset(1e-9));
        assertThat(units.display(Measure.HBA1C, Quantity.of(6.5, Unit.PERCENT)).value()).isCloseTo(47.5, offset(0.5));
        assertThat(units.display(Measure.GLUCOSE, Quantity.of(5.5, Unit.MMOL_PER_L)))
                .isEqualTo(Quantity.of(5.5, Unit.MMOL_PER_L));
        assertThat(units.changed(Measure.GLUCOSE)).contains(ADMIN);
    }

    @Test
    void everyConversionRoundTrips() {
        for (Measure m : Measure.values()) {
            for (Unit to : m.units()) {
                for (double v : new double[] {m.plausibleMin(), (m.plausibleMin() + m.plausibleMax()) / 2,
                        m.plausibleMax()}) {
                    Quantity canonical = Quantity.of(v, m.canonicalUnit());
                    ResultUnits units = ResultUnits.defaults().with(m, to, ADMIN);
                    Quantity shown = units.display(m, canonical);
                    assertThat(shown.unit()).isEqualTo(to);
                    assertThat(ResultUnits.defaults().display(m, shown).value())
                            .as("%s %s via %s", m, v, to).isCloseTo(v, offset(Math.abs(v) * 1e-12 + 1e-12));
                }
            }
        }
    }

    @Test
    void aUnitTheMeasureIsNotGivenInIsRefused() {
        assertThatThrownBy(() -> ResultUnits.defaults().with(Measure.GLUCOSE, Unit.UMOL_PER_L, ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("µmol/L is not a unit for GLUCOSE");
        assertThatThrownBy(() -> new ResultUnits(Map.of(Measure.INR,
                new ResultUnits.Choice(Unit.PERCENT, ADMIN)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decimalsFollowTheUnitAsLaboratoriesReportIt() {
        assertThat(ResultUnits.decimals(Measure.GLUCOSE, Unit.MG_PER_DL)).isEqualTo(0);
        assertThat(ResultUnits.decimals(Measure.GLUCOSE, Unit.MMOL_PER_L)).isEqualTo(1);
        assertThat(ResultUnits.decimals(Measure.TOTAL_CHOLESTEROL, Unit.MMOL_PER_L)).isEqualTo(2);
        assertThat(ResultUnits.decimals(Measure.CREATININE, Unit.UMOL_PER_L)).isEqualTo(0);
        assertThat(ResultUnits.decimals(Measure.CREATININE, Unit.MG_PER_DL)).isEqualTo(2);
    }
}
