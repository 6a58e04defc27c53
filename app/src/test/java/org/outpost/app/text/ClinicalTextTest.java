package org.outpost.app.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.InputSpec;

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
    void anUnknownKeyShowsAsItselfAndAnEmptyKeyAsNothing() {
        assertThat(english.format("input.nope.nothing")).isEqualTo("input.nope.nothing");
        assertThat(english.format(Text.of(""))).isEmpty();
    }
}
