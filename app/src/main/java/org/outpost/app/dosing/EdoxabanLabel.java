package org.outpost.app.dosing;

import java.util.List;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.text.Text;

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
                    p.dialysis() ? Text.of("advice.doac.edoxaban.notRecommended.dialysis")
                            : Text.of("advice.doac.edoxaban.notRecommended", p.crclKeyed()),
                    LOW_CRCL_SECTION, terms);
        }
        if (p.crcl() > 95) {
            return DoacDose.avoid("do not use: " + p.crclText(),
                    Text.of("advice.doac.edoxaban.highCrcl", p.crclKeyed()),
                    HIGH_CRCL_SECTION, terms);
        }
        if (p.strongCyp3aPgpInducer()) {
            return DoacDose.avoid("avoid: P-gp inducer",
                    Text.of("advice.doac.edoxaban.avoidInducer"),
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.STRONG_INDUCER));
        }
        Text pgpNote = p.anyPgpInhibitor() ? Text.of("advice.doac.edoxaban.pgpNote") : Text.empty();
        if (p.crcl() <= 50) {
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(30, "mg", ONCE_DAILY),
                    "reduced dose: " + p.crclText(),
                    Text.of("advice.doac.edoxaban.reduce", p.crclKeyed(), pgpNote),
                    DOSE_SECTION, terms);
        }
        return DoacDose.dose(Severity.LOW, new SuggestedDose(60, "mg", ONCE_DAILY), "standard dose",
                Text.of("advice.doac.edoxaban.standard", p.crclKeyed(), pgpNote),
                DOSE_SECTION, terms);
    }
}
