package org.outpost.app.ml;

import java.util.List;
import org.outpost.app.model.ClinicalModel;

/**
 * The learned models Outpost ships, loaded once from the class path on first use (never trained here). The
 * holder is immutable after loading; a damaged resource fails that first use with a {@link LearnedModelException}
 * naming the file.
 */
public final class LearnedModels {
    private LearnedModels() {
    }

    /** The bundled coronary artery disease model (with its card: {@link CoronaryDiseaseLearnedModel#card()}). */
    public static CoronaryDiseaseLearnedModel coronaryDisease() {
        if (Holder.FAILURE != null) {
            throw new LearnedModelException(Holder.FAILURE.getMessage(), Holder.FAILURE);
        }
        return Holder.CORONARY;
    }

    /**
     * Every learned model, in the order {@code calc --list} shows them. Each loads its files on its first prediction
     * or card, not here: listing the models (every admin command does) costs nothing.
     */
    public static List<ClinicalModel> all() {
        return List.of(coronaryDiseaseDeferred());
    }

    /** The bundled coronary disease model, loaded on its first prediction or card ({@link #coronaryDisease()}). */
    public static LearnedModel coronaryDiseaseDeferred() {
        return new DeferredLearnedModel(CoronaryDiseaseLearnedModel.REF, CoronaryDiseaseLearnedModel.INPUTS,
                LearnedModels::coronaryDisease);
    }

    /** Loaded once; a failure is kept and reported on every use (not as a class initialisation error). */
    private static final class Holder {
        static final CoronaryDiseaseLearnedModel CORONARY;
        static final LearnedModelException FAILURE;

        static {
            CoronaryDiseaseLearnedModel model = null;
            LearnedModelException failure = null;
            try {
                model = CoronaryDiseaseLearnedModel.bundled();
            } catch (LearnedModelException e) {
                failure = e;
            }
            CORONARY = model;
            FAILURE = failure;
        }
    }
}
