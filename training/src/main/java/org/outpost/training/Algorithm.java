package org.outpost.training;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.ml.ClevelandCase;
import org.outpost.app.ml.ClevelandCase.Labelled;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/** The candidate learners compared on the Cleveland data, each trained with a given seed. */
enum Algorithm {
    /**
     * Logistic regression with an L2 penalty (liblinear's L2R_LR solver through Tribuo, cost C =
     * {@value #COST}: a moderate penalty) on features standardised to mean 0 and standard deviation 1 over the
     * training rows (Tribuo's {@link TransformTrainer}, densified so every feature is standardised).
     */
    LOGISTIC_REGRESSION("L2-regularised logistic regression",
            "Tribuo LibLinearClassificationTrainer, L2R_LR, C " + Algorithm.COST + ", on mean/sd-standardised features") {
        @Override
        Model<Label> train(List<Labelled> rows, long seed) {
            var liblinear = new LibLinearClassificationTrainer(new LinearClassificationType(
                    LinearClassificationType.LinearType.L2R_LR), COST, 1000, 1e-6, seed);
            var trainer = new TransformTrainer<>(liblinear,
                    new TransformationMap(List.of(new MeanStdDevTransformation())), true);
            return trainer.train(dataset(rows));
        }
    },
    /** A random forest of CART trees, probabilities averaged over the trees' leaf distributions. */
    RANDOM_FOREST("Random forest (" + Algorithm.TREES + " CART trees)",
            "Tribuo RandomForestTrainer, " + Algorithm.TREES + " CARTClassificationTrainer trees (unlimited depth, "
                    + "30% of features per split), FullyWeightedVotingCombiner") {
        @Override
        Model<Label> train(List<Labelled> rows, long seed) {
            var cart = new CARTClassificationTrainer(Integer.MAX_VALUE, 0.3f, seed);
            var forest = new RandomForestTrainer<>(cart, new FullyWeightedVotingCombiner(), TREES, seed);
            return forest.train(dataset(rows));
        }
    };

    static final double COST = 0.1;
    static final int TREES = 300;

    private final String title;
    private final String settings;

    Algorithm(String title, String settings) {
        this.title = title;
        this.settings = settings;
    }

    String title() {
        return title;
    }

    String settings() {
        return settings;
    }

    abstract Model<Label> train(List<Labelled> rows, long seed);

    /** Probabilities of disease for {@code rows}. */
    static double[] probabilities(Model<Label> model, List<Labelled> rows) {
        double[] p = new double[rows.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = rows.get(i).inputs().diseaseProbability(model);
        }
        return p;
    }

    static boolean[] outcomes(List<Labelled> rows) {
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i).disease();
        }
        return y;
    }

    static MutableDataset<Label> dataset(List<Labelled> rows) {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (Labelled row : rows) {
            examples.add(row.inputs().example(new Label(row.disease() ? ClevelandCase.DISEASE : ClevelandCase.NO_DISEASE)));
        }
        return new MutableDataset<>(examples, new SimpleDataSourceProvenance("UCI Heart Disease, Cleveland "
                + "(processed.cleveland.data), complete rows", factory), factory);
    }
}
