package org.outpost.app.dosing;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.Contribution;
import org.outpost.app.text.Text;

/**
 * One person's values as the DOAC label rules read them.
 *
 * @param age                       completed years
 * @param weightKg                  actual body weight, rounded to 0.1 kg as a scale reports it
 * @param creatinine                serum creatinine in mg/dL rounded to 0.01 as a laboratory reports it; NaN
 *                                  on dialysis (not read)
 * @param crcl                      Cockcroft–Gault creatinine clearance on actual body weight, mL/min rounded
 *                                  to 0.1 (as {@link CockcroftGault} reports it); NaN on dialysis and for
 *                                  apixaban, whose label does not use it
 * @param dialysis                  on dialysis for end-stage renal disease
 * @param strongCyp3aPgpInhibitor   taking a combined P-gp and strong CYP3A4 inhibitor
 * @param pgpInhibitor              taking a P-gp inhibitor (of those the PRADAXA label names)
 * @param dronedaroneOrKetoconazole taking dronedarone or systemic ketoconazole
 * @param strongCyp3aPgpInducer     taking a combined P-gp and strong CYP3A4 inducer
 */
record DoacPatient(double age, double weightKg, double creatinine, double crcl, boolean dialysis,
                   boolean strongCyp3aPgpInhibitor, boolean pgpInhibitor, boolean dronedaroneOrKetoconazole,
                   boolean strongCyp3aPgpInducer) {
    static final String CRITERIA = "criteria";

    /** "CrCl 45.3 mL/min" */
    String crclText() {
        return "CrCl " + Measure.format(crcl) + " mL/min";
    }

    /** {@link #crclText()} as a clinical text, with the clearance as a number. */
    Text crclKeyed() {
        return Text.of("advice.doac.crcl", crcl);
    }

    /** Any P-gp inhibitor: a combined P-gp and strong CYP3A4 inhibitor is one too. */
    boolean anyPgpInhibitor() {
        return pgpInhibitor || strongCyp3aPgpInhibitor || dronedaroneOrKetoconazole;
    }

    /** The name of the set flag that makes {@link #anyPgpInhibitor()} true (the most specific first). */
    String pgpFlag() {
        return dronedaroneOrKetoconazole ? DoacDose.DRONEDARONE_OR_KETOCONAZOLE
                : strongCyp3aPgpInhibitor ? DoacDose.STRONG_INHIBITOR : DoacDose.PGP_INHIBITOR;
    }

    /**
     * The renal term that decided a creatinine-clearance rule: {@code creatinine} = the clearance in mL/min,
     * or {@code dialysis} = 1 criterion when the person is on dialysis and the clearance is not used.
     */
    List<Contribution> renal() {
        List<Contribution> c = new ArrayList<>();
        c.add(dialysis ? new Contribution("dialysis", 1, CRITERIA) : new Contribution("creatinine", crcl, "mL/min"));
        return c;
    }

    /** Adds 1 criterion for {@code input} (an interaction flag that decided the advice). */
    static List<Contribution> with(List<Contribution> terms, String input) {
        List<Contribution> c = new ArrayList<>(terms);
        c.add(new Contribution(input, 1, CRITERIA));
        return c;
    }
}
