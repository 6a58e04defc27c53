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
        Pattern literal = Pattern.compile("\"((?:input|reason|label|name|format)\\.[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9])\"");
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
}
