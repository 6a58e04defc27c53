package org.outpost.ui.chart.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.decision.DecisionKind;
import org.outpost.app.usecase.RiskDecisions;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Concept;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.risk.Qrisk3;
import org.outpost.app.risk.RiskModels;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** The risk panel's state on a real encrypted store, without a stage. */
class RiskPanelViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    /** A toy model declaring the three what-if concepts on its inputs: SBP/10 + 5 if smoking − 2 on a statin. */
    static final class Toy implements ClinicalModel {
        private final ModelRef ref;
        private final boolean declaresConcepts;

        Toy(String version) {
            this(version, true);
        }

        Toy(String version, boolean declaresConcepts) {
            ref = new ModelRef("toy", version, "Toy risk", "Test fixture");
            this.declaresConcepts = declaresConcepts;
        }

        @Override
        public ModelRef ref() {
            return ref;
        }

        @Override
        public List<InputSpec> inputs() {
            List<InputSpec> plain = List.of(InputSpec.measured("systolicBp", Measure.SYSTOLIC_BP, "Systolic pressure"),
                    InputSpec.flag("smoker", "Current smoker"),
                    InputSpec.flag("statin", "On a statin"));
            return !declaresConcepts ? plain : List.of(plain.get(0).as(Concept.SYSTOLIC_BP),
                    plain.get(1).as(Concept.SMOKING), plain.get(2).as(Concept.STATIN));
        }

        @Override
        public Evaluation evaluate(ModelInputs in) {
            List<String> missing = in.absent("systolicBp", "smoker", "statin");
            if (!missing.isEmpty()) {
                return Evaluation.notApplicable(ref, missing, List.of());
            }
            List<Contribution> c = new ArrayList<>();
            c.add(new Contribution("systolicBp", in.number("systolicBp").getAsDouble() / 10, "%"));
            c.add(new Contribution("smoker", in.flag("smoker").get() ? 5 : 0, "%"));
            c.add(new Contribution("statin", in.flag("statin").get() ? -2 : 0, "%"));
            double v = c.stream().mapToDouble(Contribution::amount).sum();
            return Evaluation.of(ref, v, "%", v >= 20 ? "high" : "low", c);
        }
    }

    @TempDir
    Path dir;
    StoreFixture store;
    Patient patient;
    UiText text = new UiText(Locale.ENGLISH);

    @BeforeEach
    void setUp() {
        store = StoreFixture.create(dir, CLOCK);
        patient = store.register("Nakamura", "Aiko", Sex.FEMALE, LocalDate.of(1949, 6, 30), "");
        store.record(patient, Instant.parse("2026-02-20T09:00:00Z"), Map.of(Measure.SYSTOLIC_BP, Quantity.of(150, Unit.MM_HG),
                Measure.DIASTOLIC_BP, Quantity.of(90, Unit.MM_HG)));
        store.store().write(r -> {
            r.medications().insert(new Medication(UUID.randomUUID(), patient.id(), "Metformin", Optional.empty(), "500 mg",
                    "oral", "twice daily", LocalDate.of(2020, 1, 1), Optional.empty()));
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private RiskPanelViewModel panel(List<ClinicalModel> models) {
        RiskPanelViewModel vm = new RiskPanelViewModel(new RiskDecisions(store.store(), CLOCK, store.session()),
                patient.id(), models, new SameThreadTaskRunner(e -> null), text, CLOCK);
        vm.show(chart());
        return vm;
    }

    private List<org.outpost.app.decision.Decision> decisions() {
        return store.store().read(r -> r.decisions().forPatient(patient.id()));
    }

    private AuditEntry newestAudit() {
        List<AuditEntry> newest = store.store().read(r -> r.audit().newest(1));
        return newest.getFirst();
    }

    private Chart chart() {
        return store.charts().reload(patient.id());
    }

    private static void fill(RiskCardViewModel card, String... nameValue) {
        for (int i = 0; i < nameValue.length; i += 2) {
            card.input(nameValue[i]).textProperty().set(nameValue[i + 1]);
        }
    }

    @Test
    void inputLabelsAreTheClinicalBundlesWordsNotTheKeys() {
        RiskCardViewModel cha = panel(RiskModels.all()).card("cha2ds2-vasc").orElseThrow();

        // clinical.properties: input.cha2ds2-vasc.heartFailure
        assertThat(cha.input("heartFailure").label()).isEqualTo("Congestive heart failure or LV dysfunction");
        assertThat(cha.inputs()).allSatisfy(f -> assertThat(f.label()).doesNotStartWith("input."));
        // a toy model without descriptions in the bundle shows its own words
        RiskCardViewModel toy = panel(List.of(new Toy("1"))).card("toy").orElseThrow();
        assertThat(toy.input("smoker").label()).isEqualTo("Current smoker");
    }

    @Test
    void chaDsVascShowsWhatTheChartKnowsAndAsksForTheRest() {
        RiskCardViewModel cha = panel(RiskModels.all()).card("cha2ds2-vasc").orElseThrow();

        assertThat(cha.input("age").textProperty().get()).isEqualTo("76");
        assertThat(cha.input("age").sourceProperty().get()).isEqualTo("Birth date");
        assertThat(cha.input("sex").textProperty().get()).isEqualTo("female");
        assertThat(cha.input("diabetes").textProperty().get()).isEqualTo("yes");
        assertThat(cha.input("diabetes").sourceProperty().get()).isEqualTo("Active medication: Metformin");
        assertThat(cha.input("hypertension").sourceProperty().get()).isEqualTo("Not in the chart: enter it");
        assertThat(cha.applicableProperty().get()).isFalse();
        assertThat(cha.resultProperty().get()).startsWith("Missing: Congestive heart failure or LV dysfunction; Hypertension;")
                .doesNotContainPattern("[0-9]");
        assertThat(cha.reference()).isEqualTo("cha2ds2-vasc 1.0.0 \u00b7 Lip GYH et al. Chest 2010;137(2):263-272, Table 2");

        fill(cha, "atrialFibrillation", "yes", "valvularAf", "no", "heartFailure", "no", "hypertension", "yes",
                "strokeTiaThromboembolism", "no", "vascularDisease", "no");

        assertThat(cha.resultProperty().get()).isEqualTo("5 points \u2014 high"); // age 2, diabetes, hypertension, female
        assertThat(cha.input("hypertension").sourceProperty().get()).isEqualTo("Entered here");
        assertThat(cha.contributions()).contains("Age in completed years: +2 points", "Sex: +1 points",
                "Congestive heart failure or LV dysfunction: 0 points");
    }

    /** Issue 14 item 5: QRISK3 fills what the chart lacks as its algorithm does, and the card says so per input. */
    @Test
    void valuesQriskFillsInAreMarkedEstimatedUntilTheClinicianEntersThem() {
        RiskCardViewModel q = panel(List.of(new Qrisk3())).card("qrisk3-2017").orElseThrow();
        fill(q, "sbpSd", "8", "smoking", "non", "diabetes", "type2", "familyHistoryChd", "no",
                "chronicKidneyDisease", "no", "atrialFibrillation", "no", "bpTreatment", "no", "migraine", "no",
                "rheumatoidArthritis", "no", "sle", "no", "severeMentalIllness", "no", "atypicalAntipsychotic", "no",
                "steroidTablets", "no");

        // No BMI, cholesterol, ethnicity or Townsend in the chart: QRISK3 still gives a number ...
        assertThat(q.applicableProperty().get()).isTrue();
        assertThat(q.resultProperty().get()).contains("%");
        // ... and each filled value is marked, with the value used (QRISK3 women's centring means).
        assertThat(q.input("bmi").textProperty().get()).isEmpty();
        assertThat(q.input("bmi").estimatedProperty().get())
                .isEqualTo("Estimated (not in chart): 25.4, QRISK3 derivation mean for women");
        assertThat(q.input("cholesterolHdlRatio").estimatedProperty().get())
                .isEqualTo("Estimated (not in chart): 3.5, QRISK3 derivation mean for women");
        assertThat(q.input("ethnicity").estimatedProperty().get()).startsWith("Estimated (not in chart): white_or_not_stated");
        assertThat(q.input("townsend").estimatedProperty().get()).startsWith("Estimated (not in chart): 0,");
        // The chart's own SBP (150 mmHg) is used as measured, not estimated.
        assertThat(q.input("systolicBp").textProperty().get()).isEqualTo("150");
        assertThat(q.input("systolicBp").estimatedProperty().get()).isEmpty();
        assertThat(q.input("sbpSd").estimatedProperty().get()).isEmpty();

        String estimatedResult = q.resultProperty().get();
        fill(q, "bmi", "31", "cholesterolHdlRatio", "5.2");
        assertThat(q.input("bmi").estimatedProperty().get()).isEmpty();
        assertThat(q.input("cholesterolHdlRatio").estimatedProperty().get()).isEmpty();
        assertThat(q.input("ethnicity").estimatedProperty().get()).isNotEmpty();
        assertThat(q.resultProperty().get()).isNotEqualTo(estimatedResult);
    }

    @Test
    void withoutAtrialFibrillationTheScoreIsNotApplicableAndShowsNoNumber() {
        RiskCardViewModel cha = panel(RiskModels.all()).card("cha2ds2-vasc").orElseThrow();
        fill(cha, "atrialFibrillation", "no", "valvularAf", "no", "heartFailure", "no", "hypertension", "yes",
                "strokeTiaThromboembolism", "no", "vascularDisease", "no");
        assertThat(cha.applicableProperty().get()).isFalse();
        assertThat(cha.resultProperty().get()).startsWith("Not applicable: ").doesNotContain("points");
        assertThat(cha.contributions()).isEmpty();
    }

    /** Issue 14 item 9: no accept (nor acknowledge, nor override) when there is no result to decide on. */
    @Test
    void aCardWithoutAResultOffersNothingToDecideAndSavesNothing() {
        RiskCardViewModel cha = panel(RiskModels.all()).card("cha2ds2-vasc").orElseThrow();
        assertThat(cha.applicableProperty().get()).isFalse(); // inputs missing
        assertThat(cha.decidableProperty().get()).isFalse();
        assertThat(cha.nothingToDecideProperty().get())
                .isEqualTo("Nothing to accept yet: complete the inputs in the explanation.");

        assertThat(cha.acceptIntoPlan()).isFalse();
        assertThat(cha.statusProperty().get()).isEqualTo("Nothing to accept yet: complete the inputs in the explanation.");
        assertThat(cha.acknowledge()).isFalse();
        assertThat(cha.override("Declines anticoagulation")).isFalse();

        fill(cha, "atrialFibrillation", "no", "valvularAf", "no", "heartFailure", "no", "hypertension", "yes",
                "strokeTiaThromboembolism", "no", "vascularDisease", "no");
        assertThat(cha.resultProperty().get()).startsWith("Not applicable: "); // complete, but no atrial fibrillation
        assertThat(cha.decidableProperty().get()).isFalse();
        assertThat(cha.nothingToDecideProperty().get())
                .isEqualTo("Nothing to accept: the model does not apply to this patient.");
        assertThat(cha.acceptIntoPlan()).isFalse();
        assertThat(decisions()).isEmpty();
    }

    @Test
    void anApplicableResultCanBeAcceptedAndARefusedValueStopsIt() {
        RiskCardViewModel cha = panel(RiskModels.all()).card("cha2ds2-vasc").orElseThrow();
        fill(cha, "atrialFibrillation", "yes", "valvularAf", "no", "heartFailure", "no", "hypertension", "yes",
                "strokeTiaThromboembolism", "no", "vascularDisease", "no");
        assertThat(cha.decidableProperty().get()).isTrue();
        assertThat(cha.nothingToDecideProperty().get()).isEmpty();

        assertThat(cha.acceptIntoPlan()).isTrue();
        assertThat(decisions()).extracting(org.outpost.app.decision.Decision::kind)
                .containsExactly(DecisionKind.ACCEPTED_INTO_PLAN);

        fill(cha, "age", "300"); // refused: nothing to decide until it is corrected
        assertThat(cha.decidableProperty().get()).isFalse();
        assertThat(cha.nothingToDecideProperty().get())
                .isEqualTo("Nothing to accept yet: correct the values marked in the explanation.");
        assertThat(cha.acceptIntoPlan()).isFalse();
        assertThat(decisions()).hasSize(1);
    }

    @Test
    void whatIfsCompareSideBySideWithoutSavingAnything() {
        RiskCardViewModel toy = panel(List.of(new Toy("1"))).card("toy").orElseThrow();
        assertThat(toy.input("systolicBp").textProperty().get()).isEqualTo("150");
        assertThat(toy.input("systolicBp").sourceProperty().get()).isEqualTo("Systolic blood pressure, 2026-02-20 09:00");
        assertThat(toy.input("statin").textProperty().get()).isEqualTo("no"); // no statin on the medication list
        fill(toy, "smoker", "yes");

        assertThat(toy.resultProperty().get()).isEqualTo("20 % \u2014 high");
        assertThat(toy.comparisons()).containsExactly(
                new Comparison("Systolic pressure at target (120 mmHg)", "20 % \u2014 high", "17 % \u2014 low"),
                new Comparison("Not smoking", "20 % \u2014 high", "15 % \u2014 low"),
                new Comparison("On a statin", "20 % \u2014 high", "18 % \u2014 low"));

        fill(toy, "systolicBp", "16 kPa"); // not a unit of blood pressure here
        assertThat(toy.input("systolicBp").errorProperty().get()).contains("not a unit");
        assertThat(toy.validProperty().get()).isFalse();
        toy.acknowledge();
        assertThat(toy.statusProperty().get()).isEqualTo("Correct the values marked in the explanation first.");

        fill(toy, "systolicBp", "118");
        assertThat(toy.comparisons()).extracting(Comparison::scenario).containsExactly("Not smoking", "On a statin");
        assertThat(store.observations(patient)).extracting(o -> o.value().value()).containsOnly(150.0, 90.0);
        assertThat(decisions()).isEmpty();
    }

    /** Issue 14 item 13: what-ifs come from the concepts a model declares, never from its input names. */
    @Test
    void inputNamesAloneProposeNoWhatIf() {
        RiskCardViewModel toy = panel(List.of(new Toy("1", false))).card("toy").orElseThrow();
        fill(toy, "smoker", "yes");
        assertThat(toy.resultProperty().get()).isEqualTo("20 % \u2014 high");
        assertThat(toy.comparisons()).isEmpty();
    }

    @Test
    void anOverrideNeedsAReasonAndIsStoredAuditedAndShown() {
        RiskCardViewModel toy = panel(List.of(new Toy("1"))).card("toy").orElseThrow();
        fill(toy, "smoker", "yes");
        assertThat(toy.decisionProperty().get()).isEqualTo("No decision recorded yet.");

        assertThat(toy.override("  ")).isFalse();
        assertThat(toy.statusProperty().get()).isEqualTo("An override needs a reason.");
        assertThat(toy.override("x".repeat(2001))).isFalse();
        assertThat(toy.statusProperty().get()).isEqualTo("Keep the reason to 2,000 characters.");
        assertThat(decisions()).isEmpty();

        assertThat(toy.override("Aiko prefers lifestyle change first")).isTrue();
        assertThat(toy.statusProperty().get()).isEqualTo("Decision recorded.");
        assertThat(toy.decisionProperty().get())
                .isEqualTo("Overridden by admin on 2026-03-01 10:00: Aiko prefers lifestyle change first");
        assertThat(toy.staleProperty().get()).isFalse();
        var stored = decisions().getFirst();
        assertThat(stored.kind()).isEqualTo(DecisionKind.OVERRIDDEN);
        assertThat(stored.inputs()).isEqualTo("smoker=true;statin=false;systolicBp=150");
        assertThat(stored.value().getAsDouble()).isEqualTo(20);
        AuditEntry audit = newestAudit();
        assertThat(audit.event().action()).isEqualTo(AuditAction.RISK_DECISION_RECORDED);
        assertThat(audit.event().detail()).isEqualTo("model=toy;version=1;kind=OVERRIDDEN");

        fill(toy, "statin", "yes");
        assertThat(toy.staleProperty().get()).isTrue();
        assertThat(toy.staleTextProperty().get()).isEqualTo("Stale \u2014 inputs changed since 2026-03-01");
        toy.input("statin").reset();
        assertThat(toy.staleProperty().get()).isFalse();
    }

    @Test
    void reopenedTheDecisionCarriesEnteredValuesAndTurnsStaleWhenTheChartChanges() {
        RiskCardViewModel first = panel(List.of(new Toy("1"))).card("toy").orElseThrow();
        fill(first, "smoker", "yes");
        first.acceptIntoPlan();

        RiskCardViewModel reopened = panel(List.of(new Toy("1"))).card("toy").orElseThrow();
        assertThat(reopened.input("smoker").textProperty().get()).isEqualTo("yes");
        assertThat(reopened.input("smoker").sourceProperty().get()).isEqualTo("As entered for the decision of 2026-03-01");
        assertThat(reopened.decisionProperty().get()).isEqualTo("Accepted into the plan by admin on 2026-03-01 10:00");
        assertThat(reopened.staleProperty().get()).isFalse();

        store.record(patient, Instant.parse("2026-03-01T09:30:00Z"), Map.of(Measure.SYSTOLIC_BP, Quantity.of(132, Unit.MM_HG),
                Measure.DIASTOLIC_BP, Quantity.of(80, Unit.MM_HG)));
        RiskPanelViewModel panel = panel(List.of(new Toy("1")));
        RiskCardViewModel afterNewBp = panel.card("toy").orElseThrow();
        assertThat(afterNewBp.input("systolicBp").textProperty().get()).isEqualTo("132");
        assertThat(afterNewBp.staleProperty().get()).isTrue();
        assertThat(afterNewBp.staleTextProperty().get()).isEqualTo("Stale \u2014 inputs changed since 2026-03-01");

        RiskCardViewModel newVersion = panel(List.of(new Toy("2"))).card("toy").orElseThrow();
        newVersion.input("systolicBp").textProperty().set("150");
        assertThat(newVersion.staleTextProperty().get())
                .isEqualTo("Stale \u2014 the model was updated since 2026-03-01 (decided on version 1)");
    }

    @Test
    void theLatestDecisionOfEachModelIsShownOnItsOwnCard() {
        RiskPanelViewModel panel = panel(List.of(new Toy("1")));
        panel.card("toy").orElseThrow().input("smoker").textProperty().set("no");
        panel.card("toy").orElseThrow().acknowledge();
        panel.card("toy").orElseThrow().acceptIntoPlan();
        assertThat(panel(List.of(new Toy("1"))).card("toy").orElseThrow().latestDecision().orElseThrow().kind())
                .isEqualTo(DecisionKind.ACCEPTED_INTO_PLAN);
        assertThat(panel.cards()).hasSize(1);
        assertThat(panel.errorProperty().get()).isEmpty();
    }

    @Test
    void theDosingPanelShowsRenalFunctionAndPharmacogenomicAdviceFromTheChart() {
        store.record(patient, Instant.parse("2026-02-25T09:00:00Z"), Map.of(
                Measure.CREATININE, Quantity.of(1.0, Unit.MG_PER_DL), Measure.BODY_WEIGHT, Quantity.of(60, Unit.KG)));
        store.store().write(r -> {
            r.genotypes().insert(new org.outpost.app.domain.Genotype(UUID.randomUUID(), patient.id(), "CYP2C19",
                    "*2/*2", "lab", LocalDate.of(2020, 1, 1)));
            return null;
        });
        RiskPanelViewModel dosing = panel(org.outpost.app.catalog.BundledModels
                .prescribingCheck(ZoneOffset.UTC).models());

        // Cockcroft-Gault 1976: woman, 76 y, 60 kg, no height (actual weight), SCr 1.0 mg/dL:
        // (140 - 76) x 60 / (72 x 1.0) x 0.85 = 45.3 mL/min
        assertThat(dosing.card("crcl-cockcroft-gault").orElseThrow().resultProperty().get()).startsWith("45.3 mL/min");
        RiskCardViewModel pgx = dosing.card("pgx-cpic").orElseThrow();
        assertThat(pgx.resultProperty().get()).startsWith("Missing: ");
        assertThat(pgx.input("cyp2c19").textProperty().get()).isEqualTo("*2/*2");
        pgx.input("drug").textProperty().set("clopidogrel");
        // CPIC clopidogrel 2022, ACS/PCI, poor metabolizer: avoid; prasugrel or ticagrelor
        assertThat(pgx.resultProperty().get()).startsWith("CYP2C19 poor metabolizer \u2014 ")
                .contains("prasugrel or ticagrelor");
    }

    /** Issue 11 item 13: the creatinine–cystatin C eGFR and the warfarin label range are cards of the dosing panel. */
    @Test
    void theDosingPanelShowsTheCystatinEgfrAndTheWarfarinLabelRangeFromTheChart() {
        store.record(patient, Instant.parse("2026-02-25T09:00:00Z"), Map.of(
                Measure.CREATININE, Quantity.of(1.0, Unit.MG_PER_DL), Measure.CYSTATIN_C, Quantity.of(1.6, Unit.MG_PER_L)));
        store.store().write(r -> {
            r.genotypes().insert(new org.outpost.app.domain.Genotype(UUID.randomUUID(), patient.id(), "VKORC1",
                    "G/A", "lab", LocalDate.of(2020, 1, 1)));
            r.genotypes().insert(new org.outpost.app.domain.Genotype(UUID.randomUUID(), patient.id(), "CYP2C9",
                    "*1/*3", "lab", LocalDate.of(2020, 1, 1)));
            return null;
        });
        RiskPanelViewModel dosing = panel(org.outpost.app.catalog.BundledModels
                .prescribingCheck(ZoneOffset.UTC).models());

        // CKD-EPI 2021 creatinine-cystatin C, woman 76, Scr 1.0 mg/dL, Scys 1.6 mg/L:
        // 135 x 0.82363 x 0.58317 x 0.9961^76 (0.74306) x 0.963 = 46.4 -> 46, G3a
        assertThat(dosing.card("egfr-ckd-epi-2021-cr-cys").orElseThrow().resultProperty().get())
                .startsWith("46 mL/min/1.73 m\u00b2 \u2014 G3a");
        // COUMADIN label Table 1: VKORC1 AG with CYP2C9 *1/*3: 3-4 mg/day
        assertThat(dosing.card("warfarin-label-genotype").orElseThrow().resultProperty().get())
                .startsWith("VKORC1 A/G, CYP2C9 *1/*3: 3\u20134 mg/day \u2014 COUMADIN label Table 1");
    }

    /** The first row of the Cleveland file (63-year-old man, typical angina, ...): the model has seen such cases. */
    private static void clevelandFirstRow(RiskCardViewModel card) {
        fill(card, "sex", "male", "chestPain", "typical_angina", "systolicBp", "145", "totalCholesterol", "233",
                "fastingGlucoseOver120", "yes", "restingEcg", "lv_hypertrophy", "maxHeartRate", "150",
                "exerciseAngina", "no", "stDepression", "2.3", "stSlope", "downsloping", "vesselsColoured", "0",
                "thallium", "fixed_defect");
    }

    @Test
    void aLearnedModelShowsItsRangeItsExplanationAsBarsAndItsCard() {
        RiskCardViewModel card = panel(org.outpost.app.ml.LearnedModels.all()).card("cad-cleveland-learned")
                .orElseThrow();
        assertThat(card.modelCard()).isPresent();
        assertThat(card.input("age").textProperty().get()).as("age from the chart").isEqualTo("76");
        fill(card, "age", "63");
        clevelandFirstRow(card);

        Evaluation e = org.outpost.app.ml.LearnedModels.all().getFirst().evaluate(ModelInputs.of(Map.ofEntries(
                Map.entry("age", 63.0), Map.entry("sex", "male"), Map.entry("chestPain", "typical_angina"),
                Map.entry("systolicBp", 145.0), Map.entry("totalCholesterol", 233.0),
                Map.entry("fastingGlucoseOver120", true), Map.entry("restingEcg", "lv_hypertrophy"),
                Map.entry("maxHeartRate", 150.0), Map.entry("exerciseAngina", false), Map.entry("stDepression", 2.3),
                Map.entry("stSlope", "downsloping"), Map.entry("vesselsColoured", 0.0),
                Map.entry("thallium", "fixed_defect"))));
        assertThat(e.spread()).isPresent();
        String low = java.math.BigDecimal.valueOf(e.spread().get().low()).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        assertThat(card.resultProperty().get()).contains("range " + low + "\u2013").contains("a learned estimate");
        assertThat(card.bars()).hasSize(14);
        assertThat(card.bars().getFirst().relative()).isEqualTo(1.0);
        assertThat(card.bars().getLast().label()).isEqualTo("Baseline (intercept)");
        assertThat(card.bars()).allSatisfy(b -> assertThat(b.text()).endsWith("log-odds"));
        double largest = card.bars().stream().mapToDouble(b -> Math.abs(b.amount())).max().orElseThrow();
        assertThat(Math.abs(card.bars().getFirst().amount())).isEqualTo(largest);
        // a stress-test work-up: its resting systolic pressure (145 here) declares no concept, so no what-if
        assertThat(card.comparisons()).isEmpty();
    }

    @Test
    void aLearnedModelOutsideWhatItHasSeenGivesNoNumberAndNoBars() {
        RiskCardViewModel card = panel(org.outpost.app.ml.LearnedModels.all()).card("cad-cleveland-learned")
                .orElseThrow();
        fill(card, "age", "63");
        clevelandFirstRow(card);
        fill(card, "totalCholesterol", "700");

        assertThat(card.applicableProperty().get()).isFalse();
        assertThat(card.resultProperty().get()).contains("Uncertain \u2014 outside what this model has seen")
                .doesNotContainPattern("\\d+(\\.\\d)? %");
        assertThat(card.bars()).isEmpty();
    }

    @Test
    void publishedEquationsHaveNoModelCardOrSpread() {
        RiskCardViewModel cha = panel(RiskModels.all()).card("cha2ds2-vasc").orElseThrow();
        assertThat(cha.modelCard()).isEmpty();
        assertThat(cha.resultProperty().get()).doesNotContain("a learned estimate");
    }
}
