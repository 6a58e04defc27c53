package org.outpost.app.dosing;

import java.util.List;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.text.Text;

/**
 * XARELTO (rivaroxaban) in non-valvular atrial fibrillation, US PI (see {@link DoacDose}): §2.1 Table 1 CrCl &gt;
 * 50 mL/min 20 mg, CrCl ≤ 50 mL/min 15 mg, once daily with the evening meal; §8.6 ESRD on dialysis 15 mg; §7
 * avoid combined P-gp and strong CYP3A inhibitors or inducers. A P-gp inhibitor with CrCl &lt; 80 mL/min gives
 * a caution: XARELTO should not be used with combined P-gp and <i>moderate</i> CYP3A inhibitors (e.g.,
 * erythromycin) at CrCl 15 to &lt; 80 mL/min unless the benefit justifies the risk (§7/§8.6); the flag cannot
 * tell which P-gp inhibitor, so Outpost asks the prescriber to check.
 */
final class RivaroxabanLabel {
    static final String DOSE_SECTION = "XARELTO PI \u00a72.1, Table 1";
    static final String RENAL_SECTION = "XARELTO PI \u00a72.1, Table 1; \u00a78.6";
    static final String INTERACTION_SECTION = "XARELTO PI \u00a77";
    static final String EVENING = "once daily with the evening meal";

    private RivaroxabanLabel() {
    }

    static Evaluation advise(DoacPatient p) {
        List<Contribution> terms = p.renal();
        if (p.strongCyp3aPgpInhibitor()) {
            return DoacDose.avoid("avoid: combined P-gp and strong CYP3A inhibitor",
                    Text.of("advice.doac.rivaroxaban.avoidInhibitor"),
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.STRONG_INHIBITOR));
        }
        if (p.strongCyp3aPgpInducer()) {
            return DoacDose.avoid("avoid: combined P-gp and strong CYP3A inducer",
                    Text.of("advice.doac.rivaroxaban.avoidInducer"),
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.STRONG_INDUCER));
        }
        if (p.dialysis()) {
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(15, "mg", EVENING), "reduced dose: on dialysis",
                    Text.of("advice.doac.rivaroxaban.dialysis"),
                    RENAL_SECTION, terms);
        }
        boolean cautious = p.anyPgpInhibitor() && p.crcl() < 80;
        Text caution = cautious ? Text.of("advice.doac.rivaroxaban.pgpCaution") : Text.empty();
        List<Contribution> decided = !cautious ? terms : DoacPatient.with(terms, p.pgpFlag());
        if (p.crcl() > 50) {
            return DoacDose.dose(!cautious ? Severity.LOW : Severity.MODERATE,
                    new SuggestedDose(20, "mg", EVENING), "standard dose",
                    Text.of("advice.doac.rivaroxaban.standard", p.crclKeyed(), caution),
                    DOSE_SECTION, decided);
        }
        Text note = p.crcl() < 15 ? Text.of("advice.doac.rivaroxaban.below15")
                : p.crcl() < 30 ? Text.of("advice.doac.rivaroxaban.below30") : Text.empty();
        return DoacDose.dose(Severity.MODERATE, new SuggestedDose(15, "mg", EVENING),
                "reduced dose: " + p.crclText(),
                Text.of("advice.doac.rivaroxaban.reduce", p.crclKeyed(), note, caution),
                p.crcl() < 30 ? RENAL_SECTION : DOSE_SECTION, decided);
    }
}
