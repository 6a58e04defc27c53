package org.outpost.app.dosing;

import static org.outpost.app.dosing.DoacDose.LE;

import java.util.List;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;

/**
 * PRADAXA (dabigatran etexilate) in non-valvular atrial fibrillation, US PI (see {@link DoacDose}): §2 Table 1
 * CrCl &gt; 30 mL/min 150 mg, CrCl 15–30 mL/min 75 mg, twice daily; CrCl &lt; 15 mL/min or on dialysis no dosing
 * recommendation; CrCl 30–50 mL/min with dronedarone or systemic ketoconazole 75 mg; CrCl ≤ 30 mL/min with a
 * P-gp inhibitor avoid (Table 1 "&lt; 30", §7 "15–30": the stricter is taken); §7 avoid P-gp inducers.
 */
final class DabigatranLabel {
    static final String DOSE_SECTION = "PRADAXA PI \u00a72, Table 1 (NVAF)";
    static final String INTERACTION_SECTION = "PRADAXA PI \u00a72, Table 1 (NVAF); \u00a77";
    static final String TWICE_DAILY = "twice daily";

    private DabigatranLabel() {
    }

    static Evaluation advise(DoacPatient p) {
        List<Contribution> terms = p.renal();
        if (p.dialysis() || p.crcl() < 15) {
            String why = p.dialysis() ? "on dialysis" : p.crclText();
            return DoacDose.avoid("not recommended: " + why,
                    "Dabigatran is not recommended: " + why + (p.dialysis() ? "" : " is below 15 mL/min")
                            + " \u2014 the label says dosing recommendations cannot be provided for CrCl < 15 mL/min "
                            + "or on dialysis. Choose another anticoagulant.",
                    DOSE_SECTION, terms);
        }
        if (p.strongCyp3aPgpInducer()) {
            return DoacDose.avoid("avoid: P-gp inducer",
                    "Avoid dabigatran with a P-gp inducer (e.g., rifampin): it reduces dabigatran exposure.",
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.STRONG_INDUCER));
        }
        if (p.crcl() <= 30) {
            if (p.anyPgpInhibitor()) {
                return DoacDose.avoid("avoid: " + p.crclText() + " with a P-gp inhibitor",
                        "Avoid dabigatran with a P-gp inhibitor at " + p.crclText() + " (" + LE
                                + " 30 mL/min): P-gp inhibition and severe renal impairment together raise "
                                + "dabigatran exposure beyond either alone.",
                        INTERACTION_SECTION, DoacPatient.with(terms, p.pgpFlag()));
            }
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(75, "mg", TWICE_DAILY),
                    "reduced dose: " + p.crclText(),
                    "Dabigatran 75 mg twice daily: " + p.crclText()
                            + " (Cockcroft\u2013Gault, actual body weight) is 15\u201330 mL/min.",
                    DOSE_SECTION, terms);
        }
        if (p.crcl() <= 50 && p.dronedaroneOrKetoconazole()) {
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(75, "mg", TWICE_DAILY),
                    "reduced dose: " + p.crclText() + " with dronedarone or systemic ketoconazole",
                    "Dabigatran 75 mg twice daily: " + p.crclText() + " (30\u201350 mL/min) with dronedarone or "
                            + "systemic ketoconazole. Other P-gp inhibitors need no adjustment at this clearance.",
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.DRONEDARONE_OR_KETOCONAZOLE));
        }
        String pgpNote = p.anyPgpInhibitor()
                ? " The P-gp inhibitor needs no dose adjustment at this clearance (verapamil, amiodarone, quinidine, "
                        + "clarithromycin, ticagrelor; at CrCl 30\u201350 mL/min dronedarone or systemic "
                        + "ketoconazole would lower the dose to 75 mg)."
                : "";
        return DoacDose.dose(Severity.LOW, new SuggestedDose(150, "mg", TWICE_DAILY), "standard dose",
                "Dabigatran 150 mg twice daily: " + p.crclText()
                        + " (Cockcroft\u2013Gault, actual body weight) is above 30 mL/min." + pgpNote,
                DOSE_SECTION, terms);
    }
}
