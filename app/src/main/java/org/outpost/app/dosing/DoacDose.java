package org.outpost.app.dosing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.model.ValidatedRange;
import org.outpost.app.text.Text;

/**
 * Dose of a direct oral anticoagulant (DOAC) to reduce the risk of stroke and systemic embolism in adults with
 * non-valvular atrial fibrillation, by the current US prescribing information (FDA labels).
 *
 * <p>Sources — the US prescribing information (PI) of each product; "§" is the PI section, its heading given
 * where the numbering differs between revisions:
 * <ul>
 *   <li><b>ELIQUIS</b> (apixaban), Bristol-Myers Squibb/Pfizer, rev. 04/2025 — §2 Dosage and Administration,
 *       "Recommended Dose" (NVAF): "The recommended dose of ELIQUIS for most patients is 5 mg taken orally
 *       twice daily. The recommended dose of ELIQUIS is 2.5 mg twice daily in patients with at least two of
 *       the following characteristics: age greater than or equal to 80 years, body weight less than or equal
 *       to 60 kg, serum creatinine greater than or equal to 1.5 mg/dL"; "Dosage Adjustments": with combined
 *       P-gp and strong CYP3A4 inhibitors (e.g., ketoconazole, itraconazole, ritonavir) reduce a 5 mg or 10 mg
 *       twice-daily dose by 50 %, and avoid them with 2.5 mg twice daily; ESRD on dialysis 5 mg twice daily,
 *       2.5 mg twice daily if age ≥ 80 years or body weight ≤ 60 kg (also §8.6); §7 avoid combined P-gp and
 *       strong CYP3A4 inducers (e.g., rifampin, carbamazepine, phenytoin, St. John's wort). Clarithromycin,
 *       although such an inhibitor, needs no adjustment (§7), so Outpost does not count it.</li>
 *   <li><b>XARELTO</b> (rivaroxaban), Janssen — §2.1 Table 1: NVAF, CrCl &gt; 50 mL/min 20 mg once daily with
 *       the evening meal, CrCl ≤ 50 mL/min 15 mg once daily with the evening meal; §8.6: CrCl 15–30 not
 *       studied but 15 mg expected to give similar concentrations, ESRD on intermittent haemodialysis 15 mg
 *       gives concentrations like ROCKET AF's (efficacy and safety not studied); §7: avoid combined P-gp and
 *       strong CYP3A inhibitors (e.g., ketoconazole, itraconazole, lopinavir/ritonavir, ritonavir,
 *       indinavir/ritonavir, conivaptan) and combined P-gp and strong CYP3A inducers (carbamazepine,
 *       phenytoin, rifampin, St. John's wort). <i>Earlier XARELTO labels (2011 to about 2016) said "avoid the
 *       use of XARELTO in patients with CrCl &lt; 15 mL/min" for NVAF; the current one has no lower bound for
 *       NVAF, so below 15 mL/min Outpost gives 15 mg with a caution, not "avoid".</i></li>
 *   <li><b>PRADAXA</b> (dabigatran etexilate), Boehringer Ingelheim — §2 Table 1 "Recommended Dose" (NVAF):
 *       CrCl &gt; 30 mL/min 150 mg twice daily; CrCl 15 to 30 mL/min 75 mg twice daily; CrCl &lt; 15 mL/min or
 *       on dialysis "dosing recommendations cannot be provided"; CrCl 30 to 50 mL/min with the P-gp inhibitors
 *       dronedarone or systemic ketoconazole 75 mg twice daily; CrCl &lt; 30 mL/min with P-gp inhibitors
 *       "avoid co-administration". §7: P-gp inducers (e.g., rifampin) "should generally be avoided"; verapamil,
 *       amiodarone, quinidine, clarithromycin and ticagrelor "do not require a dose adjustment"; "these results
 *       should not be extrapolated to other P-gp inhibitors". Table 1 says "CrCl &lt; 30" but §7 says "severe
 *       renal impairment (CrCl 15–30 mL/min)" for avoiding P-gp inhibitors; Outpost takes the stricter, ≤ 30.</li>
 *   <li><b>SAVAYSA</b> (edoxaban), Daiichi Sankyo — boxed warning (A), §1 limitation of use, §2.1, §5.1: "SAVAYSA
 *       should not be used in patients with CrCL &gt; 95 mL/min" (more ischaemic strokes than warfarin in
 *       ENGAGE AF-TIMI 48); §2.1: 60 mg once daily for CrCL &gt; 50 to ≤ 95 mL/min, 30 mg once daily for CrCL
 *       15 to 50 mL/min; §8.6: not recommended for CrCL &lt; 15 mL/min; §7: avoid with rifampin; no dose
 *       reduction for P-gp inhibitors in NVAF (lower edoxaban levels in ENGAGE AF-TIMI 48 when reduced).</li>
 * </ul>
 *
 * <p>Creatinine clearance: Cockcroft–Gault on <b>actual</b> body weight, as the trials behind the labels used
 * it (XARELTO: "calculate CrCl based on actual weight") — {@link CockcroftGault} run without a height, rounded
 * to 0.1 mL/min as it is shown, and compared with the label's bands at that precision. Apixaban's criteria
 * are compared at the precision they are reported: weight to 0.1 kg, creatinine to 0.01 mg/dL (so 132.6
 * µmol/L counts as 1.5 mg/dL, the EU label's "133 micromole/L").
 *
 * <p>Inputs: {@code drug}; {@code age}; {@code sex} (for the clearance; not read for apixaban); {@code
 * weight} (kg or lb); {@code creatinine} (mg/dL or µmol/L; not read on dialysis); {@code dialysis} (flag,
 * absent = no). Interaction flags, absent = false (the prescribing check fills them with
 * {@link #inputsFromMedications}):
 * <ul>
 *   <li>{@value #STRONG_INHIBITOR} — combined P-gp and strong CYP3A4 inhibitor: ELIQUIS (halve / avoid) and
 *       XARELTO (avoid); counts as a P-gp inhibitor for PRADAXA;</li>
 *   <li>{@value #PGP_INHIBITOR} — P-gp inhibitor as PRADAXA §7 lists them (dronedarone, ketoconazole,
 *       verapamil, amiodarone, quinidine, clarithromycin, ticagrelor): PRADAXA only (avoid at CrCl ≤ 30);
 *       XARELTO gives a caution below CrCl 80 mL/min; SAVAYSA and ELIQUIS do not adjust for it;</li>
 *   <li>{@value #DRONEDARONE_OR_KETOCONAZOLE} — the two P-gp inhibitors for which PRADAXA reduces the dose at
 *       CrCl 30–50 mL/min (an input of its own: one P-gp flag cannot tell them from verapamil, which needs no
 *       adjustment);</li>
 *   <li>{@value #STRONG_INDUCER} — combined P-gp and strong CYP3A4 inducer: avoid with all four (SAVAYSA names
 *       rifampin; PRADAXA "P-gp inducers (e.g., rifampin)").</li>
 * </ul>
 *
 * <p>Applicability: adults. Every label: safety and effectiveness in paediatric patients with atrial
 * fibrillation have not been established (§8.4). Serum creatinine of at least {@value
 * CreatinineEquations#MIN_CREATININE} mg/dL (Outpost's floor for creatinine equations). The creatinine must be
 * stable; in acute kidney injury the clinician decides. Not modelled: hepatic impairment, mechanical valves /
 * moderate–severe mitral stenosis (not non-valvular AF), triple-positive antiphospholipid syndrome, other
 * interacting drugs than the flags, dose timing.
 *
 * <p>Output ({@link Evaluation#advice}): value = mg per dose, NaN when the advice is to avoid; unit "mg";
 * category "standard dose", "reduced dose: …", "avoid: …", "not recommended: …" or "do not use: …";
 * recommendation severity LOW (standard dose), MODERATE (a reduced dose, or a caution with the standard
 * dose), HIGH (avoid, not recommended, do not use), its strength the label section, its suggested dose e.g.
 * 2.5 mg twice daily (none when avoiding).
 *
 * <p>Contributions — what decided the advice: apixaban {@code age}, {@code weight}, {@code creatinine} (or
 * {@code dialysis}), each 1 or 0 "criteria" (met or not); the other drugs {@code creatinine} = the
 * Cockcroft–Gault clearance in "mL/min" (or {@code dialysis} 1 "criteria"); then each interaction flag the
 * drug's label acted on, 1 "criteria".
 */
