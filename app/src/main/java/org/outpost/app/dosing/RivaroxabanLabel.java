package org.outpost.app.dosing;

import static org.outpost.app.dosing.DoacDose.LE;

import java.util.List;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;

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
                    "Avoid rivaroxaban with a combined P-gp and strong CYP3A inhibitor (e.g., ketoconazole, "
                            + "itraconazole, ritonavir, conivaptan): it increases rivaroxaban exposure and bleeding risk.",
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.STRONG_INHIBITOR));
        }
        if (p.strongCyp3aPgpInducer()) {
            return DoacDose.avoid("avoid: combined P-gp and strong CYP3A inducer",
                    "Avoid rivaroxaban with a combined P-gp and strong CYP3A inducer (e.g., carbamazepine, "
                            + "phenytoin, rifampin, St. John's wort): it decreases rivaroxaban exposure.",
                    INTERACTION_SECTION, DoacPatient.with(terms, DoacDose.STRONG_INDUCER));
        }
        if (p.dialysis()) {
            return DoacDose.dose(Severity.MODERATE, new SuggestedDose(15, "mg", EVENING), "reduced dose: on dialysis",
                    "Rivaroxaban 15 mg once daily with the evening meal: in ESRD on intermittent haemodialysis this "
                            + "gives concentrations similar to ROCKET AF's, but efficacy and safety on dialysis "
                            + "were not studied.",
                    RENAL_SECTION, terms);
        }
        String caution = p.anyPgpInhibitor() && p.crcl() < 80
                ? " With a P-gp inhibitor at CrCl < 80 mL/min: if it is also a moderate CYP3A inhibitor (e.g., "
                        + "erythromycin, diltiazem, verapamil, dronedarone), the label advises against rivaroxaban "
                        + "unless the benefit justifies the risk."
                : "";
        List<Contribution> decided = caution.isEmpty() ? terms : DoacPatient.with(terms, p.pgpFlag());
        if (p.crcl() > 50) {
            return DoacDose.dose(caution.isEmpty() ? Severity.LOW : Severity.MODERATE,
                    new SuggestedDose(20, "mg", EVENING), "standard dose",
                    "Rivaroxaban 20 mg once daily with the evening meal: " + p.crclText()
                            + " (Cockcroft\u2013Gault, actual body weight) is above 50 mL/min." + caution,
                    DOSE_SECTION, decided);
        }
        String note = p.crcl() < 15
                ? " Below 15 mL/min off dialysis the label gives only Table 1 (no trial data; labels before "
                        + "about 2016 said to avoid rivaroxaban here): weigh another anticoagulant."
                : p.crcl() < 30
                        ? " CrCl 15\u201330 mL/min was not studied in ROCKET AF; 15 mg is expected to give similar "
                                + "concentrations. Observe for bleeding."
                        : "";
        return DoacDose.dose(Severity.MODERATE, new SuggestedDose(15, "mg", EVENING),
                "reduced dose: " + p.crclText(),
                "Rivaroxaban 15 mg once daily with the evening meal: " + p.crclText()
                        + " (Cockcroft\u2013Gault, actual body weight) is " + LE + " 50 mL/min." + note + caution,
                p.crcl() < 30 ? RENAL_SECTION : DOSE_SECTION, decided);
    }
}
