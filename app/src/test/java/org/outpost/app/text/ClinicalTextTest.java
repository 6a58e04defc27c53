package org.outpost.app.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.app.text.ClinicalText.english;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.outpost.app.domain.AllergyEntry;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.dosing.DoseLimits;
import org.outpost.app.dosing.WarfarinLabelDose;
import org.outpost.app.model.Recommendation;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.prescribing.OrderDraft;
import org.outpost.app.prescribing.PrescribingCheck;
import org.junit.jupiter.api.Test;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.domain.AuditRow;
import org.outpost.app.dosing.CockcroftGault;
import org.outpost.app.dosing.DoacDose;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.OutOfDistribution;
import org.outpost.app.risk.Cha2ds2Vasc;
import org.outpost.app.risk.PooledCohortEquations;
import org.outpost.app.risk.Score2;

/**
 * The clinical bundle behind the models' words: every input of every bundled model is described by a key the
 * bundle has (no description left only in code), and a second language is a translation that falls back to
 * English key by key.
 */
class ClinicalTextTest {
    private final ClinicalText english = ClinicalText.english();

    @Test
    void everyInputOfEveryBundledModelIsDescribedInTheBundle() {
        List<ClinicalModel> models = BundledModels.all();
        assertThat(models).hasSizeGreaterThan(10);
        Set<String> missing = new LinkedHashSet<>();
        for (ClinicalModel model : models) {
            for (InputSpec spec : model.inputs()) {
                String where = model.ref().id() + "." + spec.name();
                if (!spec.descriptionKey().startsWith("input.") || !english.has(spec.descriptionKey())) {
                    missing.add(where + " -> " + spec.descriptionKey());
                } else {
                    assertThat(spec.description()).as(where).isNotBlank().isNotEqualTo(spec.descriptionKey())
                            .doesNotContain("{");
                }
            }
        }
        assertThat(missing).as("inputs without a description in clinical.properties").isEmpty();
    }

