package org.outpost.app.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.outpost.app.model.ModelInputs;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Model files written by earlier versions stay readable (as Tribuo's own tests keep old model files): the
 * coronary model 1.0.0 as Tribuo 4.3.2 wrote it is kept in the test resources, never regenerated. When a Tribuo
 * upgrade or a retrain changes the shipped file, this old file must still load and give its predictions.
 */
class ModelFileCompatibilityTest {
    private static final String OLD = "/org/outpost/app/ml/compat/cad-cleveland-learned-1.0.0-tribuo-4.3.2.tribuo";

    @Test
    @SuppressWarnings("unchecked")
    void theFirstShippedModelFileStillLoadsAndPredictsAsItDid() throws IOException {
        Model<?> model;
        try (InputStream in = getClass().getResourceAsStream(OLD)) {
            model = Model.deserializeFromStream(in);
        }
        assertThat(model.validate(Label.class)).isTrue();
        ModelInputs row1 = ModelInputs.of(CoronaryDiseaseLearnedModelTest.row1());
        double p = CoronaryDiseaseLearnedModel.toCase(row1).diseaseProbability((Model<Label>) model);
        assertThat(100 * p).isCloseTo(28.647657062329817, within(1e-9));
        assertThat(model.getProvenance().getTrainerProvenance().getClassName())
                .isEqualTo("org.tribuo.transform.TransformTrainer");
    }

    @Test
    void theOldFileCanStandInForTheShippedOne() {
        CoronaryDiseaseLearnedModel m = CoronaryDiseaseLearnedModel.load(name -> Optional.ofNullable(
                name.equals(CoronaryDiseaseLearnedModel.MODEL_FILE) ? getClass().getResourceAsStream(OLD)
                        : getClass().getResourceAsStream(CoronaryDiseaseLearnedModel.RESOURCES + name)));
        assertThat(m.evaluate(ModelInputs.of(CoronaryDiseaseLearnedModelTest.row1())).value().getAsDouble())
                .isCloseTo(28.647657062329817, within(1e-9));
    }
}
