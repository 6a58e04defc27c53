package org.outpost.app.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;

/** The model contract for the dosing models: random well-typed inputs give a finite value or advice, or say why not. */
class DosingModelsContractTest {
    static Stream<ClinicalModel> models() {
        return DosingModels.all().stream();
    }

    @Test
    void idsAreUniqueAndRegistered() {
        assertThat(DosingModels.registry().ids()).containsExactly("crcl-cockcroft-gault", "egfr-ckd-epi-2021",
                "warfarin-iwpc", "doac-dose", "egfr-ckd-epi-2021-cr-cys", "warfarin-label-genotype");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void randomWellTypedInputsGiveAFiniteValueOrSayWhyNot(ClinicalModel model) {
        Random random = new Random(model.ref().id().hashCode());
        int applicable = 0;
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> raw = new LinkedHashMap<>();
            for (InputSpec spec : model.inputs()) {
                if (random.nextDouble() < 0.1) {
                    continue;
                }
                raw.put(spec.name(), switch (spec.kind()) {
                    case BOOLEAN -> random.nextBoolean();
                    case CHOICE -> spec.choices().get(random.nextInt(spec.choices().size()));
                    // genotype texts as labs write them, some outside what the models cover
                    case TEXT -> spec.name().equals("vkorc1")
                            ? List.of("G/G", "A/G", "A/A", "G>A het", "not a genotype").get(random.nextInt(5))
                            : List.of("*1/*1", "*1/*3", "*3/*3", "*1/*5", "unknown").get(random.nextInt(5));
                    case NUMBER -> random.nextDouble() < 0.05 ? spec.min()
                            : spec.min() + random.nextDouble() * (spec.max() - spec.min());
                });
            }
            Evaluation e = model.evaluate(ModelInputs.of(raw));
            if (e.applicable()) {
                applicable++;
                // an advising model may give no number (avoid the drug), but then it gives a recommendation
                assertThat(e.value().isPresent() || e.recommendation().isPresent()).as("%s", raw).isTrue();
                if (e.value().isPresent()) {
                    assertThat(e.value().getAsDouble()).as("%s", raw).isFinite().isNotNegative(); // rounds to 0 at extremes
                }
                assertThat(e.contributions()).allSatisfy(c -> assertThat(c.amount()).isFinite());
                assertThat(e.category()).isPresent();
            } else {
                assertThat(e.missing().isEmpty() && e.reasons().isEmpty()).as("%s", raw).isFalse();
            }
        }
        assertThat(applicable).isPositive();
    }
}
