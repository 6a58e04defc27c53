package org.outpost.app.pgx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;

/**
 * pgx-cpic against the CPIC guideline tables. Each expected phenotype, recommendation and strength below is
 * quoted from the guideline table named in the comment; severity is Outpost's grading (LOW standard use,
 * MODERATE change dose or monitor, HIGH avoid).
 */
class PgxCpicTest {
    private static final PgxCpic MODEL = new PgxCpic(CpicTables.bundled());

    private static Evaluation run(String drug, String... geneDiplotype) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("drug", drug);
        for (int i = 0; i < geneDiplotype.length; i += 2) {
            in.put(geneDiplotype[i], geneDiplotype[i + 1]);
        }
        return MODEL.evaluate(ModelInputs.of(in));
    }

    private static Recommendation advice(Evaluation e) {
        assertThat(e.applicable()).as("%s %s", e.missing(), e.reasons()).isTrue();
        assertThat(e.recommendation()).isPresent();
        assertThat(e.recommendation().get().suggestedDose()).isEmpty();
        return e.recommendation().get();
    }

    @Test
    void inputsAreTheDrugThenOneDiplotypePerGeneInLowerCase() {
        assertThat(MODEL.ref().id()).isEqualTo("pgx-cpic");
        assertThat(MODEL.inputs()).extracting(InputSpec::name).containsExactly("drug", "indication", "cyp2c19", "cyp2c9",
                "vkorc1", "slco1b1", "tpmt", "nudt15", "dpyd", "cyp2d6");
        assertThat(MODEL.inputs().get(1).choices()).containsExactly("acs-pci", "cardiovascular-other", "neurovascular");
        assertThat(MODEL.inputs().getFirst().kind()).isEqualTo(InputSpec.Kind.CHOICE);
        assertThat(MODEL.inputs().getFirst().choices()).containsExactly("clopidogrel", "warfarin", "simvastatin",
                "azathioprine", "mercaptopurine", "thioguanine", "fluorouracil", "capecitabine", "codeine", "tramadol");
        assertThat(MODEL.inputs().subList(2, 10)).allSatisfy(s -> assertThat(s.kind()).isEqualTo(InputSpec.Kind.TEXT));
        assertThat(PgxModels.all()).extracting(m -> m.ref().id()).containsExactly("pgx-cpic");
    }

    // ------------------------------------------------------------------------------------ CYP2C19 / clopidogrel
    @ParameterizedTest(name = "CYP2C19 {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # Lee CR et al. Clin Pharmacol Ther 2022;112:959-967. Table 1 (phenotype from genotype): *17/*17 ultrarapid,
            # *1/*17 rapid, *1/*1 normal, *1/*2 *1/*3 *2/*17 intermediate, *2/*2 *2/*3 poor; *1/*9 likely intermediate,
            # *2/*9 likely poor. Table 2, ACS and/or PCI column: UM, RM, NM "If considering clopidogrel, use at standard
            # dose (75 mg/day)" Strong; IM "Avoid standard dose (75 mg) clopidogrel if possible. Use prasugrel or
            # ticagrelor at standard dose if no contraindication." Strong; PM "Avoid clopidogrel if possible. Use
            # prasugrel or ticagrelor at standard dose if no contraindication." Strong.
            *1/*1   | CYP2C19 normal metabolizer              | LOW  | If considering clopidogrel, use at standard dose (75 mg/day)
            *1/*17  | CYP2C19 rapid metabolizer               | LOW  | If considering clopidogrel, use at standard dose (75 mg/day)
            *17/*17 | CYP2C19 ultrarapid metabolizer          | LOW  | If considering clopidogrel, use at standard dose (75 mg/day)
            *1/*2   | CYP2C19 intermediate metabolizer        | HIGH | Avoid standard dose (75 mg) clopidogrel if possible. Use prasugrel or ticagrelor at standard dose if no contraindication.
            *1/*3   | CYP2C19 intermediate metabolizer        | HIGH | Avoid standard dose (75 mg) clopidogrel if possible. Use prasugrel or ticagrelor at standard dose if no contraindication.
            *2/*17  | CYP2C19 intermediate metabolizer        | HIGH | Avoid standard dose (75 mg) clopidogrel if possible. Use prasugrel or ticagrelor at standard dose if no contraindication.
            *1/*9   | CYP2C19 likely intermediate metabolizer | HIGH | Avoid standard dose clopidogrel (75 mg) if possible. Use prasugrel or ticagrelor at standard dose if no contraindication.
            *2/*2   | CYP2C19 poor metabolizer                | HIGH | Avoid clopidogrel if possible. Use prasugrel or ticagrelor at standard dose if no contraindication.
            *2/*3   | CYP2C19 poor metabolizer                | HIGH | Avoid clopidogrel if possible. Use prasugrel or ticagrelor at standard dose if no contraindication.
            *2/*9   | CYP2C19 likely poor metabolizer         | HIGH | Avoid clopidogrel if possible. Use prasugrel or ticagrelor at standard dose if no contraindication.
            """)
    void clopidogrelFollowsLee2022ForAcsAndPci(String diplotype, String phenotype, Severity severity, String text) {
        Evaluation e = run("clopidogrel", "indication", "acs-pci", "cyp2c19", diplotype);
        Recommendation r = advice(e);
        assertThat(e.category()).contains(phenotype);
        assertThat(r.text()).isEqualTo("For ACS and/or PCI: " + text);
        assertThat(r.strength()).isEqualTo("strong");
        assertThat(r.severity()).isEqualTo(severity);
        assertThat(e.value()).isEmpty(); // CYP2C19 has no activity score
        assertThat(e.contributions()).isEmpty();
    }

    // ------------------------------------------------------------------------------------ CYP2C9 + VKORC1 / warfarin
    @ParameterizedTest(name = "CYP2C9 {0} VKORC1 {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # Johnson JA et al. Clin Pharmacol Ther 2017;102:397-404, Figure 2 (non-African ancestry): "calculate dose
            # based on validated published pharmacogenetic algorithms including genotype information for VKORC1-1639G>A
            # and CYP2C9*2 and *3" (strong); footnote e: "consider an alternative agent in individuals with genotypes
            # associated with CYP2C9 poor metabolism (e.g. *3/*3, *2/*3)". CYP2C9 activity score (Theken 2020 Table 1):
            # *1 = 1, *2 = 0.5, *3 = 0; AS 2 normal, 1-1.5 intermediate, 0-0.5 poor metabolizer.
            *1/*1 | -1639G/G | 2.0 | CYP2C9 normal metabolizer; VKORC1 -1639G/G       | LOW      | Calculate the dose with a validated
            *1/*2 | -1639G/A | 1.5 | CYP2C9 intermediate metabolizer; VKORC1 -1639G/A | MODERATE | Calculate the dose with a validated
            *1/*3 | -1639A/A | 1.0 | CYP2C9 intermediate metabolizer; VKORC1 -1639A/A | MODERATE | Calculate the dose with a validated
            *2/*2 | G/G      | 1.0 | CYP2C9 intermediate metabolizer; VKORC1 -1639G/G | MODERATE | Calculate the dose with a validated
            *1/*1 | A/G      | 2.0 | CYP2C9 normal metabolizer; VKORC1 -1639G/A       | MODERATE | Calculate the dose with a validated
            *2/*3 | -1639G/A | 0.5 | CYP2C9 poor metabolizer; VKORC1 -1639G/A         | HIGH     | Consider an alternative agent
            *3/*3 | -1639G/G | 0.0 | CYP2C9 poor metabolizer; VKORC1 -1639G/G         | HIGH     | Consider an alternative agent
            """)
    void warfarinFollowsJohnson2017(String cyp2c9, String vkorc1, double score, String category, Severity severity,
                                    String textStart) {
        Evaluation e = run("warfarin", "cyp2c9", cyp2c9, "vkorc1", vkorc1);
        Recommendation r = advice(e);
        assertThat(e.category()).contains(category);
        assertThat(r.severity()).isEqualTo(severity);
        assertThat(r.strength()).isEqualTo("strong");
        assertThat(r.text()).startsWith(textStart).contains("VKORC1 -1639G>A and CYP2C9 *2 and *3")
                .contains("warfarin-iwpc");
        assertThat(e.value()).hasValue(score);
        assertThat(e.unit()).isEqualTo("activity score");
        assertThat(e.contributions().stream().mapToDouble(Contribution::amount).sum()).isEqualTo(score);
    }

    /** Every dose in the thiopurine advice is per body size (CPIC 2018 Tables 2 and 3): no bare "mg/day". */
    @Test
    void thiopurineDosesAreAlwaysPerBodySize() {
        for (String drug : List.of("azathioprine", "mercaptopurine", "thioguanine")) {
            for (String tpmt : List.of("*1/*1", "*1/*3A", "*3A/*3A")) {
                for (String nudt15 : List.of("*1/*1", "*1/*3", "*3/*3")) {
                    String text = advice(run(drug, "tpmt", tpmt, "nudt15", nudt15)).text();
                    assertThat(text).as(drug + " " + tpmt + " " + nudt15).doesNotContainPattern("\\d\\s*mg/day");
                }
            }
        }
    }

    /**
     * Johnson JA et al. 2017, Figure 2, African-ancestry arm: CYP2C9 *5, *6, *8, *11 untested -> dose
     * clinically; tested -> algorithm, and rs12777823 A/G or A/A -> reduce by 15-30% (optional).
     */
    @Test
    void warfarinAdviceCarriesTheAfricanAncestryArm() {
        String text = advice(run("warfarin", "cyp2c9", "*1/*1", "vkorc1", "-1639G/A")).text();
        assertThat(text).contains("African ancestry").contains("CYP2C9 *5, *6, *8 and *11 were not tested, dose clinically")
                .contains("rs12777823 A/G or A/A, reduce it by 15-30%");
        // *8 (decreased function, Theken 2020 Table 1) is read, not ignored: an intermediate metabolizer
        assertThat(run("warfarin", "cyp2c9", "*1/*8", "vkorc1", "-1639G/G").category())
                .hasValueSatisfying(c -> assertThat(c).contains("CYP2C9 intermediate metabolizer"));
    }

    @Test
    void warfarinNeedsBothGenesUnlessCyp2c9AloneSettlesIt() {
        assertThat(run("warfarin", "cyp2c9", "*1/*1").missing()).containsExactly("vkorc1");
        assertThat(run("warfarin", "vkorc1", "-1639A/A").missing()).containsExactly("cyp2c9");
        // CYP2C9 poor metabolism alone already says "consider an alternative agent" (Figure 2, footnote e)
        Evaluation pm = run("warfarin", "cyp2c9", "*3/*3");
        assertThat(advice(pm).severity()).isEqualTo(Severity.HIGH);
        assertThat(pm.category()).contains("CYP2C9 poor metabolizer; VKORC1 not tested");
    }

    // ------------------------------------------------------------------------------------ SLCO1B1 / simvastatin
    @ParameterizedTest(name = "SLCO1B1 {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # Cooper-DeHoff RM et al. Clin Pharmacol Ther 2022;111:1007-1021. Table 1: *1 normal, *5 and *15 no function,
            # *14 increased function; one normal + one no function = decreased function, two no function = poor function.
            # Table 2: normal/increased "Prescribe desired starting dose and adjust doses based on disease-specific
            # guidelines." Strong; decreased "Prescribe an alternative statin depending on the desired potency ... If
            # simvastatin therapy is warranted, limit dose to <20 mg/day." Strong; poor "Prescribe an alternative statin
            # depending on the desired potency" Strong.
            *1/*1   | SLCO1B1 normal function     | LOW      | Prescribe desired starting dose and adjust doses based on disease-specific guidelines.
            *14/*14 | SLCO1B1 increased function  | LOW      | Prescribe desired starting dose and adjust doses based on disease-specific guidelines.
            *1/*15  | SLCO1B1 decreased function  | MODERATE | Prescribe an alternative statin depending on the desired potency (see Figure 1 of the guideline). If simvastatin therapy is warranted, limit dose to <20 mg/day.
            *1/*5   | SLCO1B1 decreased function  | MODERATE | Prescribe an alternative statin depending on the desired potency (see Figure 1 of the guideline). If simvastatin therapy is warranted, limit dose to <20 mg/day.
            *15/*15 | SLCO1B1 poor function       | HIGH     | Prescribe an alternative statin depending on the desired potency (see Figure 1 of the guideline).
            *5/*15  | SLCO1B1 poor function       | HIGH     | Prescribe an alternative statin depending on the desired potency (see Figure 1 of the guideline).
            """)
    void simvastatinFollowsCooperDeHoff2022(String diplotype, String phenotype, Severity severity, String text) {
        Evaluation e = run("simvastatin", "slco1b1", diplotype);
        Recommendation r = advice(e);
        assertThat(e.category()).contains(phenotype);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.strength()).isEqualTo("strong");
        assertThat(r.severity()).isEqualTo(severity);
    }

    // ------------------------------------------------------------------------------------ TPMT + NUDT15 / thiopurines
    @ParameterizedTest(name = "{0} TPMT {1} NUDT15 {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # Relling MV et al. Clin Pharmacol Ther 2019;105:1095-1105. Table 1: *1 normal; *2, *3A, *3C no function;
            # one no function allele = intermediate, two = poor metabolizer (TPMT and NUDT15 alike).
            # Table 2 (TPMT) / Table 3 (NUDT15): normal "Start with normal starting dose (e.g., 2-3 mg/kg/day)" (AZA),
            # intermediate "Start with reduced starting doses (30-80% of normal dose)" (AZA, MP; strong) or "(50-80% of
            # normal dose)" (thioguanine; moderate), poor "reduce daily dose by 10-fold ... For nonmalignant conditions,
            # consider alternative nonthiopurine immunosuppressant therapy" (strong). Both intermediate: CPIC update of
            # March 2024, "starting dose at 20%-50% of normal dosages".
            azathioprine   | *1/*1   | -     | TPMT normal metabolizer; NUDT15 not tested             | LOW      | strong   | Start with normal starting dose (e.g., 2-3 mg/kg/day)
            azathioprine   | *1/*3A  | -     | TPMT intermediate metabolizer; NUDT15 not tested       | MODERATE | strong   | Start with reduced starting doses (30-80% of normal dose)
            azathioprine   | *1/*3C  | *1/*1 | TPMT intermediate metabolizer; NUDT15 normal metabolizer | MODERATE | strong | Start with reduced starting doses (30-80% of normal dose)
            mercaptopurine | *1/*2   | -     | TPMT intermediate metabolizer; NUDT15 not tested       | MODERATE | strong   | Start with reduced starting doses (30-80% of normal dose)
            thioguanine    | *1/*3A  | -     | TPMT intermediate metabolizer; NUDT15 not tested       | MODERATE | moderate | Start with reduced starting doses (50-80% of normal dose)
            azathioprine   | *3A/*3A | -     | TPMT poor metabolizer; NUDT15 not tested               | HIGH     | strong   | For nonmalignant conditions, consider alternative nonthiopurine immunosuppressant therapy.
            mercaptopurine | *3A/*3A | *1/*1 | TPMT poor metabolizer; NUDT15 normal metabolizer       | HIGH     | strong   | For malignancy, start with drastically reduced doses (reduce daily dose by 10-fold
            azathioprine   | *1/*1   | *1/*3 | TPMT normal metabolizer; NUDT15 intermediate metabolizer | MODERATE | strong | Start with reduced starting doses (30-80% of normal dose)
            mercaptopurine | -       | *3/*3 | TPMT not tested; NUDT15 poor metabolizer               | HIGH     | strong   | For malignancy, initial dose 10 mg/m2/day
            azathioprine   | *1/*3A  | *1/*3 | TPMT intermediate metabolizer; NUDT15 intermediate metabolizer | MODERATE | | Intermediate metabolizer for both TPMT and NUDT15: start at 20-50% of the normal starting dose
            # thioguanine is dosed per body surface: Table 2, normal metabolizer "(e.g., 40-60 mg/m2/day)"
            thioguanine    | *1/*1   | *1/*1 | TPMT normal metabolizer; NUDT15 normal metabolizer     | LOW      | strong   | Start with normal starting dose (e.g., 40-60 mg/m2/day)
            """)
    void thiopurinesFollowRelling2019(String drug, String tpmt, String nudt15, String category, Severity severity,
                                      String strength, String textStart) {
        Map<String, Object> in = new HashMap<>();
        in.put("drug", drug);
        if (tpmt != null) {
            in.put("tpmt", tpmt);
        }
        if (nudt15 != null) {
            in.put("nudt15", nudt15);
        }
        Evaluation e = MODEL.evaluate(ModelInputs.of(in));
        Recommendation r = advice(e);
        assertThat(e.category()).contains(category);
        assertThat(r.severity()).isEqualTo(severity);
        assertThat(r.strength()).isEqualTo(strength == null ? "" : strength);
        assertThat(r.text()).startsWith(textStart);
        assertThat(e.value()).isEmpty();
    }

    // ------------------------------------------------------------------------------------ DPYD / fluoropyrimidines
    @ParameterizedTest(name = "{0} DPYD {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # Amstutz U et al. Clin Pharmacol Ther 2018;103:210-216. Activity values: Reference 1, c.2846A>T and
            # c.1129-5923C>G (HapB3) 0.5, c.1905+1G>A (*2A) and c.1679T>G (*13) 0. Table 1: AS 2 normal, 1-1.5
            # intermediate, 0-0.5 poor metabolizer. Table 2: AS 2 "Use label-recommended dosage and administration"
            # Strong; AS 1 "Reduce dose by 50%" Strong; AS 1.5 "Reduce dose by 25% to 50%" Moderate, changed to 50% by the
            # CPIC update of November 2018; AS 0.5 and 0 "Avoid use of 5-fluorouracil or 5-fluorouracil prodrug-based
            # regimens" Strong.
            fluorouracil | Reference/Reference        | 2.0 | DPYD normal metabolizer       | LOW      | strong   | Based on genotype, there is no indication to change dose or therapy. Use label-recommended dosage and administration.
            capecitabine | c.1129-5923C>G/Reference   | 1.5 | DPYD intermediate metabolizer | MODERATE | moderate | Reduce starting dose by 50% followed by titration of dose
            fluorouracil | c.2846A>T/Reference        | 1.5 | DPYD intermediate metabolizer | MODERATE | moderate | Reduce starting dose by 50% followed by titration of dose
            fluorouracil | c.1905+1G>A/Reference      | 1.0 | DPYD intermediate metabolizer | MODERATE | strong   | Reduce starting dose by 50% followed by titration of dose
            capecitabine | c.1905+1G>A/c.2846A>T      | 0.5 | DPYD poor metabolizer         | HIGH     | strong   | Avoid use of 5-fluorouracil or 5-fluorouracil prodrug-based regimens. In the event
            fluorouracil | c.1905+1G>A/c.1679T>G      | 0.0 | DPYD poor metabolizer         | HIGH     | strong   | Avoid use of 5-fluorouracil or 5-fluorouracil prodrug-based regimens.
            """)
    void fluoropyrimidinesFollowAmstutz2018ByActivityScore(String drug, String dpyd, double score, String phenotype,
                                                          Severity severity, String strength, String textStart) {
        Evaluation e = run(drug, "dpyd", dpyd);
        Recommendation r = advice(e);
        assertThat(e.category()).contains(phenotype);
        assertThat(e.value()).hasValue(score);
        assertThat(e.unit()).isEqualTo("activity score");
        assertThat(e.contributions()).hasSize(2);
        assertThat(e.contributions().stream().mapToDouble(Contribution::amount).sum()).isEqualTo(score);
        assertThat(r.severity()).isEqualTo(severity);
        assertThat(r.strength()).isEqualTo(strength);
        assertThat(r.text()).startsWith(textStart);
    }

    // ------------------------------------------------------------------------------------ CYP2D6 / codeine
    @ParameterizedTest(name = "CYP2D6 {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # Crews KR et al. Clin Pharmacol Ther 2021;110:888-896. Activity values (Caudle 2020): *1, *2 = 1; *41 = 0.5;
            # *10 = 0.25; *4, *5 = 0; xN multiplies. Table 1: AS 0 poor, 0 < AS < 1.25 intermediate, 1.25-2.25 normal,
            # > 2.25 ultrarapid. Table 2: UM "Avoid codeine use because of potential for serious toxicity. If opioid
            # use is warranted, consider a non-tramadol opioid." Strong; NM "Use codeine label recommended age- or
            # weight-specific dosing." Strong; IM "... If no response and opioid use is warranted, consider a
            # non-tramadol opioid." Moderate; PM "Avoid codeine use because of possibility of diminished analgesia. If
            # opioid use is warranted, consider a non-tramadol opioid." Strong.
            *1/*1   | 2.0  | CYP2D6 normal metabolizer       | LOW      | strong   | Use codeine label recommended age- or weight-specific dosing.
            *1/*2   | 2.0  | CYP2D6 normal metabolizer       | LOW      | strong   | Use codeine label recommended age- or weight-specific dosing.
            *1/*41  | 1.5  | CYP2D6 normal metabolizer       | LOW      | strong   | Use codeine label recommended age- or weight-specific dosing.
            *2/*41  | 1.5  | CYP2D6 normal metabolizer       | LOW      | strong   | Use codeine label recommended age- or weight-specific dosing.
            *1/*10  | 1.25 | CYP2D6 normal metabolizer       | LOW      | strong   | Use codeine label recommended age- or weight-specific dosing.
            *1/*4   | 1.0  | CYP2D6 intermediate metabolizer | MODERATE | moderate | Use codeine label recommended age- or weight-specific dosing. If no response and opioid use is warranted, consider a non-tramadol opioid.
            *2/*4   | 1.0  | CYP2D6 intermediate metabolizer | MODERATE | moderate | Use codeine label recommended age- or weight-specific dosing. If no response and opioid use is warranted, consider a non-tramadol opioid.
            *1/*5   | 1.0  | CYP2D6 intermediate metabolizer | MODERATE | moderate | Use codeine label recommended age- or weight-specific dosing. If no response and opioid use is warranted, consider a non-tramadol opioid.
            *4/*41  | 0.5  | CYP2D6 intermediate metabolizer | MODERATE | moderate | Use codeine label recommended age- or weight-specific dosing. If no response and opioid use is warranted, consider a non-tramadol opioid.
            *4/*4   | 0.0  | CYP2D6 poor metabolizer         | HIGH     | strong   | Avoid codeine use because of possibility of diminished analgesia. If opioid use is warranted, consider a non-tramadol opioid.
            *4/*5   | 0.0  | CYP2D6 poor metabolizer         | HIGH     | strong   | Avoid codeine use because of possibility of diminished analgesia. If opioid use is warranted, consider a non-tramadol opioid.
            *1/*1xN | 3.0  | CYP2D6 ultrarapid metabolizer   | HIGH     | strong   | Avoid codeine use because of potential for serious toxicity. If opioid use is warranted, consider a non-tramadol opioid.
            *1/*2x2 | 3.0  | CYP2D6 ultrarapid metabolizer   | HIGH     | strong   | Avoid codeine use because of potential for serious toxicity. If opioid use is warranted, consider a non-tramadol opioid.
            """)
    void codeineFollowsCrews2021ByActivityScore(String diplotype, double score, String phenotype, Severity severity,
                                               String strength, String text) {
        Evaluation e = run("codeine", "cyp2d6", diplotype);
        Recommendation r = advice(e);
        assertThat(e.category()).contains(phenotype);
        assertThat(e.value()).hasValue(score);
        assertThat(e.contributions().stream().mapToDouble(Contribution::amount).sum()).isEqualTo(score);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.strength()).isEqualTo(strength);
        assertThat(r.severity()).isEqualTo(severity);
    }

    // ------------------------------------------------------------------------------------ CYP2D6 / tramadol
    @ParameterizedTest(name = "CYP2D6 {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # Crews KR et al. Clin Pharmacol Ther 2021;110:888-896, Table 3 (tramadol): UM "Avoid tramadol use because of
            # potential for toxicity. If opioid use is warranted, consider a non-codeine opioid." Strong; NM "Use
            # tramadol label recommended age- or weight-specific dosing." Strong; IM "Use tramadol label recommended
            # age- or weight-specific dosing. If no response and opioid use is warranted, consider non-codeine opioid."
            # Optional; PM "Avoid tramadol use because of possibility of diminished analgesia. If opioid use is
            # warranted, consider a non-codeine opioid." Strong.
            *1/*1   | CYP2D6 normal metabolizer       | LOW      | strong   | Use tramadol label recommended age- or weight-specific dosing.
            *1/*41  | CYP2D6 normal metabolizer       | LOW      | strong   | Use tramadol label recommended age- or weight-specific dosing.
            *1/*4   | CYP2D6 intermediate metabolizer | MODERATE | optional | Use tramadol label recommended age- or weight-specific dosing. If no response and opioid use is warranted, consider non-codeine opioid.
            *4/*4   | CYP2D6 poor metabolizer         | HIGH     | strong   | Avoid tramadol use because of possibility of diminished analgesia. If opioid use is warranted, consider a non-codeine opioid.
            AS 0    | CYP2D6 poor metabolizer         | HIGH     | strong   | Avoid tramadol use because of possibility of diminished analgesia. If opioid use is warranted, consider a non-codeine opioid.
            *1/*1xN | CYP2D6 ultrarapid metabolizer   | HIGH     | strong   | Avoid tramadol use because of potential for toxicity. If opioid use is warranted, consider a non-codeine opioid.
            *1x2/*2 | CYP2D6 ultrarapid metabolizer   | HIGH     | strong   | Avoid tramadol use because of potential for toxicity. If opioid use is warranted, consider a non-codeine opioid.
            """)
    void tramadolFollowsCrews2021Table3(String diplotype, String phenotype, Severity severity, String strength,
                                        String text) {
        Evaluation e = run("tramadol", "cyp2d6", diplotype);
        assertThat(e.applicable()).as("%s %s", e.missing(), e.reasons()).isTrue();
        Recommendation r = e.recommendation().orElseThrow();
        assertThat(e.category()).hasValue(phenotype);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.strength()).isEqualTo(strength);
        assertThat(r.severity()).isEqualTo(severity);
        assertThat(r.source()).contains("Crews KR").contains("Table 3");
    }

    @Test
    void tramadolIsCheckedLikeCodeineUnderItsSaltNameAndQuietWhenUntested() {
        PgxAdvisor advisor = MODEL.advisor();
        assertThat(advisor.drug("Tramadol hydrochloride")).contains("tramadol");
        assertThat(advisor.genesFor("tramadol")).containsExactly("CYP2D6");
        assertThat(advisor.adviseFor("tramadol", Map.of())).isEmpty();
        assertThat(advisor.adviseFor("tramadol", Map.of("CYP2D6", "*1/*99")).getFirst().indeterminate()).isTrue();
    }

    // ------------------------------------------------------------------------------------ indeterminate, untested
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            clopidogrel  | cyp2c19 | *2/*99
            warfarin     | cyp2c9  | *1/*99
            simvastatin  | slco1b1 | *1/*99
            azathioprine | tpmt    | *1/*99
            fluorouracil | dpyd    | c.1905+1G>A/c.9999A>G
            codeine      | cyp2d6  | *1/*99
            codeine      | cyp2d6  | *1/*22
            clopidogrel  | cyp2c19 | positive
            """)
    void anAlleleNotInTheTableIsIndeterminateNeverAGuess(String drug, String input, String diplotype) {
        Evaluation e = run(drug, input, diplotype, "vkorc1", "-1639G/G");
        Recommendation r = advice(e);
        assertThat(e.category()).contains("indeterminate");
        assertThat(r.severity()).isEqualTo(Severity.MODERATE);
        assertThat(r.strength()).isEmpty();
        // model inputs hold text in lower case, so the result is quoted as held
        assertThat(r.text()).startsWith("Indeterminate — confirm by lab: " + input.toUpperCase(Locale.ROOT) + " result '"
                + diplotype.toLowerCase(Locale.ROOT) + "'");
        assertThat(e.value()).isEmpty();
    }

    @Test
    void theIndeterminateTextQuotesTheResultAndTheTableVersion() {
        String version = CpicTables.bundled().gene("CYP2C19").orElseThrow().alleleTable().version();
        assertThat(advice(run("clopidogrel", "cyp2c19", "*2/*99")).text()).isEqualTo(
                "Indeterminate — confirm by lab: CYP2C19 result '*2/*99' contains an allele not in the CPIC table (*99; version: "
                        + version + ")");
    }

    @Test
    void untestedPatientsAreNotApplicableWithTheGenesMissing() {
        Evaluation clopidogrel = run("clopidogrel");
        assertThat(clopidogrel.applicable()).isFalse();
        assertThat(clopidogrel.missing()).containsExactly("cyp2c19");
        assertThat(clopidogrel.recommendation()).isEmpty();
        // a result for another gene does not make the drug's advice applicable
        assertThat(run("codeine", "cyp2c19", "*2/*2").missing()).containsExactly("cyp2d6");
        assertThat(run("mercaptopurine").missing()).containsExactly("tpmt", "nudt15");
        assertThat(run("warfarin").missing()).containsExactly("cyp2c9", "vkorc1");
        assertThat(MODEL.evaluate(ModelInputs.empty()).missing()).containsExactly("drug");
    }

    @Test
    void everyDemoDiplotypeGivesDeterminateAdvice() {
        Map<String, List<String>> demo = Map.of(
                "cyp2c19", List.of("*1/*1", "*1/*17", "*1/*2", "*17/*17", "*2/*17", "*2/*2", "*1/*3"),
                "cyp2c9", List.of("*1/*1", "*1/*2", "*1/*3", "*2/*2", "*2/*3", "*3/*3"),
                "vkorc1", List.of("-1639G/G", "-1639G/A", "-1639A/A"),
                "slco1b1", List.of("*1/*1", "*1/*15", "*1/*5", "*15/*15", "*5/*15"),
                "tpmt", List.of("*1/*1", "*1/*3A", "*1/*3C", "*1/*2", "*3A/*3A"),
                "dpyd", List.of("Reference/Reference", "c.1129-5923C>G/Reference", "c.1905+1G>A/Reference", "c.2846A>T/Reference"),
                "cyp2d6", List.of("*1/*1", "*1/*2", "*1/*4", "*2/*4", "*1/*41", "*2/*41", "*4/*4", "*4/*5", "*1/*5",
                        "*1/*1xN", "*4/*41", "*1/*10"));
        Map<String, String> drugFor = Map.of("cyp2c19", "clopidogrel", "cyp2c9", "warfarin", "vkorc1", "warfarin",
                "slco1b1", "simvastatin", "tpmt", "azathioprine", "dpyd", "capecitabine", "cyp2d6", "codeine");
        demo.forEach((gene, diplotypes) -> {
            for (String d : diplotypes) {
                Evaluation e = gene.equals("vkorc1") ? run("warfarin", "cyp2c9", "*1/*1", "vkorc1", d)
                        : gene.equals("cyp2c9") ? run("warfarin", "cyp2c9", d, "vkorc1", "-1639G/A")
                        : run(drugFor.get(gene), gene, d);
                assertThat(e.applicable()).as("%s %s", gene, d).isTrue();
                assertThat(e.category()).as("%s %s", gene, d).isPresent().get().asString().doesNotContain("indeterminate");
            }
        });
    }

    @Test
    void randomTextNeverThrowsAndAlwaysSaysSomething() {
        Random random = new Random(42);
        String[] pieces = {"*1", "*2", "*3A", "*17", "*41", "xN", "x2", "/", " ", "c.1905+1G>A", "Reference", "-1639",
                "G", "A", "*", "x", "≥", "??", "", "/ /", "*999"};
        for (int i = 0; i < 3_000; i++) {
            Map<String, Object> in = new HashMap<>();
            in.put("drug", MODEL.inputs().getFirst().choices().get(random.nextInt(9)));
            for (InputSpec spec : MODEL.inputs().subList(1, 9)) {
                if (random.nextDouble() < 0.5) {
                    StringBuilder s = new StringBuilder();
                    for (int k = random.nextInt(5); k >= 0; k--) {
                        s.append(pieces[random.nextInt(pieces.length)]);
                    }
                    if (!s.toString().isBlank()) {
                        in.put(spec.name(), s.toString());
                    }
                }
            }
            Evaluation e = MODEL.evaluate(ModelInputs.of(in));
            if (e.applicable()) {
                assertThat(e.recommendation()).isPresent();
                assertThat(e.category()).isPresent();
            } else {
                assertThat(e.missing().isEmpty() && e.reasons().isEmpty()).isFalse();
            }
        }
    }
}
