package org.outpost.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Unit;

/** One range: the flag at and around each limit, limits that meet, and conversion of its limits. */
class ReferenceRangeTest {
    private static ReferenceRange range(Double criticalLow, Double low, Double high, Double criticalHigh) {
        return new ReferenceRange(Measure.GLUCOSE, Optional.empty(), Unit.MG_PER_DL, of(low), of(high),
                of(criticalLow), of(criticalHigh), "test");
    }

    private static OptionalDouble of(Double d) {
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    @Test
    void eachLimitBelongsToTheMilderSide() {
        ReferenceRange r = range(54.0, 70.0, 99.0, 400.0);
        assertThat(r.flag(53.999)).isEqualTo(ResultFlag.CRITICAL_LOW);
        assertThat(r.flag(54)).isEqualTo(ResultFlag.LOW);
        assertThat(r.flag(69.999)).isEqualTo(ResultFlag.LOW);
        assertThat(r.flag(70)).isEqualTo(ResultFlag.NORMAL);
        assertThat(r.flag(99)).isEqualTo(ResultFlag.NORMAL);
        assertThat(r.flag(99.001)).isEqualTo(ResultFlag.HIGH);
        assertThat(r.flag(400)).isEqualTo(ResultFlag.HIGH);
        assertThat(r.flag(400.001)).isEqualTo(ResultFlag.CRITICAL_HIGH);
        assertThat(ResultFlag.CRITICAL_HIGH.critical()).isTrue();
        assertThat(ResultFlag.HIGH.critical()).isFalse();
        assertThat(ResultFlag.NORMAL.abnormal()).isFalse();
    }

    @Test
    void aCriticalLimitMayMeetTheReferenceLimitAndAMissingLimitNeverFlags() {
        ReferenceRange meet = range(70.0, 70.0, 99.0, null);
        assertThat(meet.flag(69.9)).isEqualTo(ResultFlag.CRITICAL_LOW);
        assertThat(meet.flag(5000)).isEqualTo(ResultFlag.HIGH);
        ReferenceRange onlyHigh = range(null, null, 199.0, null);
        assertThat(onlyHigh.flag(0)).isEqualTo(ResultFlag.NORMAL);
        assertThat(onlyHigh.flag(200)).isEqualTo(ResultFlag.HIGH);
    }

    @Test
    void limitsOutOfOrderOrACriticalLimitAloneAreRefused() {
        assertThatThrownBy(() -> range(80.0, 70.0, 99.0, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ordered");
        assertThatThrownBy(() -> range(54.0, null, 99.0, null)).hasMessageContaining("critical limit needs");
        assertThatThrownBy(() -> range(null, null, null, null)).hasMessageContaining("low or a high limit");
        assertThatThrownBy(() -> new ReferenceRange(Measure.GLUCOSE, Optional.empty(), Unit.UMOL_PER_L,
                OptionalDouble.of(1), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), "x"))
                .hasMessage("µmol/L is not a unit for GLUCOSE");
    }

    /**
     * HbA1c converts by the IFCC–NGSP master equation (NGSP % = 0.09148 × IFCC mmol/mol + 2.152; Hoelzel et al.,
     * Clin Chem 2004), an offset as well as a factor: the ADA limit 5.7 % is 39 mmol/mol, and the table's upper normal
     * limit 5.6 % is (5.6 − 2.152) / 0.09148 = 37.7 mmol/mol. A value flags the same in either unit.
     */
    @Test
    void limitsConvertByTheMeasuresOwnEquationIncludingAnOffset() {
        ReferenceRange percent = new ReferenceRange(Measure.HBA1C, Optional.empty(), Unit.PERCENT,
                OptionalDouble.empty(), OptionalDouble.of(5.6), OptionalDouble.empty(), OptionalDouble.empty(), "ADA");
        ReferenceRange ifcc = percent.in(Unit.MMOL_PER_MOL);
        assertThat(ifcc.high().getAsDouble()).isCloseTo((5.6 - 2.152) / 0.09148, offset(1e-9));
        assertThat(Measure.HBA1C.convert(Quantity.of(5.7, Unit.PERCENT), Unit.MMOL_PER_MOL).value())
                .isCloseTo(39, offset(0.5));
        for (double v : new double[] {5.5, 5.6, 5.7, 9.0}) {
            Quantity q = Quantity.of(v, Unit.PERCENT);
            assertThat(ifcc.flag(Measure.HBA1C.convert(q, Unit.MMOL_PER_MOL).value())).as("%s %%", v)
                    .isEqualTo(percent.flag(v));
        }
        assertThat(ifcc.in(Unit.PERCENT).high().getAsDouble()).isCloseTo(5.6, offset(1e-12));
    }
}
