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

    private static Map<String, Object> clevelandFirstRow() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("age", 63);
        m.put("sex", "male");
        m.put("chestPain", "typical_angina");
        m.put("systolicBp", 145);
        m.put("totalCholesterol", 233);
        m.put("fastingGlucoseOver120", true);
        m.put("restingEcg", "lv_hypertrophy");
        m.put("maxHeartRate", 150);
        m.put("exerciseAngina", false);
        m.put("stDepression", 2.3);
        m.put("stSlope", "downsloping");
        m.put("vesselsColoured", 0);
        m.put("thallium", "fixed_defect");
        return m;
    }

    @Test
    void nameVersionInputsAndAnIncompleteWorkUpNeedNoFiles() {
        Map<String, Object> chartOnly = new LinkedHashMap<>(clevelandFirstRow());
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
        ModelInputs complete = ModelInputs.of(clevelandFirstRow());

        assertThat(deferred.evaluate(complete)).isEqualTo(LearnedModels.coronaryDisease().evaluate(complete));
        assertThat(deferred.card()).isSameAs(LearnedModels.coronaryDisease().card());
        assertThat(loads).hasValue(2);
    }
}
