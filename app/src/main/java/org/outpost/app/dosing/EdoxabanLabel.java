package org.outpost.app.dosing;

import java.util.List;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;

/**
 * SAVAYSA (edoxaban) in non-valvular atrial fibrillation, US PI (see {@link DoacDose}): boxed warning and §2.1
 * do not use at CrCl &gt; 95 mL/min; §2.1 CrCl &gt; 50 to ≤ 95 mL/min 60 mg, CrCl 15–50 mL/min 30 mg, once daily;
 * §8.6 not recommended at CrCl &lt; 15 mL/min (Outpost: nor on dialysis); §7 avoid rifampin (Outpost: any
 * combined P-gp and strong CYP3A4 inducer); no dose reduction for P-gp inhibitors in NVAF.
 */
final class EdoxabanLabel {
    static final String DOSE_SECTION = "SAVAYSA PI \u00a72.1";
    static final String HIGH_CRCL_SECTION = "SAVAYSA PI boxed warning; \u00a72.1; \u00a75.1";
    static final String LOW_CRCL_SECTION = "SAVAYSA PI \u00a72.1; \u00a78.6";
    static final String INTERACTION_SECTION = "SAVAYSA PI \u00a77";
    static final String ONCE_DAILY = "once daily";

    private EdoxabanLabel() {
    }

    static Evaluation advise(DoacPatient p) {
        List<Contribution> terms = p.renal();
        if (p.dialysis() || p.crcl() < 15) {
            String why = p.dialysis() ? "on dialysis" : p.crclText();
            return DoacDose.avoid("not recommended: " + why,
                    "Edoxaban is not recommended: " + why + (p.dialysis() ? "" : " is below 15 mL/min")
                            + " \u2014 the label does not recommend it at CrCl < 15 mL/min. Choose another anticoagulant.",
                    LOW_CRCL_SECTION, terms);
        }
        if (p.crcl() > 95) {
            return DoacDose.avoid("do not use: " + p.crclText(),
                    "Do not use edoxaban: " + p.crclText() + " (Cockcroft\u2013Gault, actual body weight) is above "
                            + "95 mL/min \u2014 reduced efficacy: more ischemic strokes than with warfarin in ENGAGE "
                            + "AF-TIMI 48 (boxed warning). Use another anticoagulant.",
                    HIGH_CRCL_SECTION, terms);
        }
        if (p.strongCyp3aPgpInducer()) {
            return DoacDose.avoid("avoid: P-gp inducer",
                    "Avoid edoxaban with rifampin (the label's P-gp inducer; Outpost applies it to every combined "
                            + "P-gp and strong CYP3A4 inducer): it decreases edoxaban exposure.",
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.STRONG_INDUCER));
        }
        String pgpNote = p.anyPgpInhibitor()
                ? " No dose reduction for the P-gp inhibitor in atrial fibrillation (reduced doses gave lower "
                        + "edoxaban levels in ENGAGE AF-TIMI 48)."
                : "";
        if (p.crcl() <= 50) {
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(30, "mg", ONCE_DAILY),
                    "reduced dose: " + p.crclText(),
                    "Edoxaban 30 mg once daily: " + p.crclText()
                            + " (Cockcroft\u2013Gault, actual body weight) is 15\u201350 mL/min." + pgpNote,
                    DOSE_SECTION, terms);
        }
        return DoacDose.dose(Severity.LOW, new SuggestedDose(60, "mg", ONCE_DAILY), "standard dose",
                "Edoxaban 60 mg once daily: " + p.crclText()
                        + " (Cockcroft\u2013Gault, actual body weight) is above 50 and at most 95 mL/min." + pgpNote,
                DOSE_SECTION, terms);
    }
}
