package org.outpost.app.dosing;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.text.Text;

/**
 * ELIQUIS (apixaban) in non-valvular atrial fibrillation, US PI rev. 04/2025 (see {@link DoacDose}): 5 mg twice
 * daily; 2.5 mg twice daily with at least two of age ≥ 80 y, weight ≤ 60 kg, serum creatinine ≥ 1.5 mg/dL; on
 * dialysis the renal criterion counts as met (the label: 2.5 mg if age ≥ 80 y or weight ≤ 60 kg); a combined
 * P-gp and strong CYP3A4 inhibitor halves 5 mg to 2.5 mg and is to be avoided with 2.5 mg; a combined P-gp and
 * strong CYP3A4 inducer is to be avoided.
 */
final class ApixabanLabel {
    static final String DOSE_SECTION = "ELIQUIS PI \u00a72, Recommended Dose (NVAF)";
    static final String DIALYSIS_SECTION = "ELIQUIS PI \u00a72, Dosage Adjustments (ESRD on dialysis); \u00a78.6";
    static final String INTERACTION_SECTION = "ELIQUIS PI \u00a72, Dosage Adjustments; \u00a77";
    static final String TWICE_DAILY = "twice daily";

    private ApixabanLabel() {
    }

    static Evaluation advise(DoacPatient p) {
        boolean old = p.age() >= 80;
        boolean light = p.weightKg() <= 60;
        boolean renal = p.dialysis() || p.creatinine() >= 1.5;
        List<Contribution> terms = new ArrayList<>();
        terms.add(new Contribution("age", old ? 1 : 0, DoacPatient.CRITERIA));
        terms.add(new Contribution("weight", light ? 1 : 0, DoacPatient.CRITERIA));
        terms.add(p.dialysis() ? new Contribution("dialysis", 1, DoacPatient.CRITERIA)
                : new Contribution("creatinine", renal ? 1 : 0, DoacPatient.CRITERIA));
        List<Text> met = new ArrayList<>();
        if (p.dialysis()) {
            met.add(Text.of("advice.doac.apixaban.criterion.dialysis"));
        }
        if (old) {
            met.add(Text.of("advice.doac.apixaban.criterion.age"));
        }
        if (light) {
            met.add(Text.of("advice.doac.apixaban.criterion.weight"));
        }
        if (renal && !p.dialysis()) {
            met.add(Text.of("advice.doac.apixaban.criterion.creatinine"));
        }
        boolean reduced = met.size() >= 2;
        String section = p.dialysis() ? DIALYSIS_SECTION : DOSE_SECTION;

        if (p.strongCyp3aPgpInducer()) {
            return DoacDose.avoid("avoid: combined P-gp and strong CYP3A4 inducer",
                    Text.of("advice.doac.apixaban.avoidInducer"),
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.STRONG_INDUCER));
        }
        if (p.strongCyp3aPgpInhibitor()) {
            List<Contribution> withInhibitor = DoacPatient.with(terms, DoacDose.STRONG_INHIBITOR);
            if (reduced) {
                return DoacDose.avoid("avoid: 2.5 mg dose with a combined P-gp and strong CYP3A4 inhibitor",
                        Text.of("advice.doac.apixaban.avoidInhibitor", join(met)),
                        INTERACTION_SECTION, withInhibitor);
            }
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(2.5, "mg", TWICE_DAILY),
                    "reduced dose: combined P-gp and strong CYP3A4 inhibitor",
                    Text.of("advice.doac.apixaban.reduceInhibitor"),
                    INTERACTION_SECTION, withInhibitor);
        }
        if (reduced) {
            Text because = join(met);
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(2.5, "mg", TWICE_DAILY),
                    "reduced dose: " + because.english(),
                    Text.of(p.dialysis() ? "advice.doac.apixaban.reduce.dialysis" : "advice.doac.apixaban.reduce",
                            because),
                    section, terms);
        }
        Text which = met.isEmpty() ? Text.of("advice.doac.apixaban.noCriterion")
                : Text.of("advice.doac.apixaban.onlyMet", join(met));
        return DoacDose.dose(Severity.LOW, new SuggestedDose(5, "mg", TWICE_DAILY), "standard dose",
                Text.of(p.dialysis() ? "advice.doac.apixaban.standard.dialysis" : "advice.doac.apixaban.standard",
                        which),
                section, terms);
    }

    /** "a", "a and b", "a, b and c" in the reader's language ({@code advice.join.and}, {@code advice.join.comma}). */
    static Text join(List<Text> parts) {
        if (parts.isEmpty()) {
            return Text.empty();
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        Text head = parts.getFirst();
        for (Text next : parts.subList(1, parts.size() - 1)) {
            head = Text.of("advice.join.comma", head, next);
        }
        return Text.of("advice.join.and", head, parts.getLast());
    }
}
