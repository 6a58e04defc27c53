package org.outpost.app.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Unit;

class MeasurementRulesTest {
    private final Messages messages = new Messages(Locale.ENGLISH);

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(textBlock = """
            SYSTOLIC_BP,       120,  MM_HG,      ok
            SYSTOLIC_BP,       320,  MM_HG,      measure.implausible
            SYSTOLIC_BP,       400,  MM_HG,      measure.impossible
            SYSTOLIC_BP,       -5,   MM_HG,      measure.impossible
            OXYGEN_SATURATION, 101,  PERCENT,    measure.impossible
            OXYGEN_SATURATION, 30,   PERCENT,    measure.implausible
            BODY_TEMPERATURE,  98.6, FAHRENHEIT, ok
            BODY_TEMPERATURE,  98.6, CELSIUS,    measure.impossible
            BODY_TEMPERATURE,  20,   CELSIUS,    measure.implausible
            BODY_WEIGHT,       180,  LB,         ok
            BODY_WEIGHT,       0,    KG,         measure.impossible
            TOTAL_CHOLESTEROL, 5.2,  MMOL_PER_L, ok
            TOTAL_CHOLESTEROL, 5.2,  MG_PER_DL,  measure.implausible
            CREATININE,        90,   UMOL_PER_L, ok
            CREATININE,        90,   MG_PER_DL,  measure.impossible
            HBA1C,             53,   MMOL_PER_MOL, ok
            # cystatin C, mg/L: healthy adults about 0.6-1.0, kidney failure up to about 8; plausible 0.2-10
            CYSTATIN_C,        1.1,  MG_PER_L,   ok
            CYSTATIN_C,        6.5,  MG_PER_L,   ok
            CYSTATIN_C,        0.1,  MG_PER_L,   measure.implausible
            CYSTATIN_C,        15,   MG_PER_L,   measure.implausible
            # 82 nmol/L (1.1 mg/L) typed into the mg/L field
            CYSTATIN_C,        82,   MG_PER_L,   measure.impossible
            CYSTATIN_C,        1.1,  MG_PER_DL,  measure.wrongUnit
            """)
    void checksPossibleAndPlausibleRangesInTheEnteredUnit(Measure m, double value, Unit unit, String expected) {
        var problem = MeasurementRules.check(m, Quantity.of(value, unit));
        if (expected.equals("ok")) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).get().extracting(Violation::key).isEqualTo(expected);
            assertThat(problem.get().field()).isEqualTo(m.name());
        }
    }

    @Test
    void messageNamesTheValueTheUnitAndTheRangeInThatUnit() {
        var problem = MeasurementRules.check(Measure.BODY_WEIGHT, Quantity.of(1000, Unit.LB)).orElseThrow();
        assertThat(messages.text(problem)).isEqualTo("1000 lb is implausible (expected 0.661 to 881.849 lb); check the value and the unit");
    }

    @Test
    void diastolicMustBeBelowSystolic() {
        Map<Measure, Quantity> bp = new LinkedHashMap<>();
        bp.put(Measure.SYSTOLIC_BP, Quantity.of(80, Unit.MM_HG));
        bp.put(Measure.DIASTOLIC_BP, Quantity.of(90, Unit.MM_HG));
        List<Violation> problems = MeasurementRules.check(bp);
        assertThat(problems).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("DIASTOLIC_BP");
            assertThat(messages.text(v)).isEqualTo("Diastolic (90) must be lower than systolic (80)");
        });
    }

    @Test
    void bloodPressureComesInPairs() {
        List<Violation> problems = MeasurementRules.check(Map.of(Measure.SYSTOLIC_BP, Quantity.of(120, Unit.MM_HG)));
        assertThat(problems).extracting(Violation::field).containsExactly("DIASTOLIC_BP");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '120',   120.0,
            ' 5,5 ', 5.5,
            '1e2',   ,     measure.notANumber
            'abc',   ,     measure.notANumber
            '',      ,     measure.empty
            'NaN',   ,     measure.notANumber
            """)
    void parsesTypedNumbers(String typed, Double expected, String problemKey) {
        var parsed = MeasurementRules.parse(Measure.HEART_RATE, typed);
        if (expected != null) {
            assertThat(parsed.value()).hasValue(expected);
            assertThat(parsed.problem()).isEmpty();
        } else {
            assertThat(parsed.value()).isEmpty();
            assertThat(parsed.problem()).get().extracting(Violation::key).isEqualTo(problemKey);
        }
    }
}
