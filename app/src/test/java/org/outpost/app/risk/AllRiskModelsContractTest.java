package org.outpost.app.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;

/**
 * The contract every bundled risk model keeps, checked for each model in {@link RiskModels#all()} — a model
 * added there is checked without touching this test.
 *
 * <p>"Required" inputs are found, not declared: an input is required when removing it alone from an
 * applicable, well-typed set of inputs makes the model not applicable. Such a removal must name that input
 * in {@code missing}, and evaluating no inputs at all must name every input found required. Random inputs
 * come from a {@link Random} seeded by the model id, so a failure reproduces.
 */
class AllRiskModelsContractTest {
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int SAMPLES = 2_000;

    static Stream<ClinicalModel> models() {
        return RiskModels.all().stream();
    }

    @Test
    void idsAreUniqueAndKebabCase() {
        List<String> ids = RiskModels.all().stream().map(m -> m.ref().id()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(id).matches(KEBAB_CASE));
        assertThat(RiskModels.registry().ids()).containsExactlyElementsOf(ids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void refHasAVersionATitleAndASource(ClinicalModel model) {
        assertThat(model.ref().version()).isNotBlank();
        assertThat(model.ref().title()).isNotBlank();
        assertThat(model.ref().source()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyInputIsNamedOnceDescribedAndHasAUsableRange(ClinicalModel model) {
        assertThat(model.inputs()).isNotEmpty();
        assertThat(model.inputs()).extracting(InputSpec::name).doesNotHaveDuplicates();
        assertThat(model.inputs()).allSatisfy(spec -> {
            assertThat(spec.description()).as(spec.name()).isNotBlank();
            switch (spec.kind()) {
                case NUMBER -> {
                    assertThat(spec.min()).as(spec.name()).isLessThanOrEqualTo(spec.max());
                    assertThat(spec.unit()).as(spec.name()).isNotBlank();
                }
                case CHOICE -> assertThat(spec.choices()).as(spec.name()).isNotEmpty();
                case BOOLEAN, TEXT -> { }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void emptyInputsAreNotApplicableAndNameEveryRequiredInput(ClinicalModel model) {
        Evaluation e = model.evaluate(ModelInputs.empty());
        assertThat(e.applicable()).isFalse();
        assertThat(e.value()).isEmpty();
        assertThat(e.missing()).isNotEmpty();
        assertThat(e.missing()).isSubsetOf(names(model));
        assertThat(e.missing()).containsAll(requiredInputs(model));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void randomWellTypedInputsGiveAValueOrSayWhyNot(ClinicalModel model) {
        Random random = new Random(seed(model));
        Set<String> names = names(model);
        Set<String> units = new LinkedHashSet<>();
        int applicable = 0;
        for (int i = 0; i < SAMPLES; i++) {
            Map<String, Object> raw = randomInputs(model, random, i % 2 == 0 ? 0 : 0.2);
            Evaluation e = evaluate(model, raw);
            if (e.applicable()) {
                applicable++;
                assertThat(e.value().getAsDouble()).as("%s", raw).isFinite();
                assertThat(e.unit()).as("%s", raw).isNotBlank();
                units.add(e.unit());
                assertThat(e.missing()).as("%s", raw).isEmpty();
                assertThat(e.reasons()).as("%s", raw).isEmpty();
                assertThat(e.contributions()).as("%s", raw).allSatisfy(c -> {
                    assertThat(c.isBaseline() || names.contains(c.input())).as(c.input()).isTrue();
                    assertThat(c.amount()).isFinite();
                });
            } else {
                assertThat(e.value()).isEmpty();
                assertThat(e.missing().isEmpty() && e.reasons().isEmpty()).as("%s", raw).isFalse();
                assertThat(e.missing()).as("%s", raw).isSubsetOf(names);
            }
        }
        assertThat(applicable).as("applicable evaluations among %d random inputs", SAMPLES).isPositive();
        assertThat(units).as("a model gives its value in one declared unit").hasSize(1);
    }

    /**
     * Inputs whose removal alone makes every applicable evaluation not applicable (each must then be named in
     * {@code missing}). Inputs required only sometimes (QRISK3's erectile dysfunction, for men) are checked
     * where they matter but not expected when nothing at all is given.
     */
    private static Set<String> requiredInputs(ClinicalModel model) {
        Random random = new Random(seed(model));
        Map<String, Integer> timesRequired = new LinkedHashMap<>();
        int applicable = 0;
        for (int i = 0; i < SAMPLES && applicable < 200; i++) {
            Map<String, Object> raw = randomInputs(model, random, 0);
            if (!evaluate(model, raw).applicable()) {
                continue;
            }
            applicable++;
            for (String name : raw.keySet()) {
                Map<String, Object> without = new LinkedHashMap<>(raw);
                without.remove(name);
                Evaluation e = evaluate(model, without);
                if (!e.applicable() && e.missing().contains(name)) {
                    timesRequired.merge(name, 1, Integer::sum);
                } else if (!e.applicable()) {
                    // an input with an alternative (QRISK3's ratio or total cholesterol + HDL): the alternative
                    // may be out of range, which must then be said as a reason
                    assertThat(e.reasons()).as("removing %s from %s", name, raw).isNotEmpty();
                }
            }
        }
        assertThat(applicable).as("applicable evaluations among %d random inputs", SAMPLES).isPositive();
        int total = applicable;
        Set<String> required = new LinkedHashSet<>();
        timesRequired.forEach((name, times) -> {
            if (times == total) {
                required.add(name);
            }
        });
        return required;
    }

    private static Evaluation evaluate(ClinicalModel model, Map<String, Object> raw) {
        try {
            return model.evaluate(ModelInputs.of(raw));
        } catch (RuntimeException e) {
            return fail(model.ref().id() + " threw on well-typed inputs " + raw, e);
        }
    }

    /**
     * A middle-aged adult with unremarkable numbers. Models with many range limits (PREVENT has six) are
     * rarely applicable to values drawn uniformly from the accepted ranges, so half the numbers come from
     * here (when the model has that input) and half from anywhere in the accepted range.
     */
    private static final Map<String, Double> TYPICAL = Map.ofEntries(Map.entry("age", 58.0),
            Map.entry("totalCholesterol", 200.0), Map.entry("hdl", 50.0), Map.entry("systolicBp", 135.0),
            Map.entry("egfr", 85.0), Map.entry("bmi", 27.0), Map.entry("cholesterolHdlRatio", 4.0),
            Map.entry("sbpSd", 8.0), Map.entry("waistCm", 92.0), Map.entry("townsend", 0.0), Map.entry("hba1c", 5.8),
            Map.entry("uacr", 12.0));

    /** One value per input within its accepted range (edges included), each left out with {@code drop}. */
    private static Map<String, Object> randomInputs(ClinicalModel model, Random random, double drop) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (InputSpec spec : model.inputs()) {
            if (random.nextDouble() < drop) {
                continue;
            }
            raw.put(spec.name(), switch (spec.kind()) {
                case BOOLEAN -> random.nextBoolean();
                case CHOICE -> spec.choices().get(random.nextInt(spec.choices().size()));
                case TEXT -> "*1/*1";
                case NUMBER -> {
                    double u = random.nextDouble();
                    Double typical = TYPICAL.get(spec.name());
                    if (typical != null && random.nextBoolean()) {
                        yield typical * (0.9 + 0.2 * random.nextDouble());
                    }
                    yield u < 0.05 ? spec.min() : u > 0.95 ? spec.max()
                            : spec.min() + random.nextDouble() * (spec.max() - spec.min());
                }
            });
        }
        return raw;
    }

    private static Set<String> names(ClinicalModel model) {
        Set<String> names = new LinkedHashSet<>();
        model.inputs().forEach(spec -> names.add(spec.name()));
        return names;
    }

    private static long seed(ClinicalModel model) {
        return 0x5EED_0000L ^ model.ref().id().hashCode();
    }
}