    /** Keys of the bundle are string literals in the app's code, so a translator's file and the code match. */
    @Test
    void everyKeyOfTheBundleIsUsedAndEveryKeyInCodeIsInIt() throws IOException {
        Pattern literal = Pattern.compile("\"((?:input|reason|label|name|format|advice|alert)\\.[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9])\"");
        Set<String> inCode = new TreeSet<>();
        Path sources = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    inCode.add(m.group(1));
                }
            }
        }
        ResourceBundle bundle = ResourceBundle.getBundle(ClinicalText.BUNDLE, Locale.ROOT);
        // a category's key is made from the code a risk model returns ("very high" -> category.very_high)
        Path risk = sources.resolve("org/outpost/app/risk");
        StringBuilder riskSources = new StringBuilder();
        try (Stream<Path> files = Files.walk(risk)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                riskSources.append(Files.readString(f));
            }
        }
        bundle.keySet().stream().filter(k -> k.startsWith("category.")).forEach(k -> {
            String code = k.substring("category.".length()).replace('_', ' ');
            if (riskSources.indexOf("\"" + code + "\"") >= 0) {
                inCode.add(k);
            }
        });
        assertThat(inCode).hasSizeGreaterThan(150);
        assertThat(inCode).allSatisfy(k -> assertThat(bundle.containsKey(k)).as("clinical.properties has " + k).isTrue());
        assertThat(bundle.keySet()).allSatisfy(k -> assertThat(inCode).as("code uses " + k).contains(k));
    }

    @Test
    void aDescriptionWithArgumentsIsFormattedAndOneWithoutIsTakenAsWritten() {
        assertThat(english.format("input.pgx-cpic.diplotype", "CYP2C19", "*1/*2"))
                .isEqualTo("CYP2C19 diplotype as reported by the lab, e.g. *1/*2");
        // No arguments: the apostrophes are the text's own, not MessageFormat quotes.
        assertThat(english.format("input.qrisk3.ethnicity")).contains("'not recorded'");
        assertThat(english.format("input.score2.riskRegion")).contains("person's country");
    }

    @Test
    void aTranslationIsUsedWhereItHasTheKeyAndEnglishElsewhere() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRENCH); // the machine's locale must not leak into the fallback
            ClinicalText german = ClinicalText.of(Locale.GERMAN);
            assertThat(german.format("input.cha2ds2-vasc.heartFailure"))
                    .isEqualTo("Herzinsuffizienz oder linksventrikuläre Dysfunktion");
            assertThat(german.format("input.pgx-cpic.diplotype", "TPMT", "*1/*3A"))
                    .isEqualTo("TPMT-Diplotyp laut Laborbefund, z. B. *1/*3A");
            assertThat(german.format("input.cha2ds2-vasc.hypertension")).isEqualTo("Hypertension");
            assertThat(ClinicalText.of(Locale.JAPANESE).format("input.cha2ds2-vasc.heartFailure"))
                    .isEqualTo("Congestive heart failure or LV dysfunction");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void riskAndDosingReasonsAreKeysWithTheirEnglishUnchanged() {
        Map<ClinicalModel, ModelInputs> outside = new LinkedHashMap<>();
        outside.put(new Cha2ds2Vasc(), ModelInputs.of(Map.of("age", 10.0, "atrialFibrillation", false,
                "valvularAf", true)));
        outside.put(new PooledCohortEquations(), ModelInputs.of(Map.of("age", 30.0, "hdl", 120.0)));
        outside.put(new Score2(), ModelInputs.of(Map.of("age", 72.0, "diabetes", true)));
        outside.put(new CockcroftGault(), ModelInputs.of(Map.of("age", 12.0, "creatinine", 0.1, "weight", 400.0)));
        outside.put(new DoacDose(), ModelInputs.of(Map.of("drug", "apixaban", "age", 12.0)));
        List<String> english = new ArrayList<>();
        for (var entry : outside.entrySet()) {
            Evaluation e = entry.getKey().evaluate(entry.getValue());
            assertThat(e.applicable()).isFalse();
            assertThat(e.reasonTexts()).as(entry.getKey().ref().id()).isNotEmpty().allSatisfy(t -> {
                assertThat(t.isVerbatim()).isFalse();
                assertThat(english().has(t.key())).as(t.key()).isTrue();
            });
            english.addAll(e.reasons());
        }
        // the English words are the ones the models said before the keys (the CLI's JSON and CSV keep them)
        assertThat(english).contains(
                "CHA\u2082DS\u2082-VASc is validated only for people with atrial fibrillation",
                "Not for valvular atrial fibrillation (mechanical valve or moderate-severe mitral stenosis)",
                "Validated in adults (18 years and older)",
                "Age 30 years is outside the validated range 40\u201379 years",
                "HDL cholesterol 120 mg/dL is outside the validated range 20\u2013100 mg/dL",
                "SCORE2 is validated for ages 40 to 69; from 70 use SCORE2-OP",
                "SCORE2 is not for people with diabetes (use SCORE2-Diabetes)",
                "Serum creatinine below 0.2 mg/dL: the estimate is not reliable",
                "Weight 400 kg is outside the validated range 20\u2013350 kg",
                "Not for patients under 18: the safety and effectiveness of ELIQUIS (apixaban) in paediatric patients "
                        + "with atrial fibrillation have not been established (PI \u00a78.4)");
    }

    @Test
    void aReasonWithALabelInsideIsShownWhollyInTheReadersLanguage() {
        Text reason = Text.of("reason.outsideValidatedRange", Text.of("label.age"), "30", "years", "40", "79");
        assertThat(reason.english()).isEqualTo("Age 30 years is outside the validated range 40\u201379 years");
        // the test bundle clinical_de translates the pattern and the label
        assertThat(ClinicalText.of(Locale.GERMAN).format(reason))
                .isEqualTo("Alter 30 years liegt au\u00dferhalb des validierten Bereichs 40\u201379 years");
    }

    @Test
    void aLearnedModelsOutOfDistributionReasonIsATextWithItsEnglishUnchanged() {
        String prefix = OutOfDistribution.PREFIX;
        assertThat(new OutOfDistribution(List.of("age", "maxHeartRate"), 2.0, 5.0).reason())
                .isEqualTo(prefix + "age, maxHeartRate outside the training range");
        assertThat(new OutOfDistribution(List.of(), 6.25, 5.0).reason()).isEqualTo(prefix
                + "this combination of inputs (distance 6.3, above the 5.0 that 99% of training cases are within)");
        OutOfDistribution both = new OutOfDistribution(List.of("age"), 7.0, 5.0);
        assertThat(both.reason()).isEqualTo(prefix + "age outside the training range; this combination of inputs "
                + "(distance 7.0, above the 5.0 that 99% of training cases are within)");
        assertThat(both.reasonText().key()).isEqualTo("reason.outOfDistribution.both");
        assertThat(new OutOfDistribution(List.of(), 1.0, 5.0).reason()).isEmpty();
    }

    @Test
    void namesAndDaysAreWrittenByTheBundlesPatterns() {
        assertThat(english.personName("O'Brien", "Siobhan")).isEqualTo("O'Brien, Siobhan");
        assertThat(english.personName("Nakamura", " ")).isEqualTo("Nakamura");
        assertThat(AuditRow.name("Nakamura", "Aiko")).isEqualTo("Nakamura, Aiko");
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertThat(english.dateFormatter().format(day)).isEqualTo("2026-03-01");
        assertThat(english.dateTimeFormatter().format(day.atTime(9, 5))).isEqualTo("2026-03-01 09:05");
        // a translation changes the pattern, not the code; what it does not translate stays English
        ClinicalText german = ClinicalText.of(Locale.GERMAN);
        assertThat(german.dateFormatter().format(day)).isEqualTo("01.03.2026");
        assertThat(german.dateTimeFormatter().format(day.atTime(9, 5))).isEqualTo("2026-03-01 09:05");
    }

    @Test
    void aCategoryIsTranslatedWhereTheBundleHasItAndShownAsWrittenElsewhere() {
        assertThat(english.category("very high")).isEqualTo("very high");
        assertThat(english.category("low-to-moderate")).isEqualTo("low-to-moderate");
        assertThat(english.category("poor metabolizer")).isEqualTo("poor metabolizer");
        ClinicalText german = ClinicalText.of(Locale.GERMAN);
        assertThat(german.category("high")).isEqualTo("hoch");
        assertThat(german.category("borderline")).isEqualTo("borderline");
    }

    @Test
    void anUnknownKeyShowsAsItselfAndAnEmptyKeyAsNothing() {
        assertThat(english.format("input.nope.nothing")).isEqualTo("input.nope.nothing");
        assertThat(english.format(Text.of(""))).isEmpty();
    }

    // ------------------------------------------------------------------ advice and alerts generated in code

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Instant LAST_WEEK = Instant.parse("2026-11-18T09:00:00Z");

    /**
     * A chart: a woman born {@code born}, 170 cm and {@code kg} last week, creatinine {@code creatinine} mg/dL (none
     * when NaN), the medicines she takes, her genotypes (gene, diplotype, gene, diplotype …) and allergies.
     */
    private static Chart chart(LocalDate born, double kg, double creatinine, List<String> taking, AllergyStatus allergies,
                               String... genes) {
        PatientId id = PatientId.random();
        List<Observation> obs = new ArrayList<>();
        obs.add(new Observation(UUID.randomUUID(), id, Measure.BODY_HEIGHT, Quantity.of(170, Unit.CM), LAST_WEEK, "nurse"));
        obs.add(new Observation(UUID.randomUUID(), id, Measure.BODY_WEIGHT, Quantity.of(kg, Unit.KG), LAST_WEEK, "nurse"));
        if (!Double.isNaN(creatinine)) {
            obs.add(new Observation(UUID.randomUUID(), id, Measure.CREATININE, Quantity.of(creatinine, Unit.MG_PER_DL),
                    LAST_WEEK, "nurse"));
        }
        List<Medication> meds = taking.stream().map(name -> new Medication(UUID.randomUUID(), id, name, Optional.empty(),
                "", "oral", "", TODAY.minusYears(1), Optional.empty())).toList();
        List<Genotype> genotypes = new ArrayList<>();
        for (int i = 0; i < genes.length; i += 2) {
            genotypes.add(new Genotype(UUID.randomUUID(), id, genes[i], genes[i + 1], "lab", TODAY.minusYears(2)));
        }
        Patient p = new Patient(id, new Mrn("T-1"), "Test", "Person", Sex.FEMALE, born, "", "",
                SharingConsent.notRecorded(), allergies);
        return new Chart(p, obs, meds, genotypes, List.of());
    }

    private static final AllergyStatus NONE_KNOWN = new AllergyStatus.NoKnownAllergies(
            new Recorded("dr.test", Instant.parse("2024-01-01T09:00:00Z")));

    /** Every key a text uses, its arguments' included. */
    private static Set<String> keys(Text t) {
        Set<String> keys = new LinkedHashSet<>();
        if (!t.key().isEmpty()) {
            keys.add(t.key());
        }
        t.args().stream().filter(Text.class::isInstance).forEach(a -> keys.addAll(keys((Text) a)));
        return keys;
    }

    /** Each text's keys are in the bundle and it renders to exactly the English the value object keeps. */
    private static void assertKeyedAndEnglish(String where, Text text, String englishKept) {
        assertThat(keys(text)).as(where + " keys").allSatisfy(k -> assertThat(english().has(k)).as(where + ": " + k).isTrue());
        assertThat(english().format(text)).as(where).isEqualTo(englishKept).doesNotContain("{").isNotBlank();
    }

    @Test
    void theDosingModelsAdviceIsKeyedAndRendersToItsEnglish() {
        Map<String, ModelInputs> cases = new LinkedHashMap<>();
        cases.put("advice.doac.apixaban.reduce", ModelInputs.of(Map.of("drug", "apixaban", "age", 85.0, "weight", 55.0,
                "creatinine", 1.6)));
        cases.put("advice.doac.dabigatran.avoidInhibitor", ModelInputs.of(Map.of("drug", "dabigatran", "age", 70.0,
                "sex", "male", "weight", 60.0, "creatinine", 2.6, "pgpInhibitor", true)));
        cases.put("advice.doac.rivaroxaban.below30", ModelInputs.of(Map.of("drug", "rivaroxaban", "age", 70.0,
                "sex", "female", "weight", 60.0, "creatinine", 2.4)));
        cases.put("advice.doac.edoxaban.highCrcl", ModelInputs.of(Map.of("drug", "edoxaban", "age", 40.0,
                "sex", "male", "weight", 100.0, "creatinine", 0.7)));
        for (var c : cases.entrySet()) {
            Recommendation r = new DoacDose().evaluate(c.getValue()).recommendation().orElseThrow();
            assertThat(keys(r.message())).as(c.getKey()).contains(c.getKey());
            assertKeyedAndEnglish(c.getKey(), r.message(), r.text());
        }
        // ELIQUIS PI §2: 2.5 mg twice daily with two of age >= 80 y, weight <= 60 kg, creatinine >= 1.5 mg/dL
        Recommendation apixaban = new DoacDose().evaluate(cases.get("advice.doac.apixaban.reduce"))
                .recommendation().orElseThrow();
        assertThat(apixaban.text()).isEqualTo("Apixaban 2.5 mg twice daily: age \u2265 80 y, weight \u2264 60 kg and "
                + "serum creatinine \u2265 1.5 mg/dL \u2014 the ELIQUIS dose-reduction criteria are age \u2265 80 y, "
                + "weight \u2264 60 kg and serum creatinine \u2265 1.5 mg/dL; 2.5 mg twice daily with at least two.");
        Recommendation label = new WarfarinLabelDose().evaluate(ModelInputs.of(Map.of("vkorc1", "A/A",
                "cyp2c9", "*3/*3"))).recommendation().orElseThrow();
        assertThat(keys(label.message())).contains("advice.warfarin-label.range", "advice.warfarin-label.prolonged");
        assertKeyedAndEnglish("warfarin label", label.message(), label.text());
        DoseLimits limits = DoseLimits.bundled();
        for (double mg : new double[] {5, 400, 1000, 4000}) {
            Recommendation r = limits.check("ibuprofen", mg, "mg", "three times daily", "oral", OptionalDouble.empty(),
                    OptionalDouble.empty()).orElseThrow().recommendation();
            assertThat(r.message().isVerbatim()).as("ibuprofen " + mg).isFalse();
            assertKeyedAndEnglish("ibuprofen " + mg + " mg", r.message(), r.text());
        }
    }

    @Test
    void thePrescribingChecksAlertsOnRepresentativeChartsAreKeyedAndRenderToTheirEnglish() {
        PrescribingCheck check = BundledModels.prescribingCheck(ZoneOffset.UTC);
        LocalDate seventy = LocalDate.of(1956, 6, 1);
        Map<String, List<OrderAlert>> cases = new LinkedHashMap<>();
        cases.put("clopidogrel, CYP2C19 poor metaboliser", check.check(chart(seventy, 70, 0.9, List.of(), NONE_KNOWN,
                "CYP2C19", "*2/*2"), new OrderDraft("clopidogrel", 75, "mg", "once daily", "oral", "acs-pci"), TODAY, Map.of()));
        cases.put("apixaban, 85 y, 55 kg, creatinine 1.6", check.check(chart(LocalDate.of(1941, 1, 1), 55, 1.6, List.of(),
                NONE_KNOWN), new OrderDraft("apixaban", 5, "mg", "twice daily", "oral"), TODAY, Map.of()));
        cases.put("warfarin with genotype", check.check(chart(seventy, 70, 0.9, List.of(), NONE_KNOWN, "VKORC1", "A/A",
                "CYP2C9", "*1/*3"), new OrderDraft("warfarin", 5, "mg", "once daily", "oral"), TODAY, Map.of()));
        cases.put("ibuprofen, aspirin allergy", check.check(chart(seventy, 70, 0.9, List.of(), new AllergyStatus.Listed(
                List.of(new AllergyEntry("aspirin", "hives", AllergySeverity.MODERATE, Optional.empty())))),
                new OrderDraft("ibuprofen", 400, "mg", "three times daily", "oral"), TODAY, Map.of()));
        cases.put("atorvastatin while on simvastatin", check.check(chart(seventy, 70, 0.9, List.of("simvastatin 20 mg"),
                NONE_KNOWN), new OrderDraft("atorvastatin", 20, "mg", "once daily", "oral"), TODAY, Map.of()));
        cases.put("allergies not recorded", check.check(chart(seventy, 70, 0.9, List.of(), new AllergyStatus.NotRecorded()),
                new OrderDraft("atorvastatin", 20, "mg", "once daily", "oral"), TODAY, Map.of()));
        cases.put("amiodarone while on warfarin", check.check(chart(seventy, 70, 0.9, List.of("warfarin"), NONE_KNOWN,
                "VKORC1", "G/A", "CYP2C9", "*1/*1"), new OrderDraft("amiodarone", 200, "mg", "once daily", "oral"),
                TODAY, Map.of()));
        cases.put("metformin at eGFR 26", check.check(chart(seventy, 70, 2.0, List.of(), NONE_KNOWN),
                new OrderDraft("metformin", 500, "mg", "twice daily", "oral"), TODAY, Map.of()));
        Set<String> used = new TreeSet<>();
        for (var c : cases.entrySet()) {
            assertThat(c.getValue()).as(c.getKey()).isNotEmpty();
            for (OrderAlert a : c.getValue()) {
                assertKeyedAndEnglish(c.getKey() + " headline", a.headlineText(), a.headline());
                assertKeyedAndEnglish(c.getKey() + " text", a.message(), a.text());
                used.addAll(keys(a.headlineText()));
                used.addAll(keys(a.message()));
            }
        }
        // the words generated in code are keys; CPIC's and the tables' own words come in as arguments
        assertThat(used).contains("advice.pgx.forIndication", "advice.doac.apixaban.reduce",
                "advice.warfarin-iwpc.estimate", "alert.allergy.cross", "alert.allergy.crossText",
                "alert.duplicate.class", "alert.duplicate.classText", "alert.allergy.notRecorded",
                "alert.allergy.notRecordedText", "alert.amiodarone.headline", "alert.amiodarone.textWithFall",
                "alert.renal.kidney", "alert.renal.draft");
        // an alert the prescriber reads in full: the English as before the keys
        assertThat(cases.get("allergies not recorded")).anySatisfy(a -> assertThat(a.text()).isEqualTo(
                "The patient's allergies have not been recorded, so this order was not checked against them. Ask the "
                        + "patient and record their allergies, or no known allergies, on the patient's record."));
    }

    @Test
    void anAdviceTranslatedInTheTestBundleIsShownInGermanWithItsNumbers() {
        Recommendation r = new DoacDose().evaluate(ModelInputs.of(Map.of("drug", "edoxaban", "age", 40.0,
                "sex", "male", "weight", 100.0, "creatinine", 0.7))).recommendation().orElseThrow();
        // Cockcroft-Gault, man 40 y, 100 kg, creatinine 0.7 mg/dL: (140 - 40) x 100 / (72 x 0.7) = 198.4 mL/min
        assertThat(r.text()).startsWith("Do not use edoxaban: CrCl 198.4 mL/min");
        String german = ClinicalText.of(Locale.GERMAN).format(r.message());
        assertThat(german).isEqualTo("Edoxaban nicht anwenden: CrCl 198,4 mL/min (Cockcroft\u2013Gault, tats\u00e4chliches "
                + "K\u00f6rpergewicht) liegt \u00fcber 95 mL/min \u2014 geringere Wirksamkeit: mehr isch\u00e4mische "
                + "Schlaganf\u00e4lle als unter Warfarin in ENGAGE AF-TIMI 48 (Boxed Warning). Ein anderes "
                + "Antikoagulans verwenden.");
        // a key the translation lacks falls back to English, key by key
        Recommendation apixaban = new DoacDose().evaluate(ModelInputs.of(Map.of("drug", "apixaban", "age", 50.0,
                "weight", 80.0, "creatinine", 0.9))).recommendation().orElseThrow();
        assertThat(ClinicalText.of(Locale.GERMAN).format(apixaban.message())).isEqualTo(apixaban.text());
    }
}
