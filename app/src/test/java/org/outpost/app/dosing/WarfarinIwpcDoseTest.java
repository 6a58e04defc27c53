package org.outpost.app.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

/**
 * IWPC warfarin dosing algorithms (IWPC, N Engl J Med 2009;360:753-764, Supplementary Appendix S1f).
 *
 * <p>No published worked example of the IWPC equations with a stated result could be found offline (the
 * appendix gives the coefficients and the consortium's spreadsheet, not a worked patient). The expected values
 * below are therefore computed BY HAND from the published coefficients, with the arithmetic shown in each
 * comment — not copied from this code's output. The coefficients themselves were checked against three
 * independent open implementations that cite appendix S1f (all agree to the fourth decimal).
 *
 * <p>Pharmacogenetic: √dose = 5.6044 − 0.2614·decades + 0.0087·cm + 0.0128·kg − 0.8677 [VKORC1 A/G]
 * − 1.6974 [A/A] − 0.4854 [VKORC1 unknown] − 0.5211 [*1/*2] − 0.9357 [*1/*3] − 1.0616 [*2/*2] − 1.9206 [*2/*3]
 * − 2.3312 [*3/*3] − 0.2188 [CYP2C9 unknown] − 0.1092 [Asian] − 0.2760 [Black] − 0.1032 [missing/mixed]
 * + 1.1816 [enzyme inducer] − 0.5503 [amiodarone]. Clinical: √dose = 4.0376 − 0.2546·decades + 0.0118·cm
 * + 0.0134·kg − 0.6752 [Asian] + 0.4060 [Black] + 0.0443 [missing/mixed] + 1.2799 [inducer] − 0.5695 [amiodarone].
 */
class WarfarinIwpcDoseTest {
    private final WarfarinIwpcDose model = new WarfarinIwpcDose();

    private static Map<String, Object> person(double age, double height, double weight, String race,
                                              boolean inducer, boolean amiodarone) {
        Map<String, Object> m = new HashMap<>();
        m.put("age", age);
        m.put("height", height);
        m.put("weight", weight);
        m.put("race", race);
        m.put("enzymeInducer", inducer);
        m.put("amiodarone", amiodarone);
        return m;
    }

    private static Map<String, Object> withGenes(Map<String, Object> p, String vkorc1, String cyp2c9) {
        Map<String, Object> m = new HashMap<>(p);
        if (vkorc1 != null) {
            m.put("vkorc1", vkorc1);
        }
        if (cyp2c9 != null) {
            m.put("cyp2c9", cyp2c9);
        }
        return m;
    }

    private Evaluation eval(Map<String, Object> p) {
        return model.evaluate(ModelInputs.of(p));
    }

    private static double sqrtSum(Evaluation e) {
        return e.contributions().stream().mapToDouble(Contribution::amount).sum();
    }

    @Test
    void pharmacogeneticTypicalPatient() {
        // Hand-computed from the appendix S1f coefficients (no published worked example found):
        // 65 y → decade 6, 170 cm, 75 kg, white, VKORC1 A/G, CYP2C9 *1/*1, no inducer, no amiodarone
        // √ = 5.6044 − 0.2614×6 + 0.0087×170 + 0.0128×75 − 0.8677
        //   = 5.6044 − 1.5684 + 1.4790 + 0.9600 − 0.8677 = 5.6073
        // weekly = 5.6073² = 31.4418 → 31.4 mg/week; daily 31.4418 / 7 = 4.49 → 4.5 mg
        Evaluation e = eval(withGenes(person(65, 170, 75, "white", false, false), "A/G", "*1/*1"));
        assertThat(e.applicable()).isTrue();
        assertThat(e.value()).hasValue(31.4);
        assertThat(e.unit()).isEqualTo("mg/week");
        assertThat(sqrtSum(e)).isCloseTo(5.6073, within(1e-9));
        assertThat(e.category()).contains("pharmacogenetic algorithm");
        Recommendation r = e.recommendation().orElseThrow();
        assertThat(r.severity()).isEqualTo(Severity.LOW);
        assertThat(r.suggestedDose().orElseThrow().amount()).isEqualTo(4.5);
        assertThat(r.suggestedDose().orElseThrow().unit()).isEqualTo("mg");
        assertThat(r.suggestedDose().orElseThrow().frequency()).isEqualTo("once daily");
        assertThat(r.text()).isEqualTo("Estimated warfarin starting dose 4.5 mg daily (31.4 mg/week, "
                + "IWPC pharmacogenetic algorithm); adjust by INR.");
        assertThat(r.strength()).isEqualTo("strong"); // CPIC 2017 Figure 2, non-African ancestry
        assertThat(e.model().id()).isEqualTo("warfarin-iwpc");
    }

