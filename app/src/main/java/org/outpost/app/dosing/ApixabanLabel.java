package org.outpost.app.dosing;

import static org.outpost.app.dosing.DoacDose.GE;
import static org.outpost.app.dosing.DoacDose.LE;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;

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
    static final String CRITERIA_TEXT = "the ELIQUIS dose-reduction criteria are age " + GE + " 80 y, weight "
            + LE + " 60 kg and serum creatinine " + GE + " 1.5 mg/dL; 2.5 mg twice daily with at least two";

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
        List<String> met = new ArrayList<>();
        if (p.dialysis()) {
            met.add("on dialysis");
        }
        if (old) {
            met.add("age " + GE + " 80 y");
        }
        if (light) {
            met.add("weight " + LE + " 60 kg");
        }
        if (renal && !p.dialysis()) {
            met.add("serum creatinine " + GE + " 1.5 mg/dL");
        }
        boolean reduced = met.size() >= 2;
        String section = p.dialysis() ? DIALYSIS_SECTION : DOSE_SECTION;

        if (p.strongCyp3aPgpInducer()) {
            return DoacDose.avoid("avoid: combined P-gp and strong CYP3A4 inducer",
                    "Avoid apixaban with a combined P-gp and strong CYP3A4 inducer (e.g., rifampin, carbamazepine, "
                            + "phenytoin, St. John's wort): it decreases apixaban exposure. Choose another "
                            + "anticoagulant or stop the inducer.",
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.STRONG_INDUCER));
        }
        if (p.strongCyp3aPgpInhibitor()) {
            List<Contribution> withInhibitor = DoacPatient.with(terms, DoacDose.STRONG_INHIBITOR);
            if (reduced) {
                return DoacDose.avoid("avoid: 2.5 mg dose with a combined P-gp and strong CYP3A4 inhibitor",
                        "Avoid apixaban with a combined P-gp and strong CYP3A4 inhibitor (e.g., ketoconazole, "
                                + "itraconazole, ritonavir): the dose is already 2.5 mg twice daily ("
                                + join(met) + ") and the label says to avoid the combination at that dose.",
                        INTERACTION_SECTION, withInhibitor);
            }
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(2.5, "mg", TWICE_DAILY),
                    "reduced dose: combined P-gp and strong CYP3A4 inhibitor",
                    "Apixaban 2.5 mg twice daily: the 5 mg dose is reduced by 50 % with a combined P-gp and strong "
                            + "CYP3A4 inhibitor (e.g., ketoconazole, itraconazole, ritonavir; not clarithromycin). "
                            + "Return to 5 mg twice daily when the inhibitor stops.",
                    INTERACTION_SECTION, withInhibitor);
        }
        if (reduced) {
            String because = join(met);
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(2.5, "mg", TWICE_DAILY),
                    "reduced dose: " + because,
                    "Apixaban 2.5 mg twice daily: " + because + (p.dialysis()
                            ? " (on dialysis: 2.5 mg twice daily if age " + GE + " 80 y or weight " + LE + " 60 kg)."
                            : " \u2014 " + CRITERIA_TEXT + "."),
                    section, terms);
        }
        String which = met.isEmpty() ? "no dose-reduction criterion met" : "only " + join(met) + " met";
        return DoacDose.dose(Severity.LOW, new SuggestedDose(5, "mg", TWICE_DAILY), "standard dose",
                "Apixaban 5 mg twice daily: " + which + (p.dialysis()
                        ? " (on dialysis: 5 mg twice daily unless age " + GE + " 80 y or weight " + LE + " 60 kg)."
                        : " \u2014 " + CRITERIA_TEXT + "."),
                section, terms);
    }

    /** "a", "a and b", "a, b and c" */
    static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }
}
