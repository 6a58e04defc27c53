package org.outpost.app.dosing;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.domain.Measure;
import org.outpost.app.text.Text;

/** What the creatinine-based equations (Cockcroft–Gault, CKD-EPI 2021) share: who they apply to. */
final class CreatinineEquations {
    /** Below this serum creatinine (mg/dL) both equations run away towards infinity; not from either paper. */
    static final double MIN_CREATININE = 0.2;

    private CreatinineEquations() {
    }

    /** Reasons the equations do not apply: a minor, or a creatinine too low to estimate from. */
    static List<Text> reasonsNotApplicable(ModelInputs in) {
        List<Text> reasons = new ArrayList<>();
        if (in.number("age").orElse(Double.NaN) < 18) {
            reasons.add(Text.of("reason.adultsOnly"));
        }
        if (in.number("creatinine").orElse(Double.NaN) < MIN_CREATININE) {
            reasons.add(Text.of("reason.creatinine.tooLow", Measure.format(MIN_CREATININE)));
        }
        return reasons;
    }
}