    @Test
    void pharmacogeneticSensitivePatientIsInTheLowDoseGroup() {
        // 75 y → 7, 160 cm, 60 kg, Asian, VKORC1 A/A, CYP2C9 *1/*3, amiodarone
        // √ = 5.6044 − 0.2614×7 + 0.0087×160 + 0.0128×60 − 1.6974 − 0.9357 − 0.1092 − 0.5503
        //   = 5.6044 − 1.8298 + 1.3920 + 0.7680 − 1.6974 − 0.9357 − 0.1092 − 0.5503 = 2.6420
        // weekly = 2.642² = 6.9802 → 7.0 mg/week (≤ 21: low-dose group); daily 0.997 → 1 mg
        Evaluation e = eval(withGenes(person(75, 160, 60, "asian", false, true), "A/A", "*1/*3"));
        assertThat(e.value()).hasValue(7.0);
        assertThat(sqrtSum(e)).isCloseTo(2.6420, within(1e-9));
        Recommendation r = e.recommendation().orElseThrow();
        assertThat(r.severity()).isEqualTo(Severity.MODERATE);
        assertThat(r.suggestedDose().orElseThrow().amount()).isEqualTo(1.0);
        assertThat(r.text()).startsWith("Estimated warfarin starting dose 1 mg daily (7.0 mg/week, IWPC "
                + "pharmacogenetic algorithm); adjust by INR.");
    }

    @Test
    void clinicalAlgorithmWithoutAnyGenotype() {
        // Clinical algorithm. 45 y → 4, 180 cm, 90 kg, Black, enzyme inducer, no amiodarone
        // √ = 4.0376 − 0.2546×4 + 0.0118×180 + 0.0134×90 + 0.4060 + 1.2799
        //   = 4.0376 − 1.0184 + 2.1240 + 1.2060 + 0.4060 + 1.2799 = 8.0351
        // weekly = 8.0351² = 64.5628 → 64.6 mg/week (≥ 49: high-dose group); daily 9.22 → 9 mg
        Evaluation e = eval(person(45, 180, 90, "black", true, false));
        assertThat(e.value()).hasValue(64.6);
        assertThat(sqrtSum(e)).isCloseTo(8.0351, within(1e-9));
        assertThat(e.category()).contains("clinical algorithm (genotype unknown)");
        assertThat(e.contributions()).extracting(Contribution::input).doesNotContain("vkorc1", "cyp2c9");
        Recommendation r = e.recommendation().orElseThrow();
        assertThat(r.severity()).isEqualTo(Severity.MODERATE);
        assertThat(r.suggestedDose().orElseThrow().amount()).isEqualTo(9.0);
        assertThat(r.text()).startsWith("Estimated warfarin starting dose 9 mg daily (64.6 mg/week, IWPC "
                + "clinical algorithm); adjust by INR.");
        assertThat(r.strength()).isEmpty();
    }

