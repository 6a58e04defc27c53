package org.outpost.app.model;

import java.time.Period;
import java.util.List;

/**
 * A bundled, versioned clinical model: one class per model, named as clinicians name it, its source cited
 * in its Javadoc with the validated range. Implementations are immutable and thread-safe.
 */
public interface ClinicalModel {
    ModelRef ref();

    /** Everything the model reads, in the order a form shows them. */
    List<InputSpec> inputs();

    /**
     * Runs the model. Never throws for missing or out-of-range inputs: lists what is missing, or says why
     * the person is outside the validated population.
     */
    Evaluation evaluate(ModelInputs inputs);

    /** How old a chart value may be and still be used as an input. */
    default Period freshness() {
        return Period.ofYears(1);
    }
}
