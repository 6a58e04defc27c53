package org.outpost.app.risk;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.text.Text;

/**
 * FINDRISC, the Finnish Diabetes Risk Score: the 10-year risk of type 2 diabetes from an eight-item
 * questionnaire, without a blood test.
 *
 * <p>Source: Lindström J, Tuomilehto J. "The diabetes risk score: a practical tool to predict type 2
 * diabetes risk." Diabetes Care 2003;26(3):725–731 (doi:10.2337/diacare.26.3.725), as used in practice on
 * the published "Type 2 Diabetes Risk Assessment Form" (Finnish Diabetes Association; "test designed by
 * Professor Jaakko Tuomilehto … and Jaana Lindström"), which this class follows item for item.
 *
 * <p>Points (the published form): age under 45 0, 45–54 2, 55–64 3, over 64 4; BMI under 25 kg/m² 0, 25–30
 * 1, over 30 3; waist (men) under 94 cm 0, 94–102 3, over 102 4, (women) under 80 cm 0, 80–88 3, over 88 4;
 * not at least 30 minutes of physical activity daily 2; vegetables, fruit or berries not every day 1;
 * ever on regular antihypertensive medication 2; ever found to have high blood glucose 5; diabetes in a
 * grandparent, aunt, uncle or first cousin (but no parent, sibling or child) 3, in a parent, sibling or own
 * child 5. Range 0–26. The form's bands (10-year risk of type 2 diabetes): under 7 low (about 1 in 100),
 * 7–11 slightly elevated (1 in 25), 12–14 moderate (1 in 6), 15–20 high (1 in 3), over 20 very high (1 in 2).
 *
 * <p>How the form differs from the 2003 paper (its abstract): the paper's score has seven items (age,
 * BMI, waist, antihypertensive drugs, history of high blood glucose, physical activity, daily fruit,
 * berries or vegetables; no family history), ranges 0–20, was derived in 35–64-year-olds and reports a
 * single cut-off (≥ 9) rather than bands. The family-history item, the 0–26 range and the five bands
 * come from the later questionnaire, the one screening programmes and validations use (e.g. HUNT3:
 * Jølle A et al., BMJ Open Diabetes Res Care 2019;7:e000769, "the current 0–26 point FINDRISC scale").
 *
 * <p>Boundaries follow the form's wording: "25–30" and "94–102" include both ends, "over 30" and "over
 * 102" start above them; age counts completed years. Validated range: adults (≥ 18 years) without known
 * diabetes; not applicable to someone already diagnosed with diabetes.
 */
public final class Findrisc implements ClinicalModel {
    static final ModelRef REF = new ModelRef("findrisc", "1.0.0", "FINDRISC (Finnish Diabetes Risk Score)",
            "Lindstr\u00f6m J, Tuomilehto J. Diabetes Care 2003;26(3):725-731; items, points and bands as on the "
                    + "published Type 2 Diabetes Risk Assessment Form (0-26 points)");

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 0, 120, "input.findrisc.age"),
            InputSpec.choice("sex", List.of("female", "male"), "input.findrisc.sex"),
            InputSpec.number("bmi", "kg/m\u00b2", 10, 100, "input.findrisc.bmi"),
            InputSpec.number("waistCm", "cm", 30, 250, "input.findrisc.waistCm"),
            InputSpec.flag("physicallyActive", "input.findrisc.physicallyActive"),
            InputSpec.flag("dailyVegetables", "input.findrisc.dailyVegetables"),
            InputSpec.flag("bpMedication", "input.findrisc.bpMedication"),
            InputSpec.flag("highGlucoseHistory", "input.findrisc.highGlucoseHistory"),
            InputSpec.choice("familyHistory", List.of("none", "second_degree", "first_degree"),
                    "input.findrisc.familyHistory"),
            InputSpec.flag("diabetes", "input.findrisc.diabetes"));

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
        List<String> missing = in.absent("age", "sex", "bmi", "waistCm", "physicallyActive", "dailyVegetables",
                "bpMedication", "highGlucoseHistory", "familyHistory");
        List<Text> reasons = new ArrayList<>();
        if (in.flag("diabetes").orElse(false)) {
            reasons.add(Text.of("reason.findrisc.diabetes"));
        }
        double age = in.number("age").orElse(Double.NaN);
        if (age < 18) {
            reasons.add(Text.of("reason.adultsOnly"));
        }
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        boolean female = in.choice("sex").get().equals("female");
        List<Contribution> points = new ArrayList<>();
        add(points, "age", agePoints(age));
        add(points, "bmi", bmiPoints(in.number("bmi").getAsDouble()));
        add(points, "waistCm", waistPoints(in.number("waistCm").getAsDouble(), female));
        add(points, "physicallyActive", in.flag("physicallyActive").get() ? 0 : 2);
        add(points, "dailyVegetables", in.flag("dailyVegetables").get() ? 0 : 1);
        add(points, "bpMedication", in.flag("bpMedication").get() ? 2 : 0);
        add(points, "highGlucoseHistory", in.flag("highGlucoseHistory").get() ? 5 : 0);
        add(points, "familyHistory", switch (in.choice("familyHistory").get()) {
            case "first_degree" -> 5;
            case "second_degree" -> 3;
            default -> 0;
        });
        int score = (int) points.stream().mapToDouble(Contribution::amount).sum();
        return Evaluation.of(REF, score, "points", category(score), points);
    }

    /** Under 45 years 0, 45–54 2, 55–64 3, over 64 4 (completed years). */
    static int agePoints(double age) {
        return age < 45 ? 0 : age < 55 ? 2 : age < 65 ? 3 : 4;
    }

    /** Under 25 kg/m² 0, 25–30 1, over 30 3. */
    static int bmiPoints(double bmi) {
        return bmi < 25 ? 0 : bmi <= 30 ? 1 : 3;
    }

    /** Men: under 94 cm 0, 94–102 3, over 102 4. Women: under 80 cm 0, 80–88 3, over 88 4. */
    static int waistPoints(double waistCm, boolean female) {
        double low = female ? 80 : 94;
        double high = female ? 88 : 102;
        return waistCm < low ? 0 : waistCm <= high ? 3 : 4;
    }

    /** The form's band name for a score. */
    static String band(int score) {
        return score < 7 ? "low" : score <= 11 ? "slightly elevated" : score <= 14 ? "moderate"
                : score <= 20 ? "high" : "very high";
    }

    /** The band with the form's estimate of how many develop type 2 diabetes within 10 years. */
    static String category(int score) {
        String estimate = score < 7 ? "1 in 100" : score <= 11 ? "1 in 25" : score <= 14 ? "1 in 6"
                : score <= 20 ? "1 in 3" : "1 in 2";
        return band(score) + ": an estimated " + estimate + " will develop type 2 diabetes within 10 years";
    }

    private static void add(List<Contribution> points, String input, int amount) {
        points.add(new Contribution(input, amount, "points"));
    }
}
