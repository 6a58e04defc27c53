package org.outpost.app.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.domain.SmokingStatus;
import org.outpost.app.domain.Measure;
import org.outpost.app.ml.LearnedModels;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Concept;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.risk.Cha2ds2Vasc;
import org.outpost.app.risk.HasBled;
import org.outpost.app.risk.PooledCohortEquations;
import org.outpost.app.risk.PreventEquations;
import org.outpost.app.risk.Qrisk3;
import org.outpost.app.risk.RiskModels;
import org.outpost.app.risk.Score2;
import org.outpost.app.risk.Score2OlderPersons;

/** Which standard what-ifs each model gets, decided by the concepts its inputs declare. */
class WhatIfsTest {
    private static final WhatIf SBP = new WhatIf(WhatIf.Kind.SBP_AT_TARGET, "systolicBp", 120.0);
    private static final WhatIf STOP_SMOKING = new WhatIf(WhatIf.Kind.STOP_SMOKING, "smoker", false);
    private static final WhatIf STATIN = new WhatIf(WhatIf.Kind.START_STATIN, "statin", true);

    private static List<WhatIf> proposed(ClinicalModel model, Map<String, ?> inputs) {
        return WhatIfs.propose(model, ModelInputs.of(inputs));
    }

    @Test
    void pooledCohortEquationsOfferTheSprintTargetAndStoppingSmoking() {
        assertThat(proposed(new PooledCohortEquations(), Map.of("systolicBp", 150, "smoker", true, "bpTreated", false)))
                .containsExactly(SBP, STOP_SMOKING);
    }

    @Test
    void preventAlsoOffersAStatinToSomeoneNotOnOne() {
        ClinicalModel prevent = PreventEquations.totalCvd();
        assertThat(proposed(prevent, Map.of("systolicBp", 150, "smoker", true, "statin", false)))
                .containsExactly(SBP, STATIN, STOP_SMOKING); // in the order of the model's inputs
        assertThat(proposed(prevent, Map.of("systolicBp", 150, "smoker", false, "statin", true)))
                .containsExactly(SBP);
    }

    @Test
    void score2AndScore2OpOfferTheSprintTargetAndStoppingSmoking() {
        for (ClinicalModel score2 : List.of(new Score2(), new Score2OlderPersons())) {
            assertThat(proposed(score2, Map.of("systolicBp", 140, "smoker", true))).as(score2.ref().id())
                    .containsExactly(STOP_SMOKING, SBP);
        }
    }

    @ParameterizedTest(name = "QRISK3 smoking {0} → {1}")
    @CsvSource(textBlock = """
            light,    ex
            moderate, ex
            heavy,    ex
            ex,
            non,
            """)
    void qrisk3TurnsACurrentSmokerOfAnyAmountIntoAnExSmoker(String now, String stopped) {
        List<WhatIf> proposed = proposed(new Qrisk3(), Map.of("systolicBp", 118, "smoking", now));
        if (stopped == null) {
            assertThat(proposed).isEmpty();
        } else {
            assertThat(proposed).containsExactly(new WhatIf(WhatIf.Kind.STOP_SMOKING, "smoking", stopped));
        }
    }

    @Test
    void nothingIsProposedWhereThePersonIsAlreadyThereOrTheValueIsUnknown() {
        assertThat(proposed(new PooledCohortEquations(), Map.of("systolicBp", 120, "smoker", false))).isEmpty();
        assertThat(proposed(new PooledCohortEquations(), Map.of())).isEmpty();
        assertThat(proposed(new Qrisk3(), Map.of())).isEmpty();
    }

    @Test
    void modelsThatDeclareNoConceptGetNoWhatIfsEvenWithASystolicPressureInput() {
        Map<String, Object> hypertensive = Map.of("systolicBp", 170, "smoker", true, "statin", false);
        assertThat(proposed(new HasBled(), hypertensive)).isEmpty();
        assertThat(proposed(new Cha2ds2Vasc(), hypertensive)).isEmpty();
        assertThat(proposed(LearnedModels.coronaryDisease(), hypertensive)).isEmpty();
    }

    @Test
    void aWhatIfChangesOneInputOfACopy() {
        ModelInputs now = ModelInputs.of(Map.of("systolicBp", 150, "smoker", true));
        assertThat(SBP.applyTo(now).number("systolicBp").getAsDouble()).isEqualTo(120);
        assertThat(SBP.applyTo(now).flag("smoker")).contains(true);
        assertThat(now.number("systolicBp").getAsDouble()).isEqualTo(150);
    }

    @Test
    void aConceptIsRefusedOnAnInputThatCannotCarryIt() {
        assertThatThrownBy(() -> InputSpec.number("statinDose", "mg", 0, 80, "Statin dose").as(Concept.STATIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputSpec.number("sbp", "mmHg", 50, 300, "SBP").as(Concept.SYSTOLIC_BP))
                .isInstanceOf(IllegalArgumentException.class); // not read from the systolic measure
        assertThatThrownBy(() -> InputSpec.choice("smoking", List.of("never", "ex", "current"), "Smoking")
                .as(Concept.smoking(Map.of("never", SmokingStatus.NEVER, "current", SmokingStatus.CURRENT))))
                .isInstanceOf(IllegalArgumentException.class); // "ex" left unexplained
        assertThat(InputSpec.measured("systolicBp", Measure.SYSTOLIC_BP, "SBP").as(Concept.SYSTOLIC_BP).concept())
                .contains(Concept.SYSTOLIC_BP);
    }

    @Test
    void theCardiovascularRiskModelsOptInAndTheRestOfTheBundleDoesNot() {
        // the what-if concepts only: CHA2DS2-VASc and HAS-BLED declare problem-list and medicine-class concepts, which
        // fill inputs from the chart but propose no what-if
        assertThat(RiskModels.all().stream().filter(m -> m.inputs().stream().anyMatch(i -> i.concept()
                        .filter(c -> c instanceof Concept.SystolicBp || c instanceof Concept.Statin
                                || c instanceof Concept.Smoking).isPresent()))
                .map(m -> m.getClass().getSimpleName()).distinct())
                .containsExactlyInAnyOrder("PooledCohortEquations", "RevisedPooledCohortEquations", "PreventEquations", "Qrisk3", "Score2",
                        "Score2OlderPersons");
    }
}