public final class DoacDose implements ClinicalModel {
    static final ModelRef REF = new ModelRef("doac-dose", "1.0.0",
            "DOAC dose in non-valvular atrial fibrillation (US labels)",
            "US prescribing information: ELIQUIS (apixaban) rev. 04/2025 \u00a72, \u00a77, \u00a78.6; XARELTO "
                    + "(rivaroxaban) \u00a72.1 Table 1, \u00a77, \u00a78.6; PRADAXA (dabigatran etexilate) \u00a72 "
                    + "Table 1, \u00a77; SAVAYSA (edoxaban) boxed warning, \u00a72.1, \u00a75.1, \u00a77, \u00a78.6; "
                    + "CrCl by Cockcroft DW, Gault MH. Nephron 1976;16:31-41 on actual body weight");

    public static final String DRUG = "drug";
    public static final String DIALYSIS = "dialysis";
    public static final String STRONG_INHIBITOR = "strongCyp3aPgpInhibitor";
    public static final String PGP_INHIBITOR = "pgpInhibitor";
    public static final String DRONEDARONE_OR_KETOCONAZOLE = "dronedaroneOrKetoconazole";
    public static final String STRONG_INDUCER = "strongCyp3aPgpInducer";

    static final String APIXABAN = "apixaban";
    static final String RIVAROXABAN = "rivaroxaban";
    static final String DABIGATRAN = "dabigatran";
    static final String EDOXABAN = "edoxaban";