    @Test
    void clinicalAlgorithmReferencePatient() {
        // 60 y → 6, 170 cm, 70 kg, white: √ = 4.0376 − 1.5276 + 2.0060 + 0.9380 = 5.4540
        // weekly = 29.7461 → 29.7; daily 4.249 → 4 mg
        Evaluation e = eval(person(60, 170, 70, "white", false, false));
        assertThat(e.value()).hasValue(29.7);
        assertThat(e.recommendation().orElseThrow().suggestedDose().orElseThrow().amount()).isEqualTo(4.0);
        assertThat(e.recommendation().orElseThrow().severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void missingCyp2c9UsesItsUnknownTermAndSaysSo() {
        // 55 y → 5, 165 cm, 80 kg, other race, VKORC1 G/G, CYP2C9 not given
        // √ = 5.6044 − 1.3070 + 1.4355 + 1.0240 − 0 − 0.2188 − 0.1032 = 6.4349
        // weekly = 41.4079 → 41.4; daily 5.915 → 6 mg
        Evaluation e = eval(withGenes(person(55, 165, 80, "other", false, false), "G/G", null));
        assertThat(e.value()).hasValue(41.4);
        assertThat(e.category().orElseThrow()).startsWith("pharmacogenetic algorithm")
                .contains("CYP2C9 not given: unknown-genotype term used");
        assertThat(e.contributions()).filteredOn(c -> c.input().equals("cyp2c9"))
                .singleElement().extracting(Contribution::amount).isEqualTo(-0.2188);
        assertThat(e.recommendation().orElseThrow().strength()).isEmpty(); // ancestry unknown: CPIC grades by ancestry
    }

    @Test
    void unrecognisedVkorc1IsUnknownAndTheCategorySaysSo() {
        // 60 y → 6, 170 cm, 70 kg, white, VKORC1 "C/T" (not a -1639G>A genotype) → unknown, CYP2C9 *2/*1 = *1/*2
        // √ = 5.6044 − 1.5684 + 1.4790 + 0.8960 − 0.4854 − 0.5211 = 5.4045 → weekly 29.2086 → 29.2
        Evaluation e = eval(withGenes(person(60, 170, 70, "white", false, false), "C/T", "*2/*1"));
        assertThat(e.value()).hasValue(29.2);
        assertThat(e.category().orElseThrow()).contains("VKORC1 result not recognised")
                .contains("unknown-genotype term used");
    }

    @Test
    void neitherGeneUsableFallsBackToTheClinicalAlgorithm() {
        Map<String, Object> p = person(60, 170, 70, "white", false, false);
        Evaluation clinical = eval(p);
        Evaluation garbled = eval(withGenes(p, "positive", "*1/*5"));
        assertThat(garbled.value()).isEqualTo(clinical.value()).hasValue(29.7);
        assertThat(garbled.category().orElseThrow()).startsWith("clinical algorithm (genotype unknown)")
                .contains("VKORC1 result not recognised")
                .contains("CYP2C9 *1/*5 has an allele the IWPC algorithm does not model");
        assertThat(clinical.category()).contains("clinical algorithm (genotype unknown)");
    }

    @Test
    void otherCyp2c9AllelesTakeTheUnknownTerm() {
        Map<String, Object> p = person(60, 170, 70, "white", false, false);
        Evaluation star11 = eval(withGenes(p, "G/A", "*1/*11"));
        Evaluation absent = eval(withGenes(p, "G/A", null));
        assertThat(star11.value()).isEqualTo(absent.value());
        assertThat(star11.category().orElseThrow()).contains("*1/*11 has an allele the IWPC algorithm does not model");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"G/A", "A/G", "g/a", "GA", "-1639G/A", "-1639 A/G", "c.-1639G/A", "C.-1639 g/a",
        "-1639G>A het", "c.-1639G>A heterozygous", "VKORC1 -1639G>A: G/A", "rs9923231 A/G", "\u22121639G/A"})
    void acceptsTheWaysLabsWriteAHeterozygote(String text) {
        Map<String, Object> p = withGenes(person(60, 170, 70, "white", false, false), text, "*1/*1");
        Evaluation e = eval(p);
        assertThat(e.contributions()).filteredOn(c -> c.input().equals("vkorc1"))
                .singleElement().extracting(Contribution::amount).isEqualTo(-0.8677);
        assertThat(e.category()).contains("pharmacogenetic algorithm");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            G/G,               0
            -1639G/G,          0
            A/A,               -1.6974
            c.-1639A/A,        -1.6974
            -1639G>A hom,      -1.6974
            C/T,               -0.4854
            -1639G>A,          -0.4854
            A/G/G,             -0.4854
            """)
    void vkorc1Terms(String text, double coefficient) {
        Evaluation e = eval(withGenes(person(60, 170, 70, "white", false, false), text, "*1/*1"));
        assertThat(e.contributions()).filteredOn(c -> c.input().equals("vkorc1"))
                .singleElement().extracting(Contribution::amount).isEqualTo(coefficient);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            *1/*1,         0
            *1/*2,         -0.5211
            *2/*1,         -0.5211
            CYP2C9 *1/*3,  -0.9357
            *3/*1,         -0.9357
            *2/*2,         -1.0616
            *3/*2,         -1.9206
            *3/*3,         -2.3312
            *1/*8,         -0.2188
            *6/*6,         -0.2188
            1/2,           -0.2188
            poor,          -0.2188
            """)
    void cyp2c9Terms(String text, double coefficient) {
        Evaluation e = eval(withGenes(person(60, 170, 70, "white", false, false), "G/G", text));
        assertThat(e.contributions()).filteredOn(c -> c.input().equals("cyp2c9"))
                .singleElement().extracting(Contribution::amount).isEqualTo(coefficient);
    }

    @ParameterizedTest(name = "age {0} -> decade {1}")
    @CsvSource({"18, 1", "19.9, 1", "20, 2", "60, 6", "69, 6", "70, 7", "89, 8", "90, 9", "99, 9", "100, 9"})
    void ageInDecadesIsTheDecadeNumber(double age, int decade) {
        assertThat(WarfarinIwpcDose.ageInDecades(age)).isEqualTo(decade);
        Evaluation e = eval(withGenes(person(age, 170, 70, "white", false, false), "G/G", "*1/*1"));
        assertThat(e.contributions()).filteredOn(c -> c.input().equals("age"))
                .singleElement().extracting(Contribution::amount).isEqualTo(-0.2614 * decade);
    }

    @Test
    void africanAncestryGetsCpicsModerateGradeAndItsNote() {
        // 35 y → 3, 175 cm, 85 kg, Black, G/G, *1/*1: √ = 5.6044 − 0.7842 + 1.5225 + 1.0880 − 0.2760 = 7.1547
        // weekly = 51.1897 → 51.2 (≥ 49: high-dose group); daily 7.31 → 7.5 mg
        Evaluation e = eval(withGenes(person(35, 175, 85, "black", false, false), "G/G", "*1/*1"));
        assertThat(e.value()).hasValue(51.2);
        Recommendation r = e.recommendation().orElseThrow();
        assertThat(r.suggestedDose().orElseThrow().amount()).isEqualTo(7.5);
        assertThat(r.severity()).isEqualTo(Severity.MODERATE);
        assertThat(r.strength()).isEqualTo("moderate");
        assertThat(r.text()).contains("*5, *6, *8 and *11").contains("15\u201330 %");
    }

    @Test
    void poorMetaboliserGenotypeAddsCpicsAlternativeAgentNote() {
        Evaluation e = eval(withGenes(person(50, 180, 90, "white", false, false), "G/G", "*3/*3"));
        assertThat(e.applicable()).isTrue();
        assertThat(e.recommendation().orElseThrow().text()).contains("consider an alternative agent");
    }

    @Test
    void poundsAndInchesGiveTheSameDoseAsKilogramsAndCentimetres() {
        Map<String, Object> metric = new HashMap<>(Map.of("age", "65", "height", "170 cm", "weight", "75 kg",
                "race", "white", "enzymeInducer", "no", "amiodarone", "no", "vkorc1", "A/G", "cyp2c9", "*1/*1"));
        Map<String, Object> imperial = new HashMap<>(metric);
        imperial.put("weight", "165.3470 lb"); // 75 kg / 0.45359237
        imperial.put("height", "66.929 in"); // 170 cm / 2.54
        ModelInputs.Parsed m = ModelInputs.parse(model.inputs(), metric);
        ModelInputs.Parsed i = ModelInputs.parse(model.inputs(), imperial);
        assertThat(m.errors()).isEmpty();
        assertThat(i.errors()).isEmpty();
        Evaluation em = model.evaluate(m.inputs());
        Evaluation ei = model.evaluate(i.inputs());
        assertThat(ei.value()).isEqualTo(em.value()).hasValue(31.4);
        assertThat(ei.recommendation().orElseThrow().suggestedDose())
                .isEqualTo(em.recommendation().orElseThrow().suggestedDose());
    }

    @Test
    void listsEachMissingRequiredInputButNotTheGenotypes() {
        Map<String, Object> p = person(60, 170, 70, "white", false, false);
        p.remove("weight");
        p.remove("amiodarone");
        Evaluation e = eval(p);
        assertThat(e.applicable()).isFalse();
        assertThat(e.missing()).containsExactly("weight", "amiodarone");
        assertThat(model.evaluate(ModelInputs.empty()).missing())
                .containsExactly("age", "height", "weight", "enzymeInducer", "amiodarone");
    }

    @Test
    void withoutARecordedRaceTheMissingOrMixedTermIsUsedAndSaid() {
        // IWPC 2009 appendix: "missing or mixed race" has its own coefficient (-0.1032 pharmacogenetic)
        Map<String, Object> other = person(60, 170, 70, "other", false, false);
        Map<String, Object> notRecorded = person(60, 170, 70, "other", false, false);
        notRecorded.remove("race");
        Evaluation a = eval(other);
        Evaluation b = eval(notRecorded);
        assertThat(b.value()).isEqualTo(a.value());
        assertThat(b.category().orElseThrow()).contains("race not recorded");
    }

    @Test
    void notApplicableOutsideTheAdultRangeItWasDerivedOn() {
        ModelInputs in = ModelInputs.of(withGenes(person(60, 170, 70, "white", false, false), "G/A", "*1/*1"));
        assertThat(model.evaluate(in.with("age", 17)).applicable()).isFalse();
        assertThat(model.evaluate(in.with("age", 17)).reasons()).singleElement().asString().contains("Age 17");
        assertThat(model.evaluate(in.with("age", 18)).applicable()).isTrue();
        assertThat(model.evaluate(in.with("age", 100)).applicable()).isTrue();
        assertThat(model.evaluate(in.with("age", 101)).applicable()).isFalse();
        assertThat(model.evaluate(in.with("weight", 29)).applicable()).isFalse();
        assertThat(model.evaluate(in.with("weight", 201)).applicable()).isFalse();
        assertThat(model.evaluate(in.with("height", 119)).applicable()).isFalse();
        assertThat(model.evaluate(in.with("height", 211)).applicable()).isFalse();
        assertThat(model.evaluate(in.with("age", 17).with("weight", 250)).reasons()).hasSize(2);
    }

    @Test
    void givesNoNumberWhenThePredictionFallsToOrBelowZero() {
        // 90 y → 9, 120 cm, 30 kg, Black, A/A, *3/*3, amiodarone:
        // √ = 5.6044 − 2.3526 + 1.0440 + 0.3840 − 1.6974 − 2.3312 − 0.2760 − 0.5503 = −0.1751 < 0
        // squaring would give a positive "dose": the model must refuse instead
        Evaluation e = eval(withGenes(person(90, 120, 30, "black", false, true), "A/A", "*3/*3"));
        assertThat(e.applicable()).isFalse();
        assertThat(e.value()).isEmpty();
        assertThat(e.reasons()).singleElement().asString().contains("3.5 mg/week");
    }

    @Test
    void medicationsSetTheInducerAndAmiodaroneFlags() {
        assertThat(WarfarinIwpcDose.inputsFromMedications(List.of("carbamazepine", "metformin")))
                .containsEntry("enzymeInducer", true).containsEntry("amiodarone", false);
        assertThat(WarfarinIwpcDose.inputsFromMedications(List.of("phenytoin sodium")))
                .containsEntry("enzymeInducer", true);
        for (String inducer : List.of("fosphenytoin", "rifampin", "rifampicin", "Rifampicin")) {
            assertThat(WarfarinIwpcDose.inputsFromMedications(List.of(inducer))).containsEntry("enzymeInducer", true);
        }
        assertThat(WarfarinIwpcDose.inputsFromMedications(List.of("amiodarone hydrochloride")))
                .containsEntry("enzymeInducer", false).containsEntry("amiodarone", true);
        assertThat(WarfarinIwpcDose.inputsFromMedications(List.of("oxcarbazepine", "rifabutin", "dronedarone")))
                .containsEntry("enzymeInducer", false).containsEntry("amiodarone", false);
        assertThat(WarfarinIwpcDose.inputsFromMedications(List.of()))
                .containsOnlyKeys("enzymeInducer", "amiodarone");
        // the flags feed the model directly
        Map<String, Object> p = new HashMap<>(person(60, 170, 70, "white", false, false));
        p.putAll(WarfarinIwpcDose.inputsFromMedications(List.of("amiodarone")));
        assertThat(eval(p).contributions()).filteredOn(c -> c.input().equals("amiodarone"))
                .singleElement().extracting(Contribution::amount).isEqualTo(-0.5695);
    }

    @Provide
    Arbitrary<String> cyp2c9s() {
        return Arbitraries.of("", "*1/*1", "*1/*2", "*1/*3", "*2/*2", "*2/*3", "*3/*3", "*1/*5");
    }

    @Provide
    Arbitrary<String> races() {
        return Arbitraries.of("asian", "black", "white", "other");
    }

    @Property
    void moreVkorc1AAllelesNeverIncreaseTheDose(@ForAll @IntRange(min = 18, max = 100) int age,
                                                @ForAll @DoubleRange(min = 120, max = 210) double height,
                                                @ForAll @DoubleRange(min = 30, max = 200) double weight,
                                                @ForAll("races") String race, @ForAll("cyp2c9s") String cyp2c9,
                                                @ForAll boolean inducer, @ForAll boolean amiodarone) {
        Map<String, Object> p = person(age, height, weight, race, inducer, amiodarone);
        String cyp = cyp2c9.isEmpty() ? null : cyp2c9;
        OptionalDouble gg = eval(withGenes(p, "G/G", cyp)).value();
        OptionalDouble ag = eval(withGenes(p, "A/G", cyp)).value();
        OptionalDouble aa = eval(withGenes(p, "A/A", cyp)).value();
        assertNotAbove(ag, gg);
        assertNotAbove(aa, ag);
    }

    @Property
    void amiodaroneLowersTheDose(@ForAll @IntRange(min = 18, max = 100) int age,
                                 @ForAll @DoubleRange(min = 120, max = 210) double height,
                                 @ForAll @DoubleRange(min = 30, max = 200) double weight,
                                 @ForAll("races") String race, @ForAll("cyp2c9s") String cyp2c9,
                                 @ForAll boolean inducer, @ForAll boolean genotyped) {
        Map<String, Object> without = person(age, height, weight, race, inducer, false);
        Map<String, Object> with = person(age, height, weight, race, inducer, true);
        String vk = genotyped ? "G/A" : null;
        String cyp = genotyped && !cyp2c9.isEmpty() ? cyp2c9 : null;
        OptionalDouble before = eval(withGenes(without, vk, cyp)).value();
        OptionalDouble after = eval(withGenes(with, vk, cyp)).value();
        if (before.isPresent() && after.isPresent()) {
            assertThat(after.getAsDouble()).isLessThan(before.getAsDouble());
        } else {
            assertThat(after).as("amiodarone cannot make an unestimable dose estimable").isEmpty();
        }
    }

    @Property
    void contributionsAddUpToTheSquareRootOfTheDose(@ForAll @IntRange(min = 18, max = 100) int age,
                                                    @ForAll @DoubleRange(min = 120, max = 210) double height,
                                                    @ForAll @DoubleRange(min = 30, max = 200) double weight,
                                                    @ForAll("races") String race, @ForAll("cyp2c9s") String cyp2c9,
                                                    @ForAll boolean inducer, @ForAll boolean amiodarone) {
        Evaluation e = eval(withGenes(person(age, height, weight, race, inducer, amiodarone), "G/G",
                cyp2c9.isEmpty() ? null : cyp2c9));
        if (e.applicable()) {
            double root = sqrtSum(e);
            assertThat(e.value().getAsDouble()).isCloseTo(root * root, within(0.05 + 1e-9));
            assertThat(e.contributions()).allSatisfy(c -> assertThat(c.unit()).isEqualTo("sqrt(mg/week)"));
            assertThat(e.contributions()).filteredOn(Contribution::isBaseline).hasSize(1);
            double daily = e.recommendation().orElseThrow().suggestedDose().orElseThrow().amount();
            assertThat(daily * 2).isEqualTo(Math.rint(daily * 2));
            assertThat(daily).isCloseTo(root * root / 7, within(0.25 + 1e-9));
        } else {
            assertThat(e.reasons()).isNotEmpty();
        }
    }

    /** {@code more} (more A alleles) is at most {@code fewer}; if {@code fewer} is not estimable, neither is {@code more}. */
    private static void assertNotAbove(OptionalDouble more, OptionalDouble fewer) {
        if (fewer.isEmpty()) {
            assertThat(more).isEmpty();
        } else if (more.isPresent()) {
            assertThat(more.getAsDouble()).isLessThanOrEqualTo(fewer.getAsDouble());
        }
    }

    @Test
    void geneReadersTellAnAbsentResultFromAGivenOne() {
        assertThat(WarfarinIwpcDose.cyp2c9(Optional.empty()).notGiven()).isTrue();
        assertThat(WarfarinIwpcDose.cyp2c9(Optional.of("*1/*9")).notGiven()).isFalse();
        assertThat(WarfarinIwpcDose.vkorc1(Optional.of(" ")).notGiven()).isTrue();
        assertThat(WarfarinIwpcDose.vkorc1(Optional.of("a/a")).genotype()).contains(WarfarinIwpcDose.Vkorc1.AA);
    }
}
