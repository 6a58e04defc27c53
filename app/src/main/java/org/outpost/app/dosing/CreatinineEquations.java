package org.outpost.app.dosing;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.model.ModelInputs;

/** What the creatinine-based equations (Cockcroft–Gault, CKD-EPI 2021) share: who they apply to. */
final class CreatinineEquations {
    /** Below this serum creatinine (mg/dL) both equations run away towards infinity; not from either paper. */
    static final double MIN_CREATININE = 0.2;

    private CreatinineEquations() {
    }

    /** Reasons the equations do not apply: a minor, or a creatinine too low to estimate from. */
    static List<String> reasonsNotApplicable(ModelInputs in) {
        List<String> reasons = new ArrayList<>();
        if (in.number("age").orElse(Double.NaN) < 18) {
            reasons.add("Validated in adults (18 years and older)");
        }
        if (in.number("creatinine").orElse(Double.NaN) < MIN_CREATININE) {
            reasons.add("Serum creatinine below " + MIN_CREATININE + " mg/dL: the estimate is not reliable");
        }
        return reasons;
    }
}
