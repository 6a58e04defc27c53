package org.outpost.app.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;

/**
 * DOAC doses against the US prescribing information (PI) text quoted at each test.
 *
 * <p>The creatinine-clearance bands are tested with a man of 68 years and a serum creatinine of 1.0 mg/dL:
 * Cockcroft–Gault (Nephron 1976) gives CrCl = (140 − 68) × W / (72 × 1.0) = 72 W / 72 = W mL/min, so the
 * weight W in kg <i>is</i> the clearance and each label boundary is hit exactly (worked by hand, not taken
 * from the code).
 */
class DoacDoseTest {
    private final DoacDose model = new DoacDose();

    private static Map<String, Object> person(String drug, int age, String sex, double weightKg, double creatinine) {
        Map<String, Object> m = new HashMap<>();
        m.put("drug", drug);
        m.put("age", age);
        m.put("sex", sex);
        m.put("weight", weightKg);
        m.put("creatinine", creatinine);
        return m;
    }

    /**
     * Man, 68 y, creatinine 1.0 mg/dL: CrCl = weight (see the class comment). Below 20 mL/min the weight would
     * be under Cockcroft–Gault's 20 kg bound, so there creatinine 2.0 mg/dL and twice the weight:
     * 72 × 2W / (72 × 2.0) = W again.
     */
    private static Map<String, Object> withCrcl(String drug, double crcl) {
        return crcl < 20 ? person(drug, 68, "male", 2 * crcl, 2.0) : person(drug, 68, "male", crcl, 1.0);
    }

    private Evaluation eval(Map<String, Object> p) {
        return model.evaluate(ModelInputs.of(p));
    }

    private Evaluation eval(Map<String, Object> p, String flag) {
        p.put(flag, true);
        return eval(p);
    }

    private Evaluation parsed(Map<String, ?> raw) {
        ModelInputs.Parsed p = ModelInputs.parse(model.inputs(), raw);
        assertThat(p.errors()).isEmpty();
        return model.evaluate(p.inputs());
    }