    static final String GE = "\u2265";
    static final String LE = "\u2264";

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.choice(DRUG, List.of(APIXABAN, RIVAROXABAN, DABIGATRAN, EDOXABAN), "input.doac-dose.drug"),
            InputSpec.number("age", "years", 0, 120, "input.doac-dose.age"),
            InputSpec.choice("sex", List.of("female", "male"), "input.doac-dose.sex"),
            InputSpec.measured("weight", Measure.BODY_WEIGHT, "input.doac-dose.weight"),
            InputSpec.measured("creatinine", Measure.CREATININE, "input.doac-dose.creatinine"),
            InputSpec.flag(DIALYSIS, "input.doac-dose.dialysis"),
            InputSpec.flag(STRONG_INHIBITOR, "input.doac-dose.strongCyp3aPgpInhibitor"),
            InputSpec.flag(PGP_INHIBITOR, "input.doac-dose.pgpInhibitor"),
            InputSpec.flag(DRONEDARONE_OR_KETOCONAZOLE, "input.doac-dose.dronedaroneOrKetoconazole"),
            InputSpec.flag(STRONG_INDUCER, "input.doac-dose.strongCyp3aPgpInducer"));

    /**
     * Combined P-gp and strong CYP3A4 inhibitors: the examples of ELIQUIS §2/§7 (ketoconazole, itraconazole,
     * ritonavir) and XARELTO §7 (also lopinavir/ritonavir, indinavir/ritonavir, conivaptan — the ritonavir
     * combinations are caught by "ritonavir"); posaconazole and cobicistat, classed so by the UW Medicine
     * Anticoagulation Services table of rivaroxaban interactions (after the US PI categories) and, for
     * posaconazole, Box 1 of "Rivaroxaban: a new oral anticoagulant", CMAJ 2013. Clarithromycin is left out:
     * ELIQUIS §7 says no dose adjustment is necessary.
     */
    static final Set<String> STRONG_INHIBITORS = Set.of("ketoconazole", "itraconazole", "ritonavir", "indinavir",
            "conivaptan", "posaconazole", "cobicistat");

    /** The P-gp inhibitors PRADAXA §7 names: dronedarone, ketoconazole, verapamil, amiodarone, quinidine, clarithromycin, ticagrelor. */
    static final Set<String> PGP_INHIBITORS = Set.of("dronedarone", "ketoconazole", "verapamil", "amiodarone",
            "quinidine", "clarithromycin", "ticagrelor");

    /** PRADAXA §2 Table 1: reduce to 75 mg at CrCl 30–50 with these two only. */
    static final Set<String> DRONEDARONE_KETOCONAZOLE = Set.of("dronedarone", "ketoconazole");

    /**
     * Combined P-gp and strong CYP3A4 inducers, the examples of ELIQUIS §7 and XARELTO §7: rifampin
     * (rifampicin), carbamazepine, phenytoin (and its prodrug fosphenytoin), St. John's wort (Hypericum).
     */
    static final Set<String> STRONG_INDUCERS = Set.of("rifampin", "rifampicin", "carbamazepine", "phenytoin",
            "fosphenytoin", "hypericum");

    @Override
    public ModelRef ref() {
        return REF;
    }

    @Override
    public List<InputSpec> inputs() {
        return INPUTS;
    }

    @Override
    public Evaluation evaluate(ModelInputs in) {
        String drug = in.choice(DRUG).orElse(null);
        boolean dialysis = in.flag(DIALYSIS).orElse(false);
        List<String> missing = new ArrayList<>();
        if (drug == null) {
            missing.add(DRUG);
        }
        missing.addAll(in.absent(required(drug, dialysis)));
        List<Text> reasons = new ArrayList<>();
        double age = in.number("age").orElse(Double.NaN);
        if (age < 18) {
            reasons.add(paediatricReason(drug));
        }
        double scr = in.number("creatinine").orElse(Double.NaN);
        if (!dialysis && scr < CreatinineEquations.MIN_CREATININE) {
            reasons.add(Text.of("reason.doac-dose.creatinineTooLow",
                    Measure.format(CreatinineEquations.MIN_CREATININE)));
        }
        // the labels dose by weight (apixaban ≤ 60 kg) and by Cockcroft–Gault on it: its weight bounds apply
        new ValidatedRange("weight", "label.weight", CockcroftGault.MIN_WEIGHT, CockcroftGault.MAX_WEIGHT, "kg")
                .check(in, reasons);
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        double weight = in.number("weight").isPresent() // absent only where not read (dialysis)
                ? Math.round(in.number("weight").getAsDouble() * 10) / 10.0 : Double.NaN;
        double creatinine = dialysis ? Double.NaN : Math.round(scr * 100) / 100.0;
        double crcl = dialysis || drug.equals(APIXABAN) ? Double.NaN : cockcroftGault(in);
        DoacPatient p = new DoacPatient(age, weight, creatinine, crcl, dialysis,
                in.flag(STRONG_INHIBITOR).orElse(false), in.flag(PGP_INHIBITOR).orElse(false),
                in.flag(DRONEDARONE_OR_KETOCONAZOLE).orElse(false), in.flag(STRONG_INDUCER).orElse(false));
        return switch (drug) {
            case APIXABAN -> ApixabanLabel.advise(p);
            case RIVAROXABAN -> RivaroxabanLabel.advise(p);
            case DABIGATRAN -> DabigatranLabel.advise(p);
            case EDOXABAN -> EdoxabanLabel.advise(p);
            default -> throw new IllegalStateException("Unknown drug " + drug); // InputSpec admits only the four
        };
    }

    /** The inputs the drug's rule reads (all a form shows when the drug is not chosen yet). */
    private static String[] required(String drug, boolean dialysis) {
        if (APIXABAN.equals(drug)) {
            return dialysis ? new String[] {"age", "weight"} : new String[] {"age", "weight", "creatinine"};
        }
        if (dialysis) {
            return drug == null ? new String[] {"age", "weight"} : new String[] {"age"};
        }
        return new String[] {"age", "sex", "weight", "creatinine"};
    }

    private static Text paediatricReason(String drug) {
        return drug == null ? Text.of("reason.doac-dose.paediatric.anyDoac")
                : Text.of("reason.doac-dose.paediatric", brand(drug), drug);
    }

    static String brand(String drug) {
        return switch (drug) {
            case APIXABAN -> "ELIQUIS";
            case RIVAROXABAN -> "XARELTO";
            case DABIGATRAN -> "PRADAXA";
            default -> "SAVAYSA";
        };
    }

    /** Cockcroft–Gault on actual body weight: {@link CockcroftGault} without a height. */
    private static double cockcroftGault(ModelInputs in) {
        Map<String, Object> cg = new LinkedHashMap<>();
        for (String name : List.of("age", "sex", "weight", "creatinine")) {
            cg.put(name, in.asMap().get(name));
        }
        return new CockcroftGault().evaluate(ModelInputs.of(cg)).value().getAsDouble();
    }

    /** An applicable dose, in mg per administration. */
    static Evaluation dose(Severity severity, SuggestedDose dose, String category, Text text, String section,
                           List<Contribution> contributions) {
        return Evaluation.advice(REF, dose.amount(), "mg", category, contributions,
                Recommendation.dose(severity, text, "", dose).withSource(section));
    }

    /** Advice not to give the drug: no dose, HIGH severity. */
    static Evaluation avoid(String category, Text text, String section, List<Contribution> contributions) {
        return Evaluation.advice(REF, Double.NaN, "mg", category, contributions,
                Recommendation.of(Severity.HIGH, text, "").withSource(section));
    }

    /**
     * The interaction flags for a person's active medications, by generic name (case-insensitive, any word
     * of the name, so "lopinavir and ritonavir" counts as ritonavir): {@value #STRONG_INHIBITOR}, {@value
     * #PGP_INHIBITOR}, {@value #DRONEDARONE_OR_KETOCONAZOLE} and {@value #STRONG_INDUCER}, each true or false.
     * The lists are those of the label sections cited on the class ({@link #STRONG_INHIBITORS}, {@link
     * #PGP_INHIBITORS}, {@link #DRONEDARONE_KETOCONAZOLE}, {@link #STRONG_INDUCERS}); St. John's wort is
     * recognised as "st john's wort", "st. johns wort" or "hypericum". A brand-only name is not recognised.
     * The route is not known from a name: topical ketoconazole (not systemic) still sets the flags, and the
     * prescriber must judge it.
     */
    public static Map<String, Object> inputsFromMedications(Collection<String> activeGenericNames) {
        boolean strong = false;
        boolean pgp = false;
        boolean dronedaroneKetoconazole = false;
        boolean inducer = false;
        for (String name : activeGenericNames) {
            if (name == null) {
                continue;
            }
            String normalised = name.toLowerCase(Locale.ROOT).replaceAll("['\u2019]", "")
                    .replaceAll("[^a-z]+", " ").strip();
            List<String> words = List.of(normalised.split(" "));
            strong |= words.stream().anyMatch(STRONG_INHIBITORS::contains);
            pgp |= words.stream().anyMatch(PGP_INHIBITORS::contains);
            dronedaroneKetoconazole |= words.stream().anyMatch(DRONEDARONE_KETOCONAZOLE::contains);
            inducer |= words.stream().anyMatch(STRONG_INDUCERS::contains)
                    || (" " + normalised + " ").contains(" johns wort ");
        }
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put(STRONG_INHIBITOR, strong);
        flags.put(PGP_INHIBITOR, pgp);
        flags.put(DRONEDARONE_OR_KETOCONAZOLE, dronedaroneKetoconazole);
        flags.put(STRONG_INDUCER, inducer);
        return flags;
    }
}
