package org.outpost.app.prescribing;

import java.time.Period;
import java.util.List;
import java.util.Objects;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;

/**
 * A model that only takes chart values from the last {@code window}: dosing needs a recent creatinine and
 * weight, where a risk score may use last year's. Everything else is the wrapped model.
 */
record RecentInputs(ClinicalModel model, Period window) implements ClinicalModel {
    RecentInputs {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(window, "window");
    }

    @Override
    public ModelRef ref() {
        return model.ref();
    }

    @Override
    public List<InputSpec> inputs() {
        return model.inputs();
    }

    @Override
    public Evaluation evaluate(ModelInputs inputs) {
        return model.evaluate(inputs);
    }

    @Override
    public Period freshness() {
        return window;
    }
}
