package org.outpost.app.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MeasureTest {

    @ParameterizedTest(name = "{0}: {1} {2} = {3} {4}")
    @CsvSource(textBlock = """
            # cholesterol: 1 mmol/L = 38.67 mg/dL (molar mass of cholesterol 386.65 g/mol)
            TOTAL_CHOLESTEROL, 5.0,   MMOL_PER_L,  193.35, MG_PER_DL
            HDL_CHOLESTEROL,   1.3,   MMOL_PER_L,  50.271, MG_PER_DL
            # creatinine: 1 mg/dL = 88.42 umol/L (molar mass 113.12 g/mol)
            CREATININE,        88.42, UMOL_PER_L,  1.0,    MG_PER_DL
            # glucose: 1 mmol/L = 18.016 mg/dL (molar mass 180.16 g/mol)
            GLUCOSE,           5.5,   MMOL_PER_L,  99.088, MG_PER_DL
            # HbA1c: NGSP % = 0.09148 x IFCC mmol/mol + 2.152 (Hoelzel et al., Clin Chem 2004); 48 mmol/mol ~ 6.5 %
            HBA1C,             48,    MMOL_PER_MOL, 6.543, PERCENT
            BODY_WEIGHT,       154,   LB,          69.853, KG
            BODY_HEIGHT,       70,    INCH,        177.8,  CM
            BODY_TEMPERATURE,  98.6,  FAHRENHEIT,  37.0,   CELSIUS
            BODY_TEMPERATURE,  37.0,  CELSIUS,     98.6,   FAHRENHEIT
            """)
    void convertsBetweenUnits(Measure measure, double value, Unit from, double expected, Unit to) {
        assertThat(measure.convert(Quantity.of(value, from), to).value()).isCloseTo(expected, within(0.01));
    }

    @ParameterizedTest
    @EnumSource(Measure.class)
    void everyUnitRoundTrips(Measure measure) {
        for (Unit unit : measure.units()) {
            Quantity q = Quantity.of(123.456, unit);
            Quantity back = measure.convert(measure.toCanonical(q), unit);
            assertThat(back.value()).isCloseTo(123.456, within(1e-9));
        }
    }

    @ParameterizedTest
    @EnumSource(Measure.class)
    void plausibleRangeLiesInsidePossibleRange(Measure m) {
        assertThat(m.plausibleMin()).isGreaterThanOrEqualTo(m.possibleMin()).isLessThan(m.plausibleMax());
        assertThat(m.plausibleMax()).isLessThanOrEqualTo(m.possibleMax());
        assertThat(m.units()).first().isEqualTo(m.canonicalUnit());
    }

    @Test
    void refusesAUnitOfAnotherMeasure() {
        assertThatThrownBy(() -> Measure.SYSTOLIC_BP.toCanonical(Quantity.of(5, Unit.MMOL_PER_L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mmol/L");
    }

    @Test
    void findsMeasuresByLoinc() {
        assertThat(Measure.byLoinc("8480-6")).contains(Measure.SYSTOLIC_BP);
        assertThat(Measure.byLoinc("0000-0")).isEmpty();
    }

    /** LOINC 33863-2 "Cystatin C [Mass/volume] in Serum or Plasma", reported in mg/L and in no other unit here. */
    @Test
    void cystatinCIsALabInMilligramsPerLitreFoundByItsLoinc() {
        assertThat(Measure.byLoinc("33863-2")).contains(Measure.CYSTATIN_C);
        assertThat(Measure.CYSTATIN_C.category()).isEqualTo(Measure.Category.LAB);
        assertThat(Measure.CYSTATIN_C.units()).containsExactly(Unit.MG_PER_L);
        assertThat(Measure.CYSTATIN_C.plausibleMin()).isEqualTo(0.2);
        assertThat(Measure.CYSTATIN_C.plausibleMax()).isEqualTo(10);
        assertThat(Measure.labs()).contains(Measure.CYSTATIN_C);
        assertThat(Unit.parse("mg/L")).contains(Unit.MG_PER_L);
        assertThat(Unit.parse("mg/dL")).contains(Unit.MG_PER_DL);
    }

    @Test
    void parsesUnitsByUcumAndDisplay() {
        assertThat(Unit.parse("mmol/L")).contains(Unit.MMOL_PER_L);
        assertThat(Unit.parse("µmol/L")).contains(Unit.UMOL_PER_L);
        assertThat(Unit.parse("umol/L")).contains(Unit.UMOL_PER_L);
        assertThat(Unit.parse("lb")).contains(Unit.LB);
        assertThat(Unit.parse("furlongs")).isEmpty();
    }
}
