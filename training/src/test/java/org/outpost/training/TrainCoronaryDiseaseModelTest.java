package org.outpost.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outpost.app.ml.ClevelandCase.Labelled;
import org.outpost.app.ml.CoronaryDiseaseLearnedModel;
import org.outpost.app.ml.LearnedModels;
import org.outpost.app.ml.Metrics;
import org.outpost.app.ml.ModelCard;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The shipped card against the real data: the held-out split is remade from the Cleveland file and the seed, the
 * shipped model file is scored on it, and every figure must equal the card's. Training again must give the
 * shipped model.
 */
class TrainCoronaryDiseaseModelTest {
    private static final Path DATA = Path.of("../../shared/data/ml/processed.cleveland.data");
    private static ClevelandData data;
    private static Splits.Split split;
    private static Model<Label> shipped;
    private static ModelCard card;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        data = ClevelandData.read(DATA);
        split = Splits.holdOut(data.rows(), TrainCoronaryDiseaseModel.HELD_OUT, TrainCoronaryDiseaseModel.SEED);
        try (InputStream in = CoronaryDiseaseLearnedModel.class.getResourceAsStream(
                CoronaryDiseaseLearnedModel.RESOURCES + CoronaryDiseaseLearnedModel.MODEL_FILE)) {
            shipped = (Model<Label>) Model.deserializeFromStream(in);
        }
        card = LearnedModels.coronaryDisease().card();
    }

    @Test
    void theDataFileIsTheOneTheCardNames() {
        assertThat(data.rowsInFile()).isEqualTo(303);
        assertThat(data.dropped()).isEqualTo(6);
        assertThat(data.sha256()).isEqualTo(card.provenance().dataSha256());
    }

    @Test
    void theSplitIsStratifiedAndDisjoint() {
        assertThat(split.train()).hasSize(card.data().trainRows());
        assertThat(split.heldOut()).hasSize(card.data().heldOutRows());
        IdentityHashMap<Labelled, Boolean> seen = new IdentityHashMap<>();
        split.train().forEach(r -> seen.put(r, true));
        assertThat(split.heldOut()).noneMatch(seen::containsKey);
        double share = (double) data.rows().stream().filter(Labelled::disease).count() / data.rows().size();
        double heldShare = (double) split.heldOut().stream().filter(Labelled::disease).count() / split.heldOut().size();
        assertThat(heldShare).isCloseTo(share, within(0.01));
        List<Splits.Split> folds = Splits.folds(split.train(), 5, 1);
        assertThat(folds.stream().mapToInt(f -> f.heldOut().size()).sum()).isEqualTo(split.train().size());
    }

    @Test
    void heldOutAndSubgroupMetricsRecomputedFromTheRealSplitEqualTheCards() {
        Metrics overall = TrainCoronaryDiseaseModel.score(shipped, split.heldOut());
        assertThat(overall).isEqualTo(card.heldOut());
        List<ModelCard.Subgroup> subgroups = TrainCoronaryDiseaseModel.subgroups(shipped, split.heldOut(), overall);
        assertThat(subgroups).isEqualTo(card.subgroups());
        // and the subgroups are what they say: sexes and age bands partition the held-out split
        assertThat(subgroups.get(0).metrics().n() + subgroups.get(1).metrics().n()).isEqualTo(overall.n());
        assertThat(subgroups.get(2).metrics().n() + subgroups.get(3).metrics().n() + subgroups.get(4).metrics().n())
                .isEqualTo(overall.n());
    }

    @Test
    void trainingAgainGivesTheShippedModel() {
        TrainCoronaryDiseaseModel.Result again = TrainCoronaryDiseaseModel.train(data, DATA.getFileName().toString());
        double[] expected = Algorithm.probabilities(shipped, split.heldOut());
        double[] actual = Algorithm.probabilities(again.model(), split.heldOut());
        assertThat(actual).containsExactly(expected, within(1e-12));
        assertThat(again.card().comparison()).isEqualTo(card.comparison());
        assertThat(again.statistics()).isEqualTo(LearnedModels.coronaryDisease().trainingStatistics());
        assertThat(again.bootstrap().getNumModels()).isEqualTo(TrainCoronaryDiseaseModel.BOOTSTRAP);
    }
}
