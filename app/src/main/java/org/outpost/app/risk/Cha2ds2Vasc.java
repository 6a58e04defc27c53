package org.outpost.app.risk;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.domain.ClinicalProblem;
import org.outpost.app.model.Concept;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.text.Text;

/**
 * CHA₂DS₂-VASc stroke risk score for non-valvular atrial fibrillation.
 *
 * <p>Source: Lip GYH, Nieuwlaat R, Pisters R, Lane DA, Crijns HJGM. "Refining clinical risk
 * stratification for predicting stroke and thromboembolism in atrial fibrillation using a novel risk
 * factor-based approach: the Euro Heart Survey on Atrial Fibrillation." Chest 2010;137(2):263–272,
 * Table 2 (points) and its recommendation by score: 0 low, 1 intermediate, ≥ 2 high risk.
 *
 * <p>Points: congestive heart failure / LV dysfunction 1, hypertension 1, age ≥ 75 2, diabetes 1,
 * prior stroke / TIA / thromboembolism 2, vascular disease (prior MI, peripheral artery disease, aortic
 * plaque) 1, age 65–74 1, female sex 1. Range 0–9.
 *
 * <p>Validated range: adults (≥ 18 years) with non-valvular atrial fibrillation; the score is not
 * applicable without atrial fibrillation or with a mechanical valve / moderate–severe mitral stenosis.
 */
public final class Cha2ds2Vasc implements ClinicalModel {
    static final ModelRef REF = new ModelRef("cha2ds2-vasc", "1.0.0", "CHA\u2082DS\u2082-VASc",
            "Lip GYH et al. Chest 2010;137(2):263-272, Table 2");

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 0, 120, "input.cha2ds2-vasc.age"),
            InputSpec.choice("sex", List.of("female", "male"), "input.cha2ds2-vasc.sex"),
            InputSpec.flag("atrialFibrillation", "input.cha2ds2-vasc.atrialFibrillation")
                    .as(Concept.problem(ClinicalProblem.ATRIAL_FIBRILLATION)),
            InputSpec.flag("valvularAf", "input.cha2ds2-vasc.valvularAf")
                    .as(Concept.problem(ClinicalProblem.VALVULAR_HEART_DISEASE)),
            InputSpec.flag("heartFailure", "input.cha2ds2-vasc.heartFailure")
                    .as(Concept.problem(ClinicalProblem.HEART_FAILURE)),
            InputSpec.flag("hypertension", "input.cha2ds2-vasc.hypertension")
                    .as(Concept.problem(ClinicalProblem.HYPERTENSION)),
            InputSpec.flag("diabetes", "input.cha2ds2-vasc.diabetes"),
            InputSpec.flag("strokeTiaThromboembolism", "input.cha2ds2-vasc.strokeTiaThromboembolism")
                    .as(Concept.problem(ClinicalProblem.STROKE, ClinicalProblem.TIA)),
            InputSpec.flag("vascularDisease", "input.cha2ds2-vasc.vascularDisease")
                    .as(Concept.problem(ClinicalProblem.MYOCARDIAL_INFARCTION, ClinicalProblem.PERIPHERAL_ARTERY_DISEASE,
                            ClinicalProblem.CORONARY_HEART_DISEASE)));

    @Override
    public ModelRef ref() {
        return REF;
    }

    @Override
    public List<InputSpec> inputs() {
        return INPUTS;
    }

    @Override
    public Evaluation evaluate(ModelInputs in) {
        List<String> missing = in.absent("age", "sex", "heartFailure", "hypertension", "diabetes",
                "strokeTiaThromboembolism", "vascularDisease");
        List<Text> reasons = new ArrayList<>();
        if (in.flag("atrialFibrillation").orElse(true).equals(false)) {
            reasons.add(Text.of("reason.cha2ds2-vasc.noAtrialFibrillation"));
        }
        if (in.flag("valvularAf").orElse(false)) {
            reasons.add(Text.of("reason.cha2ds2-vasc.valvularAf"));
        }
        double age = in.number("age").orElse(Double.NaN);
        if (age < 18) {
            reasons.add(Text.of("reason.adultsOnly"));
        }
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        List<Contribution> points = new ArrayList<>();
        add(points, "heartFailure", in.flag("heartFailure").get() ? 1 : 0);
        add(points, "hypertension", in.flag("hypertension").get() ? 1 : 0);
        add(points, "age", age >= 75 ? 2 : age >= 65 ? 1 : 0);
        add(points, "diabetes", in.flag("diabetes").get() ? 1 : 0);
        add(points, "strokeTiaThromboembolism", in.flag("strokeTiaThromboembolism").get() ? 2 : 0);
        add(points, "vascularDisease", in.flag("vascularDisease").get() ? 1 : 0);
        add(points, "sex", in.choice("sex").get().equals("female") ? 1 : 0);
        int score = (int) points.stream().mapToDouble(Contribution::amount).sum();
        return Evaluation.of(REF, score, "points", category(score), points);
    }

    /** Lip et al. 2010: 0 low, 1 intermediate, 2 or more high risk. */
    static String category(int score) {
        return score == 0 ? "low" : score == 1 ? "intermediate" : "high";
    }

    private static void add(List<Contribution> points, String input, int amount) {
        points.add(new Contribution(input, amount, "points"));
    }
}
