package org.outpost.app.dosing;

import java.util.List;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.text.Text;

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
                    p.dialysis() ? Text.of("advice.doac.dabigatran.notRecommended.dialysis")
                            : Text.of("advice.doac.dabigatran.notRecommended", p.crclKeyed()),
                    DOSE_SECTION, terms);
        }
        if (p.strongCyp3aPgpInducer()) {
            return DoacDose.avoid("avoid: P-gp inducer",
                    Text.of("advice.doac.dabigatran.avoidInducer"),
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.STRONG_INDUCER));
        }
        if (p.crcl() <= 30) {
            if (p.anyPgpInhibitor()) {
                return DoacDose.avoid("avoid: " + p.crclText() + " with a P-gp inhibitor",
                        Text.of("advice.doac.dabigatran.avoidInhibitor", p.crclKeyed()),
                        INTERACTION_SECTION, DoacPatient.with(terms, p.pgpFlag()));
            }
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(75, "mg", TWICE_DAILY),
                    "reduced dose: " + p.crclText(),
                    Text.of("advice.doac.dabigatran.reduce", p.crclKeyed()),
                    DOSE_SECTION, terms);
        }
        if (p.crcl() <= 50 && p.dronedaroneOrKetoconazole()) {
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(75, "mg", TWICE_DAILY),
                    "reduced dose: " + p.crclText() + " with dronedarone or systemic ketoconazole",
                    Text.of("advice.doac.dabigatran.reduceInhibitor", p.crclKeyed()),
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.DRONEDARONE_OR_KETOCONAZOLE));
        }
        Text pgpNote = p.anyPgpInhibitor() ? Text.of("advice.doac.dabigatran.pgpNote") : Text.empty();
        return DoacDose.dose(Severity.LOW, new SuggestedDose(150, "mg", TWICE_DAILY), "standard dose",
                Text.of("advice.doac.dabigatran.standard", p.crclKeyed(), pgpNote),
                DOSE_SECTION, terms);
    }
}
