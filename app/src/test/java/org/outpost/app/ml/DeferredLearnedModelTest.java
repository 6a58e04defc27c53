package org.outpost.app.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ModelInputs;

/** The learned model as every list of models holds it: its files load on the first complete prediction or card. */
class DeferredLearnedModelTest {
    private final AtomicInteger loads = new AtomicInteger();
    private final LearnedModel deferred = new DeferredLearnedModel(CoronaryDiseaseLearnedModel.REF,
            CoronaryDiseaseLearnedModel.INPUTS, () -> {
                loads.incrementAndGet();
                return LearnedModels.coronaryDisease();
            });

    @Test
    void nameVersionInputsAndAnIncompleteWorkUpNeedNoFiles() {
        Map<String, Object> chartOnly = new LinkedHashMap<>(CoronaryDiseaseLearnedModelTest.row1());
        chartOnly.keySet().retainAll(java.util.List.of("age", "sex", "systolicBp", "totalCholesterol"));

        Evaluation e = deferred.evaluate(ModelInputs.of(chartOnly));

        assertThat(deferred.ref()).isEqualTo(LearnedModels.coronaryDisease().ref());
        assertThat(deferred.inputs()).isEqualTo(LearnedModels.coronaryDisease().inputs());
        assertThat(e).isEqualTo(LearnedModels.coronaryDisease().evaluate(ModelInputs.of(chartOnly)));
        assertThat(e.missing()).contains("chestPain", "thallium");
        assertThat(loads).as("no load for a work-up still missing inputs").hasValue(0);
    }

    @Test
    void aCompleteWorkUpOrTheCardLoadsTheModelAndAnswersAsItDoes() {
        ModelInputs complete = ModelInputs.of(CoronaryDiseaseLearnedModelTest.row1());

        assertThat(deferred.evaluate(complete)).isEqualTo(LearnedModels.coronaryDisease().evaluate(complete));
        assertThat(deferred.card()).isSameAs(LearnedModels.coronaryDisease().card());
        assertThat(loads).hasValue(2);
    }
}
