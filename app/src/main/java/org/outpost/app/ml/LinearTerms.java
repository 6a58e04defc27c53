package org.outpost.app.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.transform.TransformedModel;

/**
 * The shipped logistic regression as its terms: the intercept and one weight per standardised feature, in
 * log-odds of disease. Read back from the model itself, without depending on the solver's internals: with every
 * standardised feature 0 the model's log-odds is the intercept, and with feature j alone 1 it is the intercept plus
 * that feature's weight. Checked on load: the terms must give back the model's own probability for a case, else
 * the model is not a linear logistic model and is refused.
 */
final class LinearTerms {
    private final TransformedModel<Label> model;
    private final List<String> featureNames;
    private final double intercept;
    private final double[] weights;

    private LinearTerms(TransformedModel<Label> model, List<String> featureNames, double intercept, double[] weights) {
        this.model = model;
        this.featureNames = featureNames;
        this.intercept = intercept;
        this.weights = weights;
    }

    /** Reads the terms of a standardised linear model over {@link ClevelandCase#features()}. */
    static LinearTerms of(Model<Label> loaded, ClevelandCase check, String file) {
        if (!(loaded instanceof TransformedModel<Label> transformed)) {
            throw new LearnedModelException(file + " is not a model on standardised features (a Tribuo "
                    + "TransformedModel), but a " + loaded.getClass().getSimpleName());
        }
        List<String> names = check.features().stream().map(Feature::getName).toList();
        Model<Label> inner = transformed.getInnerModel();
        double[] zero = new double[names.size()];
        double intercept = logOdds(inner, names, zero, file);
        double[] weights = new double[names.size()];
        for (int j = 0; j < names.size(); j++) {
            double[] unit = new double[names.size()];
            unit[j] = 1;
            weights[j] = logOdds(inner, names, unit, file) - intercept;
        }
        LinearTerms terms = new LinearTerms(transformed, names, intercept, weights);
        double expected = check.diseaseProbability(loaded);
        double fromTerms = 1 / (1 + Math.exp(-terms.linearPredictor(check)));
        if (Math.abs(expected - fromTerms) > 1e-9) {
            throw new LearnedModelException(file + " is not a linear logistic model: its terms give " + fromTerms
                    + " where the model gives " + expected);
        }
        return terms;
    }

    /** The standardised value of each feature of {@code c}, by feature name. */
    Map<String, Double> standardised(ClevelandCase c) {
        Example<Label> z = model.getTransformerMap().transformExample(c.example(LabelFactory.UNKNOWN_LABEL));
        Map<String, Double> values = new LinkedHashMap<>();
        for (Feature f : z) {
            values.put(f.getName(), f.getValue());
        }
        return values;
    }

    /** Intercept plus every feature's weight × standardised value: the log-odds of disease. */
    double linearPredictor(ClevelandCase c) {
        Map<String, Double> z = standardised(c);
        double sum = intercept;
        for (int j = 0; j < weights.length; j++) {
            sum += weights[j] * z.getOrDefault(featureNames.get(j), 0.0);
        }
        return sum;
    }

    /**
     * Each input's term (the sum over its features of weight × standardised value) in log-odds, in form order, and
     * the intercept as {@link org.outpost.app.model.Contribution#BASELINE}: they add up to the linear predictor.
     * A term is the input's push away from a person with every input at the training mean.
     */
    Map<String, Double> termsByInput(ClevelandCase c) {
        Map<String, Double> z = standardised(c);
        Map<String, Double> terms = new LinkedHashMap<>();
        for (int j = 0; j < weights.length; j++) {
            terms.merge(ClevelandCase.inputOf(featureNames.get(j)),
                    weights[j] * z.getOrDefault(featureNames.get(j), 0.0), Double::sum);
        }
        terms.put(org.outpost.app.model.Contribution.BASELINE, intercept);
        return terms;
    }

    double intercept() {
        return intercept;
    }

    private static double logOdds(Model<Label> inner, List<String> names, double[] values, String file) {
        List<Feature> features = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) {
            features.add(new Feature(names.get(j), values[j]));
        }
        Label disease = inner.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, features)).getOutputScores()
                .get(ClevelandCase.DISEASE);
        if (disease == null) {
            throw new LearnedModelException(file + " has no '" + ClevelandCase.DISEASE + "' outcome");
        }
        double p = disease.getScore();
        return Math.log(p / (1 - p));
    }
}