    private static void assertDose(Evaluation e, double mg, String frequency, Severity severity, String category) {
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).hasValue(mg);
        assertThat(e.unit()).isEqualTo("mg");
        assertThat(e.category()).contains(category);
        Recommendation r = e.recommendation().orElseThrow();
        assertThat(r.severity()).isEqualTo(severity);
        assertThat(r.suggestedDose()).contains(new SuggestedDose(mg, "mg", frequency));
        assertThat(r.source()).isNotBlank();
        assertThat(r.strength()).as("labels do not grade their advice").isEmpty();
    }

    private static void assertAvoid(Evaluation e, String category) {
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).isEmpty();
        assertThat(e.category()).contains(category);
        Recommendation r = e.recommendation().orElseThrow();
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.suggestedDose()).isEmpty();
    }

    // ---------------------------------------------------------------- apixaban

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # ELIQUIS PI §2 Recommended Dose (NVAF): "The recommended dose of ELIQUIS for most patients is 5 mg taken
            # orally twice daily. The recommended dose of ELIQUIS is 2.5 mg twice daily in patients with at least two of
            # the following characteristics: age greater than or equal to 80 years, body weight less than or equal to
            # 60 kg, serum creatinine greater than or equal to 1.5 mg/dL"
            none met                 | 79 | 60.1 | 1.49 | 5   | standard dose
            only age (exactly 80)    | 80 | 60.1 | 1.49 | 5   | standard dose
            only weight (exactly 60) | 79 | 60   | 1.49 | 5   | standard dose
            only creatinine (1.5)    | 79 | 60.1 | 1.5  | 5   | standard dose
            age and weight           | 80 | 60   | 1.49 | 2.5 | reduced dose: age ≥ 80 y and weight ≤ 60 kg
            age and creatinine       | 80 | 60.1 | 1.5  | 2.5 | reduced dose: age ≥ 80 y and serum creatinine ≥ 1.5 mg/dL
            weight and creatinine    | 79 | 60   | 1.5  | 2.5 | reduced dose: weight ≤ 60 kg and serum creatinine ≥ 1.5 mg/dL
            all three                | 86 | 48   | 2.1  | 2.5 | reduced dose: age ≥ 80 y, weight ≤ 60 kg and serum creatinine ≥ 1.5 mg/dL
            """)
    void apixabanTwoOfThreeCriteriaAtTheirBoundaries(String who, int age, double weight, double creatinine, double mg,
                                                     String category) {
        Evaluation e = eval(person("apixaban", age, "female", weight, creatinine));
        assertDose(e, mg, "twice daily", mg == 5 ? Severity.LOW : Severity.MODERATE, category);
        assertThat(e.recommendation().orElseThrow().source()).isEqualTo("ELIQUIS PI §2, Recommended Dose (NVAF)");
        assertThat(e.model().id()).isEqualTo("doac-dose");
    }

    @Test
    void apixabanContributionsCountTheCriteriaMet() {
        Evaluation e = eval(person("apixaban", 80, "male", 60, 1.0));
        assertThat(e.contributions()).extracting(Contribution::input, Contribution::amount, Contribution::unit)
                .containsExactly(tuple("age", 1.0, "criteria"), tuple("weight", 1.0, "criteria"),
                        tuple("creatinine", 0.0, "criteria"));
        assertThat(e.recommendation().orElseThrow().text()).startsWith("Apixaban 2.5 mg twice daily: age ≥ 80 y");
    }

    @Test
    void apixabanDoesNotNeedSexAndIgnoresCreatinineClearance() {
        // ELIQUIS reduces by age, weight and serum creatinine, not by CrCl: a 60-year-old woman of 45 kg with
        // creatinine 1.4 mg/dL has CrCl (140−60)×45/(72×1.4)×0.85 = 30.4 mL/min and still gets 5 mg
        Map<String, Object> p = person("apixaban", 60, "female", 45, 1.4);
        p.remove("sex");
        assertDose(eval(p), 5, "twice daily", Severity.LOW, "standard dose");
    }

    @Test
    void apixabanWithACombinedStrongInhibitorIsHalvedOrAvoided() {
        // ELIQUIS PI §2 Dosage Adjustments / §7: "For patients receiving ELIQUIS doses of 5 mg or 10 mg twice daily,
        // reduce the dose by 50% when ELIQUIS is coadministered with drugs that are combined P-glycoprotein (P-gp) and
        // strong cytochrome P450 3A4 (CYP3A4) inhibitors (e.g., ketoconazole, itraconazole, ritonavir)"; "For patients
        // receiving ELIQUIS at a dose of 2.5 mg twice daily, avoid coadministration with combined P-gp and strong
        // CYP3A4 inhibitors"
        Evaluation halved = eval(person("apixaban", 70, "male", 80, 1.0), "strongCyp3aPgpInhibitor");
        assertDose(halved, 2.5, "twice daily", Severity.MODERATE, "reduced dose: combined P-gp and strong CYP3A4 inhibitor");
        assertThat(halved.recommendation().orElseThrow().source()).isEqualTo("ELIQUIS PI §2, Dosage Adjustments; §7");
        assertThat(halved.contributions()).extracting(Contribution::input).contains("strongCyp3aPgpInhibitor");

        Evaluation avoided = eval(person("apixaban", 82, "male", 55, 1.0), "strongCyp3aPgpInhibitor");
        assertAvoid(avoided, "avoid: 2.5 mg dose with a combined P-gp and strong CYP3A4 inhibitor");
    }

    @Test
    void apixabanWithACombinedStrongInducerIsAvoided() {
        // ELIQUIS PI §7: "Avoid concomitant use of ELIQUIS with combined P-gp and strong CYP3A4 inducers (e.g.,
        // rifampin, carbamazepine, phenytoin, St. John's wort) because such drugs will decrease exposure to apixaban"
        Evaluation e = eval(person("apixaban", 70, "male", 80, 1.0), "strongCyp3aPgpInducer");
        assertAvoid(e, "avoid: combined P-gp and strong CYP3A4 inducer");
        assertThat(e.contributions()).extracting(Contribution::input).contains("strongCyp3aPgpInducer");
    }

    @Test
    void apixabanIgnoresAPlainPgpInhibitor() {
        // ELIQUIS adjusts only for combined P-gp and strong CYP3A4 inhibitors; verapamil or amiodarone alone: no change
        assertDose(eval(person("apixaban", 70, "male", 80, 1.0), "pgpInhibitor"), 5, "twice daily", Severity.LOW,
                "standard dose");
    }

    @ParameterizedTest(name = "age {0}, {1} kg -> {2} mg")
    @CsvSource(textBlock = """
            # ELIQUIS PI (ESRD on dialysis; §8.6): 5 mg twice daily; 2.5 mg twice daily if age ≥ 80 years or body
            # weight ≤ 60 kg — one of the two suffices. No creatinine is needed.
            79, 60.1, 5
            80, 60.1, 2.5
            79, 60,   2.5
            """)
    void apixabanOnDialysisReducesForAgeOrWeight(int age, double weight, double mg) {
        Map<String, Object> p = person("apixaban", age, "male", weight, 1.0);
        p.remove("creatinine");
        p.put("dialysis", true);
        Evaluation e = eval(p);
        assertThat(e.value()).hasValue(mg);
        assertThat(e.recommendation().orElseThrow().source()).contains("ESRD on dialysis").contains("§8.6");
        assertThat(e.contributions()).extracting(Contribution::input).containsExactly("age", "weight", "dialysis");
    }

    // ------------------------------------------------------------- rivaroxaban

    @ParameterizedTest(name = "CrCl {0} -> {1} mg")
    @CsvSource(delimiter = '|', textBlock = """
            # XARELTO PI §2.1 Table 1 (NVAF): "CrCl >50 mL/min: 20 mg once daily with the evening meal";
            # "CrCl ≤50 mL/min: 15 mg once daily with the evening meal" (CrCl calculated on actual weight)
            95   | 20 | standard dose
            50.1 | 20 | standard dose
            50   | 15 | reduced dose: CrCl 50 mL/min
            30   | 15 | reduced dose: CrCl 30 mL/min
            # §8.6: CrCl 15 to 30 not studied, 15 mg expected to give similar concentrations
            15   | 15 | reduced dose: CrCl 15 mL/min
            # the current Table 1 has no lower bound for NVAF (labels until about 2016: "avoid ... CrCl <15 mL/min");
            # Outpost gives 15 mg with a caution
            12   | 15 | reduced dose: CrCl 12 mL/min
            """)
    void rivaroxabanByCreatinineClearance(double crcl, double mg, String category) {
        Evaluation e = eval(withCrcl("rivaroxaban", crcl));
        assertDose(e, mg, "once daily with the evening meal", mg == 20 ? Severity.LOW : Severity.MODERATE, category);
        assertThat(e.contributions()).extracting(Contribution::input, Contribution::amount, Contribution::unit)
                .containsExactly(tuple("creatinine", crcl, "mL/min"));
        assertThat(e.recommendation().orElseThrow().text()).contains("CrCl " + (crcl == (int) crcl
                ? String.valueOf((int) crcl) : String.valueOf(crcl)) + " mL/min");
    }

    @Test
    void rivaroxabanBelow15OffDialysisCarriesACaution() {
        assertThat(eval(withCrcl("rivaroxaban", 12)).recommendation().orElseThrow().text())
                .contains("Below 15 mL/min off dialysis").contains("another anticoagulant");
    }

    @Test
    void rivaroxabanOnDialysisIs15Mg() {
        // XARELTO PI §8.6: "In patients with ESRD maintained on intermittent hemodialysis, administration of XARELTO
        // 15 mg once daily will result in concentrations of rivaroxaban and pharmacodynamic activity similar to those
        // observed in the ROCKET AF study"
        Map<String, Object> p = new HashMap<>(Map.of("drug", "rivaroxaban", "age", 70, "dialysis", true));
        Evaluation e = eval(p);
        assertDose(e, 15, "once daily with the evening meal", Severity.MODERATE, "reduced dose: on dialysis");
        assertThat(e.contributions()).extracting(Contribution::input).containsExactly("dialysis");
    }

    @ParameterizedTest
    @ValueSource(strings = {"strongCyp3aPgpInhibitor", "strongCyp3aPgpInducer"})
    void rivaroxabanIsAvoidedWithCombinedStrongInhibitorsOrInducers(String flag) {
        // XARELTO PI §7: avoid concomitant use with combined P-gp and strong CYP3A inhibitors (e.g., ketoconazole,
        // itraconazole, lopinavir/ritonavir, ritonavir, indinavir/ritonavir, conivaptan) and with combined P-gp and
        // strong CYP3A inducers (e.g., carbamazepine, phenytoin, rifampin, St. John's wort)
        Evaluation e = eval(withCrcl("rivaroxaban", 80), flag);
        assertAvoid(e, flag.contains("Inhibitor") ? "avoid: combined P-gp and strong CYP3A inhibitor"
                : "avoid: combined P-gp and strong CYP3A inducer");
        assertThat(e.recommendation().orElseThrow().source()).isEqualTo("XARELTO PI §7");
    }

    @Test
    void rivaroxabanWithAPgpInhibitorBelowCrcl80KeepsTheDoseWithACaution() {
        // XARELTO PI: not to be used at CrCl 15 to <80 mL/min with combined P-gp and moderate CYP3A inhibitors (e.g.,
        // erythromycin) unless the potential benefit justifies the potential risk
        Evaluation caution = eval(withCrcl("rivaroxaban", 79.9), "pgpInhibitor");
        assertDose(caution, 20, "once daily with the evening meal", Severity.MODERATE, "standard dose");
        assertThat(caution.recommendation().orElseThrow().text()).contains("moderate CYP3A inhibitor");
        Evaluation none = eval(withCrcl("rivaroxaban", 80), "pgpInhibitor");
        assertDose(none, 20, "once daily with the evening meal", Severity.LOW, "standard dose");
    }

    // -------------------------------------------------------------- dabigatran

    @ParameterizedTest(name = "CrCl {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # PRADAXA PI §2 Table 1 (NVAF): "CrCl >30 mL/min: 150 mg twice daily"; "CrCl 15 to 30 mL/min: 75 mg twice
            # daily"; "CrCl <15 mL/min or on dialysis: Dosing recommendations cannot be provided"
            30.1 | 150 | standard dose
            30   | 75  | reduced dose: CrCl 30 mL/min
            15   | 75  | reduced dose: CrCl 15 mL/min
            14.9 |     | not recommended: CrCl 14.9 mL/min
            """)
    void dabigatranByCreatinineClearance(double crcl, Double mg, String category) {
        Evaluation e = eval(withCrcl("dabigatran", crcl));
        if (mg == null) {
            assertAvoid(e, category);
        } else {
            assertDose(e, mg, "twice daily", mg == 150 ? Severity.LOW : Severity.MODERATE, category);
        }
        assertThat(e.recommendation().orElseThrow().source()).isEqualTo("PRADAXA PI §2, Table 1 (NVAF)");
    }

    @Test
    void dabigatranOnDialysisIsNotRecommended() {
        Evaluation e = eval(new HashMap<>(Map.of("drug", "dabigatran", "age", 70, "dialysis", true)));
        assertAvoid(e, "not recommended: on dialysis");
    }

    @Test
    void dabigatranWithDronedaroneOrKetoconazoleAtCrcl30To50Is75Mg() {
        // PRADAXA PI §2 Table 1: "CrCl 30 to 50 mL/min with concomitant use of P-gp inhibitors: Reduce dose to 75 mg
        // twice daily if given with P-gp inhibitors dronedarone or systemic ketoconazole"
        Evaluation at50 = eval(withCrcl("dabigatran", 50), "dronedaroneOrKetoconazole");
        assertDose(at50, 75, "twice daily", Severity.MODERATE,
                "reduced dose: CrCl 50 mL/min with dronedarone or systemic ketoconazole");
        assertThat(at50.contributions()).extracting(Contribution::input)
                .containsExactly("creatinine", "dronedaroneOrKetoconazole");
        assertDose(eval(withCrcl("dabigatran", 50.1), "dronedaroneOrKetoconazole"), 150, "twice daily", Severity.LOW,
                "standard dose");
    }

    @Test
    void dabigatranWithOtherPgpInhibitorsAbove30NeedsNoAdjustment() {
        // PRADAXA PI §7: "The use of the P-gp inhibitors verapamil, amiodarone, quinidine, clarithromycin, ticagrelor
        // does not require a dose adjustment of PRADAXA. These results should not be extrapolated to other P-gp
        // inhibitors"
        Evaluation e = eval(withCrcl("dabigatran", 40), "pgpInhibitor");
        assertDose(e, 150, "twice daily", Severity.LOW, "standard dose");
        assertThat(e.recommendation().orElseThrow().text()).contains("needs no dose adjustment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pgpInhibitor", "strongCyp3aPgpInhibitor", "dronedaroneOrKetoconazole"})
    void dabigatranWithAnyPgpInhibitorAtCrcl30OrLessIsAvoided(String flag) {
        // PRADAXA PI §2 Table 1: "CrCl <30 mL/min with concomitant use of P-gp inhibitors: Avoid co-administration";
        // §7: "The concomitant use of PRADAXA and P-gp inhibitors in patients with severe renal impairment (CrCl
        // 15-30 mL/min) should be avoided" — Outpost takes the stricter reading, so exactly 30 is avoided too
        Evaluation avoided = eval(withCrcl("dabigatran", 30), flag);
        assertAvoid(avoided, "avoid: CrCl 30 mL/min with a P-gp inhibitor");
        assertThat(avoided.contributions()).extracting(Contribution::input).containsExactly("creatinine", flag);
        assertThat(eval(withCrcl("dabigatran", 30.1), flag).value()).isPresent();
    }

    @Test
    void dabigatranWithAPgpInducerIsAvoided() {
        // PRADAXA PI §7: "The concomitant use of PRADAXA with P-gp inducers (e.g., rifampin) reduces exposure to
        // dabigatran and should generally be avoided"
        assertAvoid(eval(withCrcl("dabigatran", 80), "strongCyp3aPgpInducer"), "avoid: P-gp inducer");
    }

    // ---------------------------------------------------------------- edoxaban

    @ParameterizedTest(name = "CrCl {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # SAVAYSA boxed warning (A): "SAVAYSA should not be used in patients with CrCL > 95 mL/min. In the ENGAGE
            # AF-TIMI 48 study, nonvalvular atrial fibrillation patients with CrCL > 95 mL/min had an increased rate of
            # ischemic stroke with SAVAYSA 60 mg once daily compared to patients treated with warfarin"
            95.1 |    | do not use: CrCl 95.1 mL/min
            # §2.1: 60 mg once daily in patients with CrCL > 50 to ≤ 95 mL/min
            95   | 60 | standard dose
            50.1 | 60 | standard dose
            # §2.1: "Reduce SAVAYSA dose to 30 mg once daily in patients with CrCL 15 to 50 mL/min"
            50   | 30 | reduced dose: CrCl 50 mL/min
            15   | 30 | reduced dose: CrCl 15 mL/min
            # §8.6: not recommended in patients with CrCL < 15 mL/min
            14.9 |    | not recommended: CrCl 14.9 mL/min
            """)
    void edoxabanByCreatinineClearance(double crcl, Double mg, String category) {
        Evaluation e = eval(withCrcl("edoxaban", crcl));
        if (mg == null) {
            assertAvoid(e, category);
        } else {
            assertDose(e, mg, "once daily", mg == 60 ? Severity.LOW : Severity.MODERATE, category);
        }
    }

    @Test
    void edoxabanAboveCrcl95CitesTheBoxedWarning() {
        Recommendation r = eval(withCrcl("edoxaban", 110)).recommendation().orElseThrow();
        assertThat(r.source()).isEqualTo("SAVAYSA PI boxed warning; §2.1; §5.1");
        assertThat(r.text()).contains("CrCl 110 mL/min").contains("another anticoagulant");
    }

    @Test
    void edoxabanWithRifampinIsAvoidedButPgpInhibitorsDoNotReduceTheDose() {
        // SAVAYSA PI §7: avoid concomitant use with rifampin; in NVAF no dose reduction for P-gp inhibitors
        assertAvoid(eval(withCrcl("edoxaban", 70), "strongCyp3aPgpInducer"), "avoid: P-gp inducer");
        assertDose(eval(withCrcl("edoxaban", 70), "pgpInhibitor"), 60, "once daily", Severity.LOW, "standard dose");
    }

    @Test
    void edoxabanOnDialysisIsNotRecommended() {
        assertAvoid(eval(new HashMap<>(Map.of("drug", "edoxaban", "age", 70, "dialysis", true))),
                "not recommended: on dialysis");
    }

    // ------------------------------------------------------- clearance and units

    @Test
    void womenGet85PercentOfTheClearance() {
        // woman 68 y, 100 kg, creatinine 1.0: CrCl = 72 × 100 / 72 × 0.85 = 85.0 → edoxaban 60 mg (> 50, ≤ 95);
        // a man of the same values has 100 → edoxaban do not use (> 95)
        assertThat(eval(person("edoxaban", 68, "female", 100, 1.0)).category()).contains("standard dose");
        assertThat(eval(person("edoxaban", 68, "male", 100, 1.0)).category()).contains("do not use: CrCl 100 mL/min");
        // woman 68 y, 58.8 kg: 58.8 × 0.85 = 49.98 → shown 50.0 mL/min → rivaroxaban 15 mg (≤ 50)
        assertThat(eval(person("rivaroxaban", 68, "female", 58.8, 1.0)).value()).hasValue(15.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apixaban", "rivaroxaban", "dabigatran", "edoxaban"})
    void micromolesAndPoundsGiveTheSameAdviceAsMilligramsAndKilograms(String drug) {
        // 88.42 µmol/L = 1.0 mg/dL; 50 kg = 110.2311 lb (× 0.45359237 = 49.99998 kg) → CrCl 50.0 mL/min
        Evaluation metric = parsed(Map.of("drug", drug, "age", 68, "sex", "male", "weight", "50 kg",
                "creatinine", "1.0 mg/dL"));
        Evaluation us = parsed(Map.of("drug", drug, "age", 68, "sex", "male", "weight", "110.2311 lb",
                "creatinine", "88.42 µmol/L"));
        Evaluation ascii = parsed(Map.of("drug", drug, "age", 68, "sex", "male", "weight", "110.2311 lb",
                "creatinine", "88.42 umol/L"));
        assertThat(us.value()).isEqualTo(metric.value());
        assertThat(us.category()).isEqualTo(metric.category());
        assertThat(us.recommendation()).isEqualTo(metric.recommendation());
        assertThat(ascii.recommendation()).isEqualTo(metric.recommendation());
    }

    @Test
    void apixabanCriteriaInPoundsAndMicromolesAtTheirBoundaries() {
        // 60 kg = 132.2774 lb (× 0.45359237 = 60.00002 kg, 60.0 to the 0.1 kg a scale shows); 1.5 mg/dL × 88.42 =
        // 132.63 µmol/L, and a laboratory's 132.6 µmol/L (133 in whole µmol/L, the EU label's "133 micromole/L") is
        // 1.49966 mg/dL, 1.50 to the 0.01 mg/dL reported: both boundaries met → 2.5 mg, as in kilograms and mg/dL
        Evaluation us = parsed(Map.of("drug", "apixaban", "age", 79, "weight", "132.2774 lb",
                "creatinine", "132.6 µmol/L"));
        Evaluation metric = parsed(Map.of("drug", "apixaban", "age", 79, "weight", 60, "creatinine", 1.5));
        assertThat(us.value()).hasValue(2.5);
        assertThat(us.category()).isEqualTo(metric.category())
                .contains("reduced dose: weight ≤ 60 kg and serum creatinine ≥ 1.5 mg/dL");
        // 132 µmol/L = 1.493 mg/dL: below 1.5, only the weight criterion → 5 mg
        assertThat(parsed(Map.of("drug", "apixaban", "age", 79, "weight", "132.2774 lb",
                "creatinine", "132 µmol/L")).value()).hasValue(5.0);
    }

    @Test
    void clearanceUsesActualWeightEvenWhenAHeightIsGiven() {
        // the labels' trials used actual body weight; a height (not an input here) must not switch to ideal weight
        Map<String, Object> p = withCrcl("rivaroxaban", 120);
        p.put("height", 150.0);
        assertThat(eval(p).contributions()).extracting(Contribution::amount).containsExactly(120.0);
    }

    // ------------------------------------------------------ missing and applicability

    @Test
    void listsWhatEachDrugNeeds() {
        assertThat(model.evaluate(ModelInputs.empty()).missing())
                .containsExactly("drug", "age", "sex", "weight", "creatinine");
        assertThat(model.evaluate(ModelInputs.of(Map.of("drug", "apixaban"))).missing())
                .containsExactly("age", "weight", "creatinine");
        assertThat(model.evaluate(ModelInputs.of(Map.of("drug", "edoxaban"))).missing())
                .containsExactly("age", "sex", "weight", "creatinine");
        assertThat(model.evaluate(ModelInputs.of(Map.of("drug", "apixaban", "dialysis", true))).missing())
                .containsExactly("age", "weight");
        assertThat(model.evaluate(ModelInputs.of(Map.of("drug", "dabigatran", "dialysis", true))).missing())
                .containsExactly("age");
    }

    @Test
    void absentInteractionFlagsMeanNoInteraction() {
        Map<String, Object> p = person("apixaban", 70, "male", 80, 1.0);
        Evaluation absent = eval(p);
        p.putAll(Map.of("dialysis", false, "strongCyp3aPgpInhibitor", false, "pgpInhibitor", false,
                "dronedaroneOrKetoconazole", false, "strongCyp3aPgpInducer", false));
        assertThat(absent).isEqualTo(eval(p));
        assertThat(absent.missing()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apixaban", "rivaroxaban", "dabigatran", "edoxaban"})
    void notForChildren(String drug) {
        // every label, §8.4: safety and effectiveness in pediatric patients (for atrial fibrillation) not established
        Evaluation child = eval(person(drug, 17, "male", 60, 0.6));
        assertThat(child.applicable()).isFalse();
        assertThat(child.reasons()).singleElement().asString().contains("under 18").contains(drug);
        assertThat(eval(person(drug, 18, "male", 60, 0.6)).applicable()).isTrue();
    }

    @Test
    void notApplicableBelowTheCreatinineFloor() {
        Evaluation e = eval(person("rivaroxaban", 60, "male", 70, 0.19));
        assertThat(e.applicable()).isFalse();
        assertThat(e.reasons()).singleElement().asString().contains("0.2 mg/dL");
        assertThat(eval(person("rivaroxaban", 60, "male", 70, 0.2)).applicable()).isTrue();
    }

    // ------------------------------------------------------------- medication list

    @Test
    void interactionFlagsFromTheMedicationList() {
        assertThat(DoacDose.inputsFromMedications(List.of("Ketoconazole")))
                .containsEntry("strongCyp3aPgpInhibitor", true).containsEntry("pgpInhibitor", true)
                .containsEntry("dronedaroneOrKetoconazole", true).containsEntry("strongCyp3aPgpInducer", false);
        assertThat(DoacDose.inputsFromMedications(List.of("verapamil")))
                .containsEntry("strongCyp3aPgpInhibitor", false).containsEntry("pgpInhibitor", true)
                .containsEntry("dronedaroneOrKetoconazole", false);
        // ELIQUIS §7: clarithromycin needs no apixaban adjustment, so it is not a "strong" one; PRADAXA names it
        assertThat(DoacDose.inputsFromMedications(List.of("clarithromycin")))
                .containsEntry("strongCyp3aPgpInhibitor", false).containsEntry("pgpInhibitor", true);
        assertThat(DoacDose.inputsFromMedications(List.of("lopinavir and ritonavir")))
                .containsEntry("strongCyp3aPgpInhibitor", true);
        assertThat(DoacDose.inputsFromMedications(List.of("St. John's Wort")))
                .containsEntry("strongCyp3aPgpInducer", true);
        assertThat(DoacDose.inputsFromMedications(List.of("rifampicin"))).containsEntry("strongCyp3aPgpInducer", true);
        assertThat(DoacDose.inputsFromMedications(List.of("metoprolol", "atorvastatin")))
                .containsOnlyKeys("strongCyp3aPgpInhibitor", "pgpInhibitor", "dronedaroneOrKetoconazole",
                        "strongCyp3aPgpInducer")
                .doesNotContainValue(true);
    }

    @Test
    void flagsFromTheMedicationListDriveTheDose() {
        // dronedarone at CrCl 45 mL/min → PRADAXA Table 1: 75 mg twice daily
        Map<String, Object> p = withCrcl("dabigatran", 45);
        p.putAll(DoacDose.inputsFromMedications(List.of("dronedarone")));
        assertThat(eval(p).value()).hasValue(75.0);
    }

    // ----------------------------------------------------------------- invariants

    @Property
    void aDoseOrAvoidNeverBoth(@ForAll @IntRange(min = 18, max = 110) int age, @ForAll boolean female,
                               @ForAll @DoubleRange(min = 30, max = 200) double weight,
                               @ForAll @DoubleRange(min = 0.2, max = 15) double creatinine,
                               @ForAll @IntRange(min = 0, max = 3) int drugIndex, @ForAll boolean inhibitor,
                               @ForAll boolean pgp, @ForAll boolean inducer) {
        String drug = List.of("apixaban", "rivaroxaban", "dabigatran", "edoxaban").get(drugIndex);
        Map<String, Object> p = person(drug, age, female ? "female" : "male", weight, creatinine);
        p.putAll(Map.of("strongCyp3aPgpInhibitor", inhibitor, "pgpInhibitor", pgp, "strongCyp3aPgpInducer", inducer));
        Evaluation e = eval(p);
        assertThat(e.applicable()).isTrue();
        Recommendation r = e.recommendation().orElseThrow();
        if (e.value().isPresent()) {
            assertThat(r.suggestedDose().orElseThrow().amount()).isEqualTo(e.value().getAsDouble());
            assertThat(r.severity()).isNotEqualTo(Severity.HIGH);
        } else {
            assertThat(r.suggestedDose()).isEmpty();
            assertThat(r.severity()).isEqualTo(Severity.HIGH);
        }
        if (inducer) {
            assertThat(e.value()).isEmpty(); // every label: avoid combined P-gp and strong CYP3A4 inducers
        }
    }

    @Property
    void theDoseNeverRisesAsClearanceFallsWithin15To95(
            @ForAll @DoubleRange(min = 15, max = 95) double crcl, @ForAll @IntRange(min = 1, max = 3) int drugIndex) {
        String drug = List.of("apixaban", "rivaroxaban", "dabigatran", "edoxaban").get(drugIndex);
        double now = eval(withCrcl(drug, crcl)).value().orElse(0);
        double lower = eval(withCrcl(drug, crcl - 0.1)).value().orElse(0);
        assertThat(lower).isLessThanOrEqualTo(now);
    }
}
