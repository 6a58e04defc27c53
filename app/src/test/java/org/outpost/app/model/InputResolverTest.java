package org.outpost.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.risk.RiskModels;

class InputResolverTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final PatientId ID = PatientId.random();
    private static final InputResolver RESOLVER = new InputResolver(ZoneOffset.UTC, BundledModels.vocabulary());

    /** A model that reads everything the resolver knows about, plus two things a chart cannot know. */
    private static final ClinicalModel EVERYTHING = new ClinicalModel() {
        private final ModelRef ref = new ModelRef("test", "1", "Test", "none");

        @Override
        public ModelRef ref() {
            return ref;
        }

        @Override
        public List<InputSpec> inputs() {
            return List.of(
                    InputSpec.number("age", "years", 0, 120, ""),
                    InputSpec.choice("sex", List.of("female", "male"), ""),
                    InputSpec.measured("systolicBp", Measure.SYSTOLIC_BP, ""),
                    InputSpec.measured("totalCholesterol", Measure.TOTAL_CHOLESTEROL, ""),
                    InputSpec.flag("bpTreated", ""),
                    InputSpec.flag("statin", ""),
                    InputSpec.flag("diabetes", ""),
                    InputSpec.number("bmi", "kg/m2", 10, 80, ""),
                    InputSpec.flag("smoker", ""),
                    InputSpec.choice("race", List.of("white", "black", "other"), ""));
        }

        @Override
        public Evaluation evaluate(ModelInputs inputs) {
            return Evaluation.notApplicable(ref, List.of(), List.of("test"));
        }

        @Override
        public Period freshness() {
            return Period.ofYears(1);
        }
    };

    private static Patient patient(Sex sex, LocalDate born) {
        return new Patient(ID, new Mrn("T-1"), "Test", "Person", sex, born, "", "", null, null);
    }

    private static Observation obs(Measure m, double v, Unit u, String at) {
        return new Observation(UUID.randomUUID(), ID, m, Quantity.of(v, u), Instant.parse(at), "nurse");
    }

    private static Medication med(String name, LocalDate start, LocalDate stop) {
        return new Medication(UUID.randomUUID(), ID, name, Optional.empty(), "", "", "", start, Optional.ofNullable(stop));
    }

    private static Chart chart(Patient p, List<Observation> obs, List<Medication> meds) {
        return new Chart(p, obs, meds, List.of(), List.of());
    }

    @Test
    void fillsEverythingTheChartKnowsWithItsSource() {
        Chart c = chart(patient(Sex.FEMALE, LocalDate.of(1960, 3, 2)), List.of(
                obs(Measure.SYSTOLIC_BP, 150, Unit.MM_HG, "2025-06-01T09:00:00Z"),
                obs(Measure.SYSTOLIC_BP, 138, Unit.MM_HG, "2026-02-01T09:00:00Z"),
                obs(Measure.TOTAL_CHOLESTEROL, 5.2, Unit.MMOL_PER_L, "2026-01-15T09:00:00Z"),
                obs(Measure.HBA1C, 53, Unit.MMOL_PER_MOL, "2026-01-15T09:00:00Z"),
                obs(Measure.BODY_WEIGHT, 81, Unit.KG, "2026-02-01T09:00:00Z"),
                obs(Measure.BODY_HEIGHT, 160, Unit.CM, "2015-02-01T09:00:00Z")),
                List.of(med("Amlodipine", LocalDate.of(2020, 1, 1), null),
                        med("Atorvastatin", LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1))));

        ResolvedInputs r = RESOLVER.resolve(EVERYTHING, c, TODAY);

        ModelInputs in = r.inputs();
        assertThat(in.number("age")).hasValue(65); // 66th birthday is tomorrow
        assertThat(in.choice("sex")).contains("female");
        assertThat(in.number("systolicBp")).hasValue(138); // the most recent, not the highest
        assertThat(in.number("totalCholesterol").getAsDouble()).isCloseTo(201.08, org.assertj.core.data.Offset.offset(0.01));
        assertThat(in.flag("bpTreated")).contains(true);
        assertThat(in.flag("statin")).contains(false); // stopped last year
        assertThat(in.flag("diabetes")).contains(true); // 53 mmol/mol = 7.0 %
        assertThat(in.number("bmi")).hasValue(31.6); // 81 / 1.6²; adult height from 2015 still counts
        assertThat(r.unresolved()).containsExactly("smoker", "race");

        assertThat(r.source("systolicBp")).contains(new InputSource.FromObservation(Measure.SYSTOLIC_BP,
                Instant.parse("2026-02-01T09:00:00Z")));
        assertThat(r.source("age")).contains(new InputSource.FromRegistration("birthDate"));
        assertThat(r.source("bpTreated")).contains(new InputSource.FromMedications(List.of("Amlodipine")));
        assertThat(r.source("statin")).contains(new InputSource.FromMedications(List.of()));
        assertThat(r.source("diabetes")).contains(new InputSource.FromObservation(Measure.HBA1C,
                Instant.parse("2026-01-15T09:00:00Z")));
        assertThat(r.source("bmi")).contains(new InputSource.Calculated(List.of(Measure.BODY_WEIGHT, Measure.BODY_HEIGHT),
                Instant.parse("2026-02-01T09:00:00Z")));
    }

    @Test
    void valuesOlderThanTheFreshnessWindowAreNotUsed() {
        Chart c = chart(patient(Sex.MALE, LocalDate.of(1960, 1, 1)), List.of(
                obs(Measure.SYSTOLIC_BP, 150, Unit.MM_HG, "2025-02-28T23:59:00Z"),
                obs(Measure.TOTAL_CHOLESTEROL, 190, Unit.MG_PER_DL, "2025-03-01T00:00:00Z"),
                obs(Measure.HBA1C, 8, Unit.PERCENT, "2024-01-01T00:00:00Z"),
                obs(Measure.BODY_WEIGHT, 80, Unit.KG, "2024-02-01T09:00:00Z"),
                obs(Measure.BODY_HEIGHT, 180, Unit.CM, "2024-02-01T09:00:00Z")), List.of());

        ResolvedInputs r = RESOLVER.resolve(EVERYTHING, c, TODAY);

        assertThat(r.inputs().has("systolicBp")).isFalse(); // one minute too old
        assertThat(r.inputs().number("totalCholesterol")).hasValue(190); // exactly one year old is fresh
        assertThat(r.inputs().has("diabetes")).isFalse(); // an old HbA1c is no evidence
        assertThat(r.inputs().has("bmi")).isFalse(); // weight too old
        assertThat(r.unresolved()).containsExactly("systolicBp", "diabetes", "bmi", "smoker", "race");
        // the too-old reading is named, so the panel says "last value ..., too old" instead of "not in the chart"
        assertThat(r.expiredSource("systolicBp")).contains(
                new InputSource.FromObservation(Measure.SYSTOLIC_BP, Instant.parse("2025-02-28T23:59:00Z")));
        assertThat(r.expiredSource("smoker")).isEmpty();
        assertThat(r.entered(EVERYTHING.inputs(), "systolicBp", 130.0).expiredSource("systolicBp")).isEmpty();
    }

    @Test
    void withoutEvidenceDiabetesStaysMissingButANormalHbA1cDoesNotMakeItFalse() {
        Chart c = chart(patient(Sex.MALE, LocalDate.of(1960, 1, 1)),
                List.of(obs(Measure.HBA1C, 6.4, Unit.PERCENT, "2026-01-01T00:00:00Z")), List.of());
        ResolvedInputs r = RESOLVER.resolve(EVERYTHING, c, TODAY);
        assertThat(r.inputs().has("diabetes")).isFalse();
        assertThat(r.inputs().flag("bpTreated")).contains(false);
        assertThat(r.unresolved()).contains("diabetes");

        Chart onInsulin = chart(c.patient(), c.observations(),
                List.of(med("Insulin glargine", LocalDate.of(2025, 1, 1), null)));
        ResolvedInputs r2 = RESOLVER.resolve(EVERYTHING, onInsulin, TODAY);
        assertThat(r2.inputs().flag("diabetes")).contains(true);
        assertThat(r2.source("diabetes")).contains(new InputSource.FromMedications(List.of("Insulin glargine")));
    }

    @Test
    void everyModelsBloodPressureTreatmentNameIsFilled() {
        ClinicalModel aliases = new ClinicalModel() {
            private final ModelRef ref = new ModelRef("alias", "1", "Alias", "none");

            @Override
            public ModelRef ref() {
                return ref;
            }

            @Override
            public List<InputSpec> inputs() {
                return List.of(InputSpec.flag("bpTreatment", ""), InputSpec.flag("bpMedication", ""));
            }

            @Override
            public Evaluation evaluate(ModelInputs inputs) {
                return Evaluation.notApplicable(ref, List.of(), List.of("test"));
            }
        };
        Patient p = patient(Sex.MALE, LocalDate.of(1960, 1, 1));
        ResolvedInputs stopped = RESOLVER.resolve(aliases, chart(p, List.of(),
                List.of(med("Bisoprolol", LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1)))), TODAY);
        assertThat(stopped.inputs().flag("bpTreatment")).contains(false); // not now
        assertThat(stopped.inputs().flag("bpMedication")).contains(true); // but ever
        ResolvedInputs none = RESOLVER.resolve(aliases, chart(p, List.of(), List.of()), TODAY);
        assertThat(none.inputs().flag("bpTreatment")).contains(false);
        assertThat(none.unresolved()).containsExactly("bpMedication");
    }

    @Test
    void otherOrUnknownSexIsLeftForTheClinician() {
        Chart c = chart(patient(Sex.UNKNOWN, LocalDate.of(1960, 1, 1)), List.of(), List.of());
        assertThat(RESOLVER.resolve(EVERYTHING, c, TODAY).unresolved()).contains("sex");
    }

    @Test
    void enteringAValueRemovesItFromTheMissingAndClearingPutsItBack() {
        Chart c = chart(patient(Sex.FEMALE, LocalDate.of(1960, 1, 1)), List.of(), List.of());
        ResolvedInputs r = RESOLVER.resolve(EVERYTHING, c, TODAY).entered(EVERYTHING.inputs(), "smoker", true);
        assertThat(r.inputs().flag("smoker")).contains(true);
        assertThat(r.source("smoker")).contains(new InputSource.Entered());
        assertThat(r.unresolved()).doesNotContain("smoker");
        ResolvedInputs cleared = r.entered(EVERYTHING.inputs(), "age", null);
        assertThat(cleared.unresolved()).startsWith("age");
        assertThat(cleared.source("age")).isEmpty();
    }

    @Test
    void chaDsVascGetsAgeAndSexAndDiabetesFromTheChart() {
        ClinicalModel cha = RiskModels.registry().find("cha2ds2-vasc").orElseThrow();
        Chart c = chart(patient(Sex.FEMALE, LocalDate.of(1950, 1, 1)), List.of(),
                List.of(med("Metformin", LocalDate.of(2020, 1, 1), null)));
        ResolvedInputs r = RESOLVER.resolve(cha, c, TODAY);
        assertThat(r.inputs().asMap()).containsEntry("age", 76.0).containsEntry("sex", "female")
                .containsEntry("diabetes", true);
        assertThat(r.unresolved()).containsExactly("atrialFibrillation", "valvularAf", "heartFailure",
                "hypertension", "strokeTiaThromboembolism", "vascularDisease");
    }

    @ParameterizedTest(name = "{0}: bp {1}, statin {2}, diabetes {3}")
    @CsvSource(textBlock = """
            Lisinopril 10 mg,               true,  false, false
            losartan/hydrochlorothiazide,   true,  false, false
            Metoprolol succinate,           true,  false, false
            Carvedilol,                     true,  false, false
            Chlorthalidone,                 true,  false, false
            Verapamil SR,                   true,  false, false
            Rosuvastatin,                   false, true,  false
            Nystatin oral suspension,       false, false, false
            Sitagliptin-metformin,          false, false, true
            Insulin aspart,                 false, false, true
            Empagliflozin,                  false, false, false
            Semaglutide,                    false, false, false
            Paracetamol,                    false, false, false
            """)
    void medicationsAreClassifiedByGenericName(String name, boolean bp, boolean statin, boolean diabetes) {
        // by the medicines-by-class table (WHO ATC groups C02-C09, C10AA, A10 restricted to diabetes-only medicines)
        java.util.Set<String> classes = BundledModels.vocabulary().classesOf(name);
        assertThat(classes.contains(InputResolver.ANTIHYPERTENSIVE)).isEqualTo(bp);
        assertThat(classes.contains(InputResolver.STATIN)).isEqualTo(statin);
        assertThat(classes.contains(InputResolver.DIABETES_MEDICINE)).isEqualTo(diabetes);
    }

    @Test
    void egfrIsCalculatedFromTheLatestCreatinineWhenADerivingModelIsGiven() {
        // CKD-EPI 2021 (Inker et al., NEJM 2021), man aged 60 (born 1966-01-01, TODAY 2026-03-01), Scr 1.2 mg/dL:
        // 142 x (1.2/0.9)^-1.200 x 0.9938^60 = 142 x 0.7084 x 0.6882 = 69.2 -> 69 as labs report it
        Chart c = chart(patient(Sex.MALE, LocalDate.of(1966, 1, 1)),
                List.of(obs(Measure.CREATININE, 106.1, Unit.UMOL_PER_L, "2026-02-01T09:00:00Z")), List.of());
        ClinicalModel prevent = org.outpost.app.risk.PreventEquations.totalCvd();
        InputResolver withEgfr = new InputResolver(ZoneOffset.UTC,
                java.util.Map.of("egfr", new org.outpost.app.dosing.CkdEpi2021()), BundledModels.vocabulary());

        ResolvedInputs r = withEgfr.resolve(prevent, c, TODAY);

        assertThat(r.inputs().number("egfr")).hasValue(69.0);
        assertThat(r.source("egfr")).contains(new InputSource.Calculated(List.of(Measure.CREATININE),
                Instant.parse("2026-02-01T09:00:00Z")));
        // without the deriving model, or without a creatinine, eGFR stays for the clinician
        assertThat(RESOLVER.resolve(prevent, c, TODAY).unresolved()).contains("egfr");
        Chart noCreatinine = chart(c.patient(), List.of(), List.of());
        assertThat(withEgfr.resolve(prevent, noCreatinine, TODAY).unresolved()).contains("egfr");
    }

    @Test
    void genotypeInputsTakeTheNewestResultForTheGeneWhateverItsAge() {
        ClinicalModel pgx = new ClinicalModel() {
            private final ModelRef ref = new ModelRef("pgx", "1", "PGx", "none");

            @Override
            public ModelRef ref() {
                return ref;
            }

            @Override
            public List<InputSpec> inputs() {
                return List.of(InputSpec.text("cyp2c19", ""), InputSpec.text("tpmt", ""));
            }

            @Override
            public Evaluation evaluate(ModelInputs inputs) {
                return Evaluation.notApplicable(ref, List.of(), List.of("test"));
            }
        };
        Chart c = new Chart(patient(Sex.MALE, LocalDate.of(1950, 1, 1)), List.of(), List.of(), List.of(
                new Genotype(UUID.randomUUID(), ID, "CYP2C19", "*1/*2", "lab A", LocalDate.of(2001, 5, 1)),
                new Genotype(UUID.randomUUID(), ID, "CYP2C19", "*2/*2", "lab B", LocalDate.of(2010, 5, 1)),
                new Genotype(UUID.randomUUID(), ID, "CYP2D6", "*1/*1", "lab B", LocalDate.of(2010, 5, 1))), List.of());

        ResolvedInputs r = RESOLVER.resolve(pgx, c, TODAY);

        assertThat(r.inputs().text("cyp2c19")).contains("*2/*2");
        assertThat(r.source("cyp2c19")).contains(new InputSource.FromGenotype("CYP2C19", LocalDate.of(2010, 5, 1)));
        assertThat(r.unresolved()).containsExactly("tpmt");
    }

    @Test
    void anAdultsHeightCountsWhateverItsAgeButAChildsDoesNot() {
        ClinicalModel dosing = new ClinicalModel() {
            private final ModelRef ref = new ModelRef("dose", "1", "Dose", "none");

            @Override
            public ModelRef ref() {
                return ref;
            }

            @Override
            public List<InputSpec> inputs() {
                return List.of(InputSpec.measured("height", Measure.BODY_HEIGHT, ""),
                        InputSpec.measured("weight", Measure.BODY_WEIGHT, ""));
            }

            @Override
            public Evaluation evaluate(ModelInputs inputs) {
                return Evaluation.notApplicable(ref, List.of(), List.of("test"));
            }

            @Override
            public Period freshness() {
                return Period.ofMonths(3);
            }
        };
        Chart adult = chart(patient(Sex.MALE, LocalDate.of(1960, 1, 1)), List.of(
                obs(Measure.BODY_HEIGHT, 178, Unit.CM, "2012-05-01T09:00:00Z"),
                obs(Measure.BODY_WEIGHT, 80, Unit.KG, "2025-05-01T09:00:00Z")), List.of());
        ResolvedInputs r = RESOLVER.resolve(dosing, adult, TODAY);
        assertThat(r.inputs().number("height")).hasValue(178);
        assertThat(r.unresolved()).containsExactly("weight"); // ten months old: outside the 3-month window

        Chart grownSince = chart(patient(Sex.MALE, LocalDate.of(2006, 1, 1)), List.of(
                obs(Measure.BODY_HEIGHT, 140, Unit.CM, "2016-05-01T09:00:00Z")), List.of());
        assertThat(RESOLVER.resolve(dosing, grownSince, TODAY).unresolved()).contains("height");
    }
}
