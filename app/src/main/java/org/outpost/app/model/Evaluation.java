package org.outpost.app.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outpost.app.text.Text;

/**
 * The result of running a model on one person's inputs. Either applicable with a value, or not
 * applicable with the reasons (outside the validated population, missing inputs) — never a number
 * outside the model's validated range.
 *
 * @param value         the result in {@code unit} (a 10-year risk is in %, a score in points)
 * @param category      the source's risk category for the value, e.g. "intermediate"
 * @param contributions each input's share of the result
 * @param missing       names of required inputs that were not given
 * @param reasonTexts   why the model is not applicable (empty when applicable), as texts of the clinical bundle;
 *                      {@link #reasons()} gives them in English
 * @param recommendation what to do, for models that advise (dosing, pharmacogenomics); an applicable
 *                      evaluation has a value, a recommendation, or both (CPIC advice has no number)
 * @param spread        for a learned model, the range its bootstrap ensemble gives (only with a value)
 * @param outOfDistribution for a learned model, whether the inputs are like its training data; when they are not,
 *                      the evaluation is not applicable and its reason starts {@link OutOfDistribution#PREFIX}
 * @param imputed       inputs that were not given and that the model filled in the way its source does, with the
 *                      value used (only on an applicable evaluation); the screen marks them as estimated
 */
public record Evaluation(ModelRef model, boolean applicable, OptionalDouble value, String unit,
                         Optional<String> category, List<Contribution> contributions, List<String> missing,
                         List<Text> reasonTexts, Optional<Recommendation> recommendation, Optional<Spread> spread,
                         Optional<OutOfDistribution> outOfDistribution, List<ImputedInput> imputed) {
    public Evaluation {
        Objects.requireNonNull(model, "model");
        unit = unit == null ? "" : unit;
        category = category == null ? Optional.empty() : category;
        contributions = List.copyOf(contributions);
        missing = List.copyOf(missing);
        reasonTexts = List.copyOf(reasonTexts);
        recommendation = recommendation == null ? Optional.empty() : recommendation;
        spread = spread == null ? Optional.empty() : spread;
        outOfDistribution = outOfDistribution == null ? Optional.empty() : outOfDistribution;
        imputed = imputed == null ? List.of() : List.copyOf(imputed);
        if (!applicable && !imputed.isEmpty()) {
            throw new IllegalArgumentException("Only an applicable evaluation has imputed inputs");
        }
        if (spread.isPresent() && value.isEmpty()) {
            throw new IllegalArgumentException("A spread comes only with a value");
        }
        if (applicable && value.isEmpty() && recommendation.isEmpty()) {
            throw new IllegalArgumentException("An applicable evaluation has a value or a recommendation");
        }
        if (!applicable && (value.isPresent() || recommendation.isPresent() || reasonTexts.isEmpty() && missing.isEmpty())) {
            throw new IllegalArgumentException("A non-applicable evaluation has reasons and no value");
        }
    }

    public static Evaluation of(ModelRef model, double value, String unit, String category,
                                List<Contribution> contributions) {
        return new Evaluation(model, true, OptionalDouble.of(value), unit, Optional.ofNullable(category),
                contributions, List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** An applicable evaluation with advice and, when the model computes one, a number (else NaN). */
    public static Evaluation advice(ModelRef model, double value, String unit, String category,
                                    List<Contribution> contributions, Recommendation recommendation) {
        return new Evaluation(model, true, Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value),
                unit, Optional.ofNullable(category), contributions, List.of(), List.of(),
                Optional.of(recommendation), Optional.empty(), Optional.empty(), List.of());
    }

    /** This evaluation with the inputs the model filled in itself (see {@link ImputedInput}). */
    public Evaluation withImputed(List<ImputedInput> filled) {
        return new Evaluation(model, applicable, value, unit, category, contributions, missing, reasonTexts, recommendation,
                spread, outOfDistribution, filled);
    }

    /** The value the model used for {@code input} when it filled it in, if it did. */
    public Optional<ImputedInput> imputed(String input) {
        return imputed.stream().filter(i -> i.input().equals(input)).findFirst();
    }

    /**
     * Not applicable for reasons in words not (yet) behind keys of the clinical bundle: each is shown as written,
     * in every language. Prefer {@link #notApplicableBecause}.
     */
    public static Evaluation notApplicable(ModelRef model, List<String> missing, List<String> reasons) {
        return notApplicableBecause(model, missing, reasons.stream().map(Text::verbatim).toList());
    }

    /** Not applicable: the inputs that are missing and why the model does not apply, as clinical texts. */
    public static Evaluation notApplicableBecause(ModelRef model, List<String> missing, List<Text> reasons) {
        return new Evaluation(model, false, OptionalDouble.empty(), "", Optional.empty(), List.of(), missing, reasons,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** Why the model is not applicable, in English (the command line's, JSON's and CSV's language). */
    public List<String> reasons() {
        return reasonTexts.stream().map(Text::english).toList();
    }

    /**
     * A learned model's result for inputs like its training data: the value, the range its bootstrap ensemble
     * gives, the contributions, and the in-distribution verdict.
     */
    public static Evaluation learned(ModelRef model, double value, String unit, String category, Spread spread,
                                     List<Contribution> contributions, OutOfDistribution verdict) {
        if (!verdict.inDistribution()) {
            throw new IllegalArgumentException("A value is given only for inputs like the training data");
        }
        return new Evaluation(model, true, OptionalDouble.of(value), unit, Optional.ofNullable(category),
                contributions, List.of(), List.of(), Optional.empty(), Optional.of(spread), Optional.of(verdict), List.of());
    }

    /** A learned model's refusal for inputs unlike its training data: no number, the verdict and its reason. */
    public static Evaluation outsideTrainingData(ModelRef model, OutOfDistribution verdict) {
        if (verdict.inDistribution()) {
            throw new IllegalArgumentException("The inputs are like the training data");
        }
        return new Evaluation(model, false, OptionalDouble.empty(), "", Optional.empty(), List.of(), List.of(),
                List.of(verdict.reasonText()), Optional.empty(), Optional.empty(), Optional.of(verdict), List.of());
    }
}
